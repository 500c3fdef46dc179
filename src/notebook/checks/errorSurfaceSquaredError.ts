/** Checks the reader's `squaredError(outputs, targets)` from the error-surface chapter against the engine's loss. */
import { measureLoss } from "../../engine/index";
import type { Checker } from "./types";
import { en } from "../../i18n/en";
import type { Strings } from "../../i18n/types";

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
function diagnose(value: number, outputs: number[], targets: number[], s: Strings): string | undefined {
  const N = outputs.length;
  const expected = expectedError(outputs, targets);
  const differences = outputs.map((y, n) => targets[n] - y);
  if (close(value, 2 * expected)) return s.sqTwice;
  if (close(value, N * expected)) return s.sqSummed({ n: N });
  if (close(value, 2 * N * expected)) return s.sqTwiceSummed({ twoN: 2 * N });
  if (close(value, (N / (N - 1)) * expected)) return s.sqNMinusOne({ n: N, nMinusOne: N - 1 });
  if (close(value, expected / 2)) return s.sqHalf;
  const unsquared = [1, 0.5, N, N / 2].flatMap((scale) => [scale * mean(differences), -scale * mean(differences)]);
  if (unsquared.some((candidate) => close(value, candidate))) {
    return s.sqUnsquared;
  }
  if (close(value, mean(differences.map(Math.abs)) / 2) || close(value, mean(differences.map(Math.abs)))) {
    return s.sqAbsolute;
  }
  if (close(value, 0.5 * mean(differences) ** 2) || close(value, mean(differences) ** 2)) {
    return s.sqSquaredMean;
  }
  return undefined;
}

/** Expects squaredError(outputs, targets) = (1/N) Σ_n ½(t_n − y_n)², without changing its arguments. */
export const checkErrorSurfaceSquaredError: Checker = (scope, s = en) => {
  const squaredError = scope.squaredError;
  if (typeof squaredError !== "function") {
    return { passed: false, message: s.sqDefine };
  }
  for (const { outputs, targets } of CASES) {
    const call = `squaredError([${outputs.join(", ")}], [${targets.join(", ")}])`;
    const outputsCopy = [...outputs];
    const targetsCopy = [...targets];
    const value = squaredError(outputsCopy, targetsCopy) as unknown;
    if (outputsCopy.some((y, n) => y !== outputs[n]) || targetsCopy.some((t, n) => t !== targets[n])) {
      return { passed: false, message: s.sqChangedArrays({ call }) };
    }
    if (typeof value !== "number") return { passed: false, message: s.sqNotNumber({ call, value: String(value) }) };
    if (!Number.isFinite(value)) return { passed: false, message: s.sqNotFinite({ call, value: String(value) }) };
    const expected = expectedError(outputs, targets);
    if (close(value, expected)) continue;
    const why = diagnose(value, outputs, targets, s);
    const shown = s.sqShown({ call, got: show(value), expected: show(expected) });
    return { passed: false, message: why ? s.chkShownWhy({ shown, why }) : s.sqFormula({ shown, n: outputs.length }) };
  }
  return { passed: true, message: s.sqPassed };
};
