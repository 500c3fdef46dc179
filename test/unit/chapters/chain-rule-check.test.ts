import { describe, expect, it } from "vitest";
import { checkLocalBackward, makeBackwardCases } from "../../../src/notebook/checks/localBackward";

const rightMul = (a: number, b: number, g: number) => [g * b, g * a];
const rightTanh = (a: number, g: number) => g * (1 - Math.tanh(a) ** 2);
const judge = (mulBackward: unknown, tanhBackward: unknown = rightTanh) => checkLocalBackward({ mulBackward, tanhBackward });

describe("the chain-rule exercise checker (localBackward)", () => {
  it("accepts the right backward steps", () => {
    expect(judge(rightMul)).toMatchObject({ passed: true });
  });

  it("draws seeded cases that keep the mistakes apart", () => {
    const cases = makeBackwardCases();
    expect(cases).toEqual(makeBackwardCases());
    for (const { a, b, outGrad } of cases) {
      expect(Math.abs(Math.abs(a) - Math.abs(b))).toBeGreaterThan(0.3);
      expect(Math.abs(outGrad)).toBeGreaterThanOrEqual(1.5);
    }
  });

  it.each([
    ["used a instead of b", (a: number, b: number, g: number) => [g * a, g * a], "should use b, you used a"],
    ["forgot outGrad", (a: number, b: number) => [b, a], "forgot to multiply by the gradient flowing in"],
    ["swapped", (a: number, b: number, g: number) => [g * a, g * b], "swapped"],
    ["flipped sign", (a: number, b: number, g: number) => [-g * b, -g * a], "sign is flipped"],
    ["treated as addition", (a: number, b: number, g: number) => [g, g], "as an addition would"],
    ["returned nothing useful", () => [0, 0], "By the chain rule"],
    ["returned a number", (a: number, b: number, g: number) => g * b, "return an array of two numbers"],
  ])("names the mistake when mulBackward %s", (_, mulBackward, words) => {
    const verdict = judge(mulBackward);
    expect(verdict.passed).toBe(false);
    expect(verdict.message).toContain(words);
  });

  it.each([
    ["used 1 − a²", (a: number, g: number) => g * (1 - a * a), "you used 1 − a²"],
    ["forgot outGrad", (a: number) => 1 - Math.tanh(a) ** 2, "forgot to multiply by the gradient flowing in"],
    ["forgot the square", (a: number, g: number) => g * (1 - Math.tanh(a)), "forgot to square"],
    ["returned NaN", () => NaN, "not a finite number"],
  ])("names the mistake when tanhBackward %s", (_, tanhBackward, words) => {
    const verdict = judge(rightMul, tanhBackward);
    expect(verdict.passed).toBe(false);
    expect(verdict.message).toContain(words);
  });

  it("asks for the functions when they are missing", () => {
    expect(checkLocalBackward({}).message).toContain("define a function mulBackward");
    expect(checkLocalBackward({ mulBackward: rightMul }).message).toContain("define a function tanhBackward");
  });
});
