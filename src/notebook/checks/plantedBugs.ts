/**
 * Checks the reader's repaired `networkGradients(params, X, labels, B)` from chapter 7 (a
 * d₀-d₁-d₂ network, sigmoid hidden units, softmax output, cross-entropy averaged over the batch)
 * against the engine, array by array, and names each of the four planted bugs still in it:
 * ∂E/∂W² transposed, φ′ missing from Δ¹, ∂E/∂b² averaged twice, ∂E/∂b¹ forgotten.
 */
import { backward, createNetwork, createRandom, forward } from "../../engine/index";
import { transposeMatrix } from "./batchedDense";
import type { Checker, CheckResult } from "./types";
import { formatNumber } from "./wording";
import { en } from "../../i18n/en";
import type { Strings } from "../../i18n/types";

/** The four arrays of a two-layer network, in the chapter's names (W1 is W¹ = the code's layers[0]). */
export interface TwoLayerParams {
  W1: Float64Array;
  b1: Float64Array;
  W2: Float64Array;
  b2: Float64Array;
}

/** A case: sizes, parameters, a batch, and the engine's gradients. */
export interface BugCase {
  sizes: [number, number, number];
  B: number;
  params: TwoLayerParams;
  X: Float64Array;
  labels: number[];
  gradients: TwoLayerParams;
}

/** Builds a sigmoid-softmax network with the engine, runs one batch, and copies out what the checker needs. */
export function makeBugCase(sizes: [number, number, number], B: number, seed: number): BugCase {
  const random = createRandom(seed);
  const network = createNetwork({ sizes, hiddenActivation: "sigmoid", outputActivation: "softmax", loss: "softmaxCrossEntropy", init: "uniform", initScale: 1, random });
  for (const layer of network.layers) for (let j = 0; j < layer.biases.length; j++) layer.biases[j] = random.uniform(-0.5, 0.5);
  const X = Float64Array.from({ length: B * sizes[0] }, () => random.uniform(0, 1));
  const labels = Array.from({ length: B }, (_, r) => (r * 3 + seed) % sizes[2]);
  const targets = new Float64Array(B * sizes[2]);
  labels.forEach((label, r) => (targets[r * sizes[2] + label] = 1));
  forward(network, X, B);
  backward(network, targets);
  const [one, two] = network.layers;
  return {
    sizes, B, X, labels,
    params: { W1: one.weights.slice(), b1: one.biases.slice(), W2: two.weights.slice(), b2: two.biases.slice() },
    gradients: { W1: one.weightGradient.slice(), b1: one.biasGradient.slice(), W2: two.weightGradient.slice(), b2: two.biasGradient.slice() },
  };
}

/** ∂E/∂W¹ and ∂E/∂b¹ when Δ¹ = Δ² W² without the factor σ′(Z¹): the missing-φ′ bug's signature. */
function withoutPhiPrime(c: BugCase): { W1: Float64Array; b1: Float64Array } {
  const [n0, n1, n2] = c.sizes;
  const { W1, b1, W2, b2 } = c.params;
  const W1grad = new Float64Array(n1 * n0);
  const b1grad = new Float64Array(n1);
  for (let r = 0; r < c.B; r++) {
    const hidden = Array.from({ length: n1 }, (_, j) => {
      let z = b1[j];
      for (let k = 0; k < n0; k++) z += W1[j * n0 + k] * c.X[r * n0 + k];
      return 1 / (1 + Math.exp(-z));
    });
    const logits = Array.from({ length: n2 }, (_, j) => hidden.reduce((z, a, k) => z + W2[j * n1 + k] * a, b2[j]));
    const top = Math.max(...logits);
    const exps = logits.map((z) => Math.exp(z - top));
    const total = exps.reduce((s, e) => s + e, 0);
    const delta2 = exps.map((e, j) => e / total - (j === c.labels[r] ? 1 : 0));
    for (let k = 0; k < n1; k++) {
      const delta1 = delta2.reduce((s, d, j) => s + d * W2[j * n1 + k], 0);
      b1grad[k] += delta1 / c.B;
      for (let i = 0; i < n0; i++) W1grad[k * n0 + i] += (delta1 * c.X[r * n0 + i]) / c.B;
    }
  }
  return { W1: W1grad, b1: b1grad };
}

