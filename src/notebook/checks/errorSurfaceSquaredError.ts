/** Checks the reader's `squaredError(outputs, targets)` from the error-surface chapter against the engine's loss. */
import { measureLoss } from "../../engine/index";
import type { Checker } from "./types";

// Different lengths (3, 4, 5) tell "summed instead of averaging" apart from "forgot the ½".
const CASES = [
  { outputs: [0.8, 0.3, 0.5], targets: [1, 0, 1] },
  { outputs: [0.9, 0.2, 0.6, 0.1], targets: [1, 1, 0, 0] },
  { outputs: [0.25, 0.75, 0.5, 0.95, 0.05], targets: [0, 1, 1, 0, 1] },
];

/** The engine's E = (1/N) Σ_n ½(t_n − y_n)² for one output unit (identity: the outputs are given as a). */
function expectedError(outputs: number[], targets: number[]): number {
  const a = Float64Array.from(outputs);
  return measureLoss("squaredError", "identity", a, a, targets, outputs.length, 1) / outputs.length;
}

/** A number as a reader wants to see it: six significant digits, no floating-point noise. */
const show = (value: number) => String(Number(value.toPrecision(6)));
const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;

/** Names the mistake when the reader's value matches a typical wrong formula. */
function diagnose(value: number, outputs: number[], targets: number[]): string | undefined {
  const N = outputs.length;
  const expected = expectedError(outputs, targets);
  const differences = outputs.map((y, n) => targets[n] - y);
  if (close(value, 2 * expected)) return "your value is exactly twice the expected one: you forgot the ½ in ½(t − y)²";
  if (close(value, N * expected)) return `your value is exactly N = ${N} times the expected one: you summed over the examples instead of averaging (divide by N)`;
  if (close(value, 2 * N * expected)) return `your value is exactly 2N = ${2 * N} times the expected one: you forgot the ½ and summed instead of averaging`;
  if (close(value, (N / (N - 1)) * expected)) return `you divided by N − 1 = ${N - 1}; average over all N = ${N} examples`;
  if (close(value, expected / 2)) return "your value is half the expected one: the ½ is in there twice";
  const unsquared = [1, 0.5, N, N / 2].flatMap((scale) => [scale * mean(differences), -scale * mean(differences)]);
  if (unsquared.some((candidate) => close(value, candidate))) {
    return "you added up the differences t − y without squaring them, so misses above and below the target cancel out";
  }
  if (close(value, mean(differences.map(Math.abs)) / 2) || close(value, mean(differences.map(Math.abs)))) {
    return "you used the absolute difference |t − y|; square it instead";
  }
  if (close(value, 0.5 * mean(differences) ** 2) || close(value, mean(differences) ** 2)) {
    return "you squared the average difference; square each difference first, then average the squares";
  }
  return undefined;
}

/** Expects squaredError(outputs, targets) = (1/N) Σ_n ½(t_n − y_n)², without changing its arguments. */
export const checkErrorSurfaceSquaredError: Checker = (scope) => {
  const squaredError = scope.squaredError;
  if (typeof squaredError !== "function") {
    return { passed: false, message: "define a function squaredError(outputs, targets) that returns a number" };
  }
  for (const { outputs, targets } of CASES) {
    const call = `squaredError([${outputs.join(", ")}], [${targets.join(", ")}])`;
    const outputsCopy = [...outputs];
    const targetsCopy = [...targets];
    const value = squaredError(outputsCopy, targetsCopy) as unknown;
    if (outputsCopy.some((y, n) => y !== outputs[n]) || targetsCopy.some((t, n) => t !== targets[n])) {
      return { passed: false, message: `${call} changed the arrays it was given; compute the error without writing into outputs or targets` };
    }
    if (typeof value !== "number") return { passed: false, message: `${call} returned ${String(value)}, which is not a number; return E` };
    if (!Number.isFinite(value)) return { passed: false, message: `${call} returned ${value}; check for a division by zero or an undefined element (loop n from 0 to N − 1)` };
    const expected = expectedError(outputs, targets);
    if (close(value, expected)) continue;
    const why = diagnose(value, outputs, targets);
    const shown = `${call} returned ${show(value)}; expected ${show(expected)}`;
    return { passed: false, message: why ? `${shown}: ${why}.` : `${shown} = (1/N) Σ ½(t − y)² with N = ${outputs.length}.` };
  }
  return { passed: true, message: "squaredError matches the engine: each difference squared, halved, and averaged over the examples." };
};
