import { describe, expect, it } from "vitest";
import { checkErrorSurfaceSquaredError } from "../../../../src/notebook/checks/errorSurfaceSquaredError";

describe("the squaredError exercise checker", () => {
  const run = (source: (outputs: number[], targets: number[]) => number) => checkErrorSurfaceSquaredError({ squaredError: source });
  const mean = (outputs: number[], targets: number[], f: (d: number) => number) => outputs.reduce((s, y, n) => s + f(targets[n] - y), 0) / outputs.length;

  it("accepts the mean of ½(t − y)²", () => {
    expect(run((y, t) => mean(y, t, (d) => 0.5 * d * d))).toMatchObject({ passed: true });
  });

  it("says what is wrong for typical mistakes", () => {
    expect(run((y, t) => mean(y, t, (d) => d * d)).message).toMatch(/twice the expected one: you forgot the ½/);
    expect(run((y, t) => mean(y, t, (d) => 0.5 * d * d) * y.length).message).toMatch(/summed over the examples instead of averaging/);
    expect(run((y, t) => mean(y, t, (d) => d * d) * y.length).message).toMatch(/forgot the ½ and summed/);
    expect(run((y, t) => mean(y, t, (d) => d)).message).toMatch(/without squaring/);
    expect(run((y, t) => mean(y, t, (d) => d) * y.length).message).toMatch(/without squaring/);
    expect(run((y, t) => mean(y, t, (d) => Math.abs(d))).message).toMatch(/absolute difference/);
    expect(run((y, t) => (mean(y, t, (d) => 0.5 * d * d) * y.length) / (y.length - 1)).message).toMatch(/divided by N − 1/);
    expect(checkErrorSurfaceSquaredError({}).message).toMatch(/define a function squaredError/);
    expect(run(() => NaN).message).toMatch(/returned NaN/);
  });

  it("rejects a function that writes into its arguments", () => {
    expect(run((y, t) => { y[0] = 0; return mean(y, t, (d) => 0.5 * d * d); }).message).toMatch(/changed the arrays/);
  });
});