const CASES = [makeBugCase([6, 5, 4], 3, 5), makeBugCase([4, 7, 3], 5, 9)];
const TOLERANCE = 1e-9;
const close = (a: unknown, b: number) => typeof a === "number" && Math.abs(a - b) <= TOLERANCE * Math.max(1, Math.abs(b));
const same = (actual: ArrayLike<unknown>, expected: ArrayLike<number>) => actual.length === expected.length && Array.from(expected).every((value, i) => close(actual[i], value));
// The arrays in the chapter's symbols and the code's names; the same in every language.
const NAMES = { W1: "∂E/∂W¹ (gradients.W1)", b1: "∂E/∂b¹ (gradients.b1)", W2: "∂E/∂W² (gradients.W2)", b2: "∂E/∂b² (gradients.b2)" } as const;

/** Names what is wrong with one gradient array, or undefined when it matches the engine. */
function judgeArray(key: keyof TwoLayerParams, value: unknown, c: BugCase, s: Strings): string | undefined {
  const expected = c.gradients[key];
  const [, n1, n2] = c.sizes;
  if (!(value instanceof Float64Array) && !Array.isArray(value)) return s.pbNotArray({ name: NAMES[key], yours: value === undefined ? s.bdMissing : typeof value });
  if (value.length !== expected.length) return s.pbLength({ name: NAMES[key], length: value.length, expected: expected.length });
  if (same(value, expected)) return undefined;
  if (key === "W2" && same(value, transposeMatrix(expected, n2, n1))) return s.pbTransposed({ name: NAMES[key], n1, n2 });
  if (key === "b2" && same(value, expected.map((g) => g / c.B))) return s.pbAveragedTwice({ name: NAMES[key], B: c.B });
  if (key === "b1" && Array.from(value as ArrayLike<number>).every((g) => g === 0)) return s.pbZeros({ name: NAMES[key] });
  const missing = withoutPhiPrime(c);
  if ((key === "W1" || key === "b1") && same(value, missing[key])) return s.pbNoPhiPrime({ name: NAMES[key] });
  const i = Array.from(expected).findIndex((g, at) => !close((value as ArrayLike<unknown>)[at], g));
  return s.pbDiffers({ name: NAMES[key], i, got: formatNumber((value as ArrayLike<unknown>)[i]), expected: formatNumber(expected[i]) });
}

/** Expects `networkGradients(params, X, labels, B)` to return the engine's four gradient arrays. */
export const checkPlantedBugs: Checker = (scope, s = en): CheckResult => {
  const networkGradients = scope.networkGradients;
  if (typeof networkGradients !== "function") return { passed: false, message: s.pbDefine };
  for (const c of CASES) {
    const params = { W1: c.params.W1.slice(), b1: c.params.b1.slice(), W2: c.params.W2.slice(), b2: c.params.b2.slice() };
    const result = networkGradients(params, c.X.slice(), c.labels.slice(), c.B) as Record<string, unknown> | undefined;
    if (typeof result !== "object" || result === null) return { passed: false, message: s.pbNotObject({ result: String(result) }) };
    const problems = (["W2", "b2", "W1", "b1"] as const).map((key) => judgeArray(key, result[key], c, s)).filter((problem) => problem !== undefined);
    if (problems.length > 0) {
      return { passed: false, message: s.pbStillWrong({ sizes: c.sizes.join("-"), B: c.B, wrong: problems.length, problems: problems.join(s.chkProblemSeparator) }) };
    }
  }
  return { passed: true, message: s.pbPassed };
};

/** The cases, for tests. */
export const bugCases = CASES;
