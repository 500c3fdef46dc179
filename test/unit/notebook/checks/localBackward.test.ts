import { describe, expect, it } from "vitest";
import { checkLocalBackward, makeBackwardCases } from "../../../../src/notebook/checks/localBackward";

const rightMul = (x: number, y: number, g: number) => [g * y, g * x];
const rightTanh = (x: number, g: number) => g * (1 - Math.tanh(x) ** 2);
const judge = (mulBackward: unknown, tanhBackward: unknown = rightTanh) => checkLocalBackward({ mulBackward, tanhBackward });

describe("the chain-rule exercise checker (localBackward)", () => {
  it("accepts the right backward steps", () => {
    expect(judge(rightMul)).toMatchObject({ passed: true });
  });

  it("draws seeded cases that keep the mistakes apart", () => {
    const cases = makeBackwardCases();
    expect(cases).toEqual(makeBackwardCases());
    for (const { x, y, outGrad } of cases) {
      expect(Math.abs(Math.abs(x) - Math.abs(y))).toBeGreaterThan(0.3);
      expect(Math.abs(outGrad)).toBeGreaterThanOrEqual(1.5);
    }
  });

  it.each([
    ["used x instead of y", (x: number, _y: number, g: number) => [g * x, g * x], "should use y, you used x"],
    ["forgot outGrad", (x: number, y: number) => [y, x], "forgot to multiply by the gradient flowing in"],
    ["swapped", (x: number, y: number, g: number) => [g * x, g * y], "swapped"],
    ["flipped sign", (x: number, y: number, g: number) => [-g * y, -g * x], "sign is flipped"],
    ["treated as addition", (_x: number, _y: number, g: number) => [g, g], "as an addition would"],
    ["returned nothing useful", () => [0, 0], "By the chain rule"],
    ["returned a number", (_x: number, y: number, g: number) => g * y, "return an array of two numbers"],
  ])("names the mistake when mulBackward %s", (_, mulBackward, words) => {
    const verdict = judge(mulBackward);
    expect(verdict.passed).toBe(false);
    expect(verdict.message).toContain(words);
  });

  it.each([
    ["used 1 − x²", (x: number, g: number) => g * (1 - x * x), "you used 1 − x²"],
    ["forgot outGrad", (x: number) => 1 - Math.tanh(x) ** 2, "forgot to multiply by the gradient flowing in"],
    ["forgot the square", (x: number, g: number) => g * (1 - Math.tanh(x)), "forgot to square"],
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
