import { describe, expect, it } from "vitest";
import { checkDenseBackward } from "../../../../src/notebook/checks/denseBackward";

describe("the denseBackward checker", () => {
  const right = (aPrev: number[], W: number[][], delta: number[]) => ({
    gradW: delta.map((d) => aPrev.map((a) => d * a)),
    gradB: delta.slice(),
    deltaPrev: aPrev.map((a, k) => W.reduce((sum, row, j) => sum + row[k] * delta[j], 0) * a * (1 - a)),
  });

  it("accepts a right answer", () => {
    expect(checkDenseBackward({ denseBackward: right }).passed).toBe(true);
  });

  it("names a transposed gradW", () => {
    const wrong = (aPrev: number[], W: number[][], delta: number[]) => {
      const r = right(aPrev, W, delta);
      return { ...r, gradW: aPrev.map((a) => delta.map((d) => d * a)) };
    };
    const result = checkDenseBackward({ denseBackward: wrong });
    expect(result.passed).toBe(false);
    expect(result.message).toMatch(/gradW is transposed/);
  });

  it("names a missing σ′ factor in deltaPrev", () => {
    const wrong = (aPrev: number[], W: number[][], delta: number[]) => ({
      ...right(aPrev, W, delta),
      deltaPrev: aPrev.map((_, k) => W.reduce((sum, row, j) => sum + row[k] * delta[j], 0)),
    });
    const result = checkDenseBackward({ denseBackward: wrong });
    expect(result.passed).toBe(false);
    expect(result.message).toMatch(/missing the σ′\(z\) factor/);
  });

  it("names a wrong sign on gradB and the skeleton's zeros", () => {
    const negative = (aPrev: number[], W: number[][], delta: number[]) => ({ ...right(aPrev, W, delta), gradB: delta.map((d) => -d) });
    expect(checkDenseBackward({ denseBackward: negative }).message).toMatch(/gradB has the wrong sign/);
    const zeros = (aPrev: number[], W: number[][], delta: number[]) => ({ gradW: W.map((row) => row.map(() => 0)), gradB: delta.map(() => 0), deltaPrev: aPrev.map(() => 0) });
    const result = checkDenseBackward({ denseBackward: zeros });
    expect(result.message).toMatch(/gradW\[0\]\[0\] is 0/);
    expect(result.message).toMatch(/gradB\[0\] is 0/);
  });

  it("asks for the function when it is missing", () => {
    expect(checkDenseBackward({}).message).toMatch(/define a function denseBackward/);
  });
});
