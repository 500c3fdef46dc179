/** Checks the reader's `momentumStep(w, v, gradient, learningRate, momentum)` from the momentum exercise. */
import type { Checker } from "./types";

const CASES = [
  { w: 1, v: 0, gradient: 2, learningRate: 0.1, momentum: 0.9 },
  { w: -0.5, v: 0.3, gradient: -1, learningRate: 0.05, momentum: 0.5 },
];

/** Expects v ← αv − η·g and w ← w + v, returned as `{ w, v }`. */
export const checkMomentumStep: Checker = (scope) => {
  const momentumStep = scope.momentumStep;
  if (typeof momentumStep !== "function") {
    return { passed: false, message: "define a function momentumStep(w, v, gradient, learningRate, momentum) that returns { w, v }" };
  }
  for (const { w, v, gradient, learningRate, momentum } of CASES) {
    const call = `momentumStep(${w}, ${v}, ${gradient}, ${learningRate}, ${momentum})`;
    const result = momentumStep(w, v, gradient, learningRate, momentum) as { w?: unknown; v?: unknown } | undefined;
    if (typeof result !== "object" || result === null) return { passed: false, message: `${call} returned ${String(result)}; return an object { w, v }` };
    const expectedV = momentum * v - learningRate * gradient;
    const expectedW = w + expectedV;
    if (typeof result.v !== "number" || Math.abs(result.v - expectedV) > 1e-9) {
      return { passed: false, message: `${call} gave v = ${String(result.v)}; expected αv − η·g = ${expectedV}` };
    }
    if (typeof result.w !== "number" || Math.abs(result.w - expectedW) > 1e-9) {
      return { passed: false, message: `${call} gave w = ${String(result.w)}; expected w + v_new = ${expectedW} (step with the new velocity)` };
    }
  }
  return { passed: true, message: "momentumStep keeps a velocity and steps with it." };
};
