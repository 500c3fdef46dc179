import { describe, expect, it } from "vitest";
import { checkGradientDescentMomentum } from "../../../../src/notebook/checks/gradientDescentMomentum";

describe("the momentumStep checker", () => {
  const check = (momentumStep: unknown) => checkGradientDescentMomentum({ momentumStep });
  it("accepts the classic momentum step", () => {
    const result = check((w: number, step: number, g: number, eta: number, alpha: number) => {
      const next = alpha * step - eta * g;
      return { w: w + next, step: next };
    });
    expect(result.passed).toBe(true);
  });

  it.each([
    ["+η∇E", (w: number, s: number, g: number, e: number, a: number) => ({ w: w + a * s + e * g, step: a * s + e * g }), "you used +η∇E: the step goes uphill"],
    ["no carry", (w: number, _s: number, g: number, e: number) => ({ w: w - e * g, step: -e * g }), "you forgot to carry the previous step (α·Δw)"],
    ["swapped", (w: number, s: number, g: number, e: number, a: number) => ({ w: w + e * s - a * g, step: e * s - a * g }), "you swapped η and α"],
    ["old step", (w: number, s: number, g: number, e: number, a: number) => ({ w: w + s, step: a * s - e * g }), "you moved w by the previous step"],
  ])("names the mistake: %s", (_name, momentumStep, message) => {
    const result = check(momentumStep);
    expect(result.passed).toBe(false);
    expect(result.message).toContain(message);
  });

  it("asks for a function and for { w, step }", () => {
    expect(check(undefined).message).toContain("define a function momentumStep");
    expect(check(() => ({ w: 1, v: 2 })).message).toContain("return { w, step }");
  });
});
