/**
 * Checks the reader's `denseBackward(aPrev, W, delta)` from the back-propagation chapter against
 * the engine: one layer of a small sigmoid network, its gradients and the deltas it passes down.
 * A wrong answer is compared with the usual mistakes so the message can name the one made.
 */
import { backward, createNetwork, createRandom, forward } from "../../engine/index";
import type { Checker, CheckResult } from "./types";
import { formatNumber } from "./wording";

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
function judgeGradW(actual: unknown, c: LayerCase): string | undefined {
  if (matchesMatrix(actual, c.gradW)) return undefined;
  const m = c.W.length;
  const n = c.aPrev.length;
  if (matchesMatrix(actual, transpose(c.gradW))) return `gradW is transposed: it should have one row per unit of this layer (${m} × ${n}, like W), with gradW[j][k] = delta[j] · aPrev[k]; yours is ${n} × ${m}`;
  if (!Array.isArray(actual) || actual.length !== m || !actual.every((row) => Array.isArray(row) && row.length === n)) {
    return `gradW should be an array of ${m} rows of ${n} numbers (the shape of W); yours is ${shape(actual)}`;
  }
  if (matchesMatrix(actual, c.gradW.map((row) => row.map((value) => -value)))) return "gradW has the wrong sign: ∂E/∂w_jk = +delta[j] · aPrev[k]; the minus sign belongs to the update step, not the gradient";
  if (matchesMatrix(actual, c.W.map((row, j) => row.map((w) => w * c.delta[j])))) return "gradW multiplies delta by the weights W; it should multiply by what came in: gradW[j][k] = delta[j] · aPrev[k] (equation 4)";
  if (hasSwappedIndices(actual as unknown[][], c)) {
    return `gradW has its indices swapped: it has the right shape (${m} × ${n}), but gradW[j][k] must be delta[j] · aPrev[k] (row j for unit j of this layer, column k for input k); yours holds delta[k] · aPrev[j], the transposed product`;
  }
  const slope = c.aPrev.map((a) => a * (1 - a));
  if (matchesMatrix(actual, c.gradW.map((row, j) => row.map((_, k) => c.delta[j] * slope[k])))) return "gradW uses the slope aPrev·(1 − aPrev) instead of the activation aPrev itself: gradW[j][k] = delta[j] · aPrev[k]";
  for (let j = 0; j < m; j++) {
    for (let k = 0; k < n; k++) {
      if (!close(actual[j][k], c.gradW[j][k])) return `gradW[${j}][${k}] is ${formatNumber(actual[j][k])}, expected delta[${j}] · aPrev[${k}] = ${show(c.gradW[j][k])}`;
    }
  }
  return "gradW does not match";
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
function judgeGradB(actual: unknown, c: LayerCase): string | undefined {
  if (matches(actual, c.gradB)) return undefined;
  if (!Array.isArray(actual) || actual.length !== c.delta.length) return `gradB should be an array of ${c.delta.length} numbers, one per unit of this layer; yours is ${shape(actual)}`;
  if (matches(actual, c.gradB.map((value) => -value))) return "gradB has the wrong sign: ∂E/∂b_j = +delta[j]";
  const index = c.gradB.findIndex((value, j) => !close(actual[j], value));
  return `gradB[${index}] is ${formatNumber(actual[index])}, expected delta[${index}] = ${show(c.gradB[index])}: the bias enters z with slope 1, so ∂E/∂b = delta (equation 3)`;
}

/** Compares deltaPrev with (Wᵀδ) ⊙ σ′ and the usual wrong versions. */
function judgeDeltaPrev(actual: unknown, c: LayerCase): string | undefined {
  if (matches(actual, c.deltaPrev)) return undefined;
  const n = c.aPrev.length;
  if (!Array.isArray(actual) || actual.length !== n) {
    return `deltaPrev should have one number per unit of the layer below (${n}); yours has ${Array.isArray(actual) ? actual.length : typeof actual}. Multiply by the transpose: deltaPrev[k] = Σ_j W[j][k] · delta[j]`;
  }
  const back = c.aPrev.map((_, k) => c.W.reduce((sum, row, j) => sum + row[k] * c.delta[j], 0));
  if (matches(actual, back)) return "deltaPrev is missing the σ′(z) factor: multiply each Σ_j W[j][k] · delta[j] by aPrev[k] · (1 − aPrev[k])";
  if (matches(actual, back.map((value, k) => value * c.aPrev[k]))) return "deltaPrev multiplies by aPrev[k] but not by (1 − aPrev[k]): the sigmoid's slope is aPrev[k] · (1 − aPrev[k])";
  if (matches(actual, back.map((value, k) => value * (1 - c.aPrev[k])))) return "deltaPrev multiplies by (1 − aPrev[k]) but not by aPrev[k]: the sigmoid's slope is aPrev[k] · (1 − aPrev[k])";
  if (matches(actual, c.deltaPrev.map((value) => -value))) return "deltaPrev has the wrong sign: deltaPrev[k] = (Σ_j W[j][k] · delta[j]) · aPrev[k] · (1 − aPrev[k])";
  const index = c.deltaPrev.findIndex((value, k) => !close(actual[k], value));
  return `deltaPrev[${index}] is ${formatNumber(actual[index])}, expected (Σ_j W[j][${index}] · delta[j]) · aPrev[${index}] · (1 − aPrev[${index}]) = ${show(c.deltaPrev[index])} (equation 2)`;
}

/** Expects `denseBackward(aPrev, W, delta)` to return `{ gradW, gradB, deltaPrev }` equal to the engine's. */
export const checkDenseBackward: Checker = (scope): CheckResult => {
  const denseBackward = scope.denseBackward;
  if (typeof denseBackward !== "function") return { passed: false, message: "define a function denseBackward(aPrev, W, delta) that returns { gradW, gradB, deltaPrev }" };
  for (const c of CASES) {
    // Copies, so a function that writes into its arguments cannot change the expected answers.
    const result = denseBackward(c.aPrev.slice(), c.W.map((row) => row.slice()), c.delta.slice()) as Record<string, unknown> | undefined;
    if (typeof result !== "object" || result === null) return { passed: false, message: `denseBackward returned ${String(result)}; return an object { gradW, gradB, deltaPrev }` };
    const problems = [judgeGradW(result.gradW, c), judgeGradB(result.gradB, c), judgeDeltaPrev(result.deltaPrev, c)].filter((problem) => problem !== undefined);
    const layer = `a layer of ${c.W.length} units above ${c.aPrev.length}`;
    if (problems.length > 0) return { passed: false, message: `On ${layer}: ${problems.join("; ")}.` };
  }
  return { passed: true, message: "All three parts match the engine's gradients on two different layers: gradW = δ aᵀ, gradB = δ, deltaPrev = (Wᵀδ) ⊙ σ′(z)." };
};
