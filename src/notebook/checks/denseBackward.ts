/**
 * Checks the reader's `denseBackward(aPrev, W, delta)` from the back-propagation chapter against
 * the engine: one layer of a small sigmoid network, its gradients and the deltas it passes down.
 * A wrong answer is compared with the usual mistakes so the message can name the one made.
 */
import { backward, createNetwork, createRandom, forward } from "../../engine/index";
import type { Checker, CheckResult } from "./types";
import { formatNumber } from "./wording";
import { en } from "../../i18n/en";
import type { Strings } from "../../i18n/types";

/** One layer's view of a backward pass, copied out of an engine network as plain arrays. */
interface LayerCase {
  aPrev: number[];
  W: number[][];
  delta: number[];
  gradW: number[][];
  gradB: number[];
  deltaPrev: number[];
}

const TOLERANCE = 1e-9;

/** Builds a sigmoid network of `sizes`, runs one example through it, and reads layer 2 (the one above the first hidden layer). */
function makeCase(sizes: number[], seed: number): LayerCase {
  const random = createRandom(seed);
  const network = createNetwork({ sizes, hiddenActivation: "sigmoid", outputActivation: "sigmoid", loss: "squaredError", init: "uniform", initScale: 1, random });
  const inputs = Array.from({ length: sizes[0] }, () => random.uniform(-1, 1));
  const targets = Array.from({ length: sizes[sizes.length - 1] }, () => random.uniform(0, 1));
  forward(network, inputs);
  backward(network, targets);
  const [below, layer] = network.layers;
  const n = layer.inputSize;
  const rows = (flat: ArrayLike<number>) => Array.from({ length: layer.outputSize }, (_, j) => Array.from(flat).slice(j * n, (j + 1) * n));
  return {
    aPrev: Array.from(below.a),
    W: rows(layer.weights),
    delta: Array.from(layer.delta),
    gradW: rows(layer.weightGradient),
    gradB: Array.from(layer.biasGradient),
    deltaPrev: Array.from(below.delta),
  };
}

const CASES = [makeCase([3, 4, 2], 7), makeCase([2, 3, 5], 31)];

const close = (a: unknown, b: number) => typeof a === "number" && Math.abs(a - b) <= TOLERANCE * Math.max(1, Math.abs(b));
const matches = (actual: unknown, expected: number[]) => Array.isArray(actual) && actual.length === expected.length && expected.every((value, i) => close(actual[i], value));
const matchesMatrix = (actual: unknown, expected: number[][]) => Array.isArray(actual) && actual.length === expected.length && expected.every((row, j) => matches(actual[j], row));
const transpose = (matrix: number[][]) => matrix[0].map((_, k) => matrix.map((row) => row[k]));
const shape = (value: unknown) => (Array.isArray(value) ? `${value.length} × ${Array.isArray(value[0]) ? value[0].length : "?"}` : typeof value);
const show = (value: number) => Number(value.toPrecision(6));

/** Compares gradW with the right answer and with its usual wrong versions. */
function judgeGradW(actual: unknown, c: LayerCase, s: Strings): string | undefined {
  if (matchesMatrix(actual, c.gradW)) return undefined;
  const m = c.W.length;
  const n = c.aPrev.length;
  if (matchesMatrix(actual, transpose(c.gradW))) return s.denseTransposed({ m, n });
  if (!Array.isArray(actual) || actual.length !== m || !actual.every((row) => Array.isArray(row) && row.length === n)) {
    return s.denseGradWShape({ m, n, shape: shape(actual) });
  }
  if (matchesMatrix(actual, c.gradW.map((row) => row.map((value) => -value)))) return s.denseGradWSign;
  if (matchesMatrix(actual, c.W.map((row, j) => row.map((w) => w * c.delta[j])))) return s.denseGradWWeights;
  if (hasSwappedIndices(actual as unknown[][], c)) {
    return s.denseGradWSwapped({ m, n });
  }
  const slope = c.aPrev.map((a) => a * (1 - a));
  if (matchesMatrix(actual, c.gradW.map((row, j) => row.map((_, k) => c.delta[j] * slope[k])))) return s.denseGradWSlope;
  for (let j = 0; j < m; j++) {
    for (let k = 0; k < n; k++) {
      if (!close(actual[j][k], c.gradW[j][k])) return s.denseGradWEntry({ j, k, got: formatNumber(actual[j][k]), expected: String(show(c.gradW[j][k])) });
    }
  }
  return s.denseGradWMismatch;
}

// The right shape, filled by the transposed formula delta[k] · aPrev[j] wherever that exists (elsewhere it is NaN).
function hasSwappedIndices(actual: unknown[][], c: LayerCase): boolean {
  let compared = 0;
  for (let j = 0; j < actual.length; j++) {
    for (let k = 0; k < actual[j].length; k++) {
      const swapped = c.delta[k] !== undefined && c.aPrev[j] !== undefined ? c.delta[k] * c.aPrev[j] : Number.NaN;
      const got = actual[j][k];
      if (Number.isNaN(swapped)) {
        if (typeof got !== "number" || !Number.isNaN(got)) return false;
      } else if (!close(got, swapped)) {
        return false;
      } else {
        compared++;
      }
    }
  }
  return compared > 1;
}

/** Compares gradB with delta and its usual wrong versions. */
function judgeGradB(actual: unknown, c: LayerCase, s: Strings): string | undefined {
  if (matches(actual, c.gradB)) return undefined;
  if (!Array.isArray(actual) || actual.length !== c.delta.length) return s.denseGradBShape({ m: c.delta.length, shape: shape(actual) });
  if (matches(actual, c.gradB.map((value) => -value))) return s.denseGradBSign;
  const index = c.gradB.findIndex((value, j) => !close(actual[j], value));
  return s.denseGradBEntry({ j: index, got: formatNumber(actual[index]), expected: String(show(c.gradB[index])) });
}

/** Compares deltaPrev with (Wᵀδ) ⊙ σ′ and the usual wrong versions. */
function judgeDeltaPrev(actual: unknown, c: LayerCase, s: Strings): string | undefined {
  if (matches(actual, c.deltaPrev)) return undefined;
  const n = c.aPrev.length;
  if (!Array.isArray(actual) || actual.length !== n) {
    return s.denseDeltaShape({ n, got: Array.isArray(actual) ? String(actual.length) : typeof actual });
  }
  const back = c.aPrev.map((_, k) => c.W.reduce((sum, row, j) => sum + row[k] * c.delta[j], 0));
  if (matches(actual, back)) return s.denseDeltaNoSlope;
  if (matches(actual, back.map((value, k) => value * c.aPrev[k]))) return s.denseDeltaHalfSlopeA;
  if (matches(actual, back.map((value, k) => value * (1 - c.aPrev[k])))) return s.denseDeltaHalfSlopeB;
  if (matches(actual, c.deltaPrev.map((value) => -value))) return s.denseDeltaSign;
  const index = c.deltaPrev.findIndex((value, k) => !close(actual[k], value));
  return s.denseDeltaEntry({ k: index, got: formatNumber(actual[index]), expected: String(show(c.deltaPrev[index])) });
}

/** Expects `denseBackward(aPrev, W, delta)` to return `{ gradW, gradB, deltaPrev }` equal to the engine's. */
export const checkDenseBackward: Checker = (scope, s = en): CheckResult => {
  const denseBackward = scope.denseBackward;
  if (typeof denseBackward !== "function") return { passed: false, message: s.denseDefine };
  for (const c of CASES) {
    // Copies, so a function that writes into its arguments cannot change the expected answers.
    const result = denseBackward(c.aPrev.slice(), c.W.map((row) => row.slice()), c.delta.slice()) as Record<string, unknown> | undefined;
    if (typeof result !== "object" || result === null) return { passed: false, message: s.denseNotObject({ result: String(result) }) };
    const problems = [judgeGradW(result.gradW, c, s), judgeGradB(result.gradB, c, s), judgeDeltaPrev(result.deltaPrev, c, s)].filter((problem) => problem !== undefined);
    if (problems.length > 0) return { passed: false, message: s.denseOnLayer({ units: c.W.length, below: c.aPrev.length, problems: problems.join(s.chkProblemSeparator) }) };
  }
  return { passed: true, message: s.densePassed };
};
