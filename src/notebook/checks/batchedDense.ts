/**
 * Checks the reader's batched dense layer from chapter 7 against the engine:
 * `denseForward(A, W, b, B)` → Z = A Wᵀ + 1bᵀ, and `denseBackward(A, W, Delta, B)` →
 * { gradW: Δᵀ A / B, gradB: column sums of Δ / B, gradA: Δ W }, all Float64Array, row-major,
 * one row per example. Transposed and wrongly averaged results are named.
 */
import { backward, createNetwork, createRandom, forward } from "../../engine/index";
import type { Checker, CheckResult } from "./types";
import { formatNumber } from "./wording";
import { en } from "../../i18n/en";
import type { Strings } from "../../i18n/types";

/** One layer of m units above n, on a batch of B examples, read out of an engine network. */
export interface DenseCase {
  B: number;
  n: number;
  m: number;
  A: Float64Array;
  W: Float64Array;
  b: Float64Array;
  Z: Float64Array;
  Delta: Float64Array;
  gradW: Float64Array;
  gradB: Float64Array;
  gradA: Float64Array;
}

/** An identity network p → n → m: its top layer's input is A and the layer below's δ is exactly Δ W. */
export function makeDenseCase(B: number, n: number, m: number, seed: number): DenseCase {
  const random = createRandom(seed);
  const network = createNetwork({ sizes: [3, n, m], hiddenActivation: "identity", outputActivation: "identity", loss: "squaredError", init: "uniform", initScale: 1, random });
  for (const layer of network.layers) for (let j = 0; j < layer.biases.length; j++) layer.biases[j] = random.uniform(-1, 1);
  const inputs = Float64Array.from({ length: B * 3 }, () => random.uniform(-1, 1));
  const targets = Float64Array.from({ length: B * m }, () => random.uniform(-1, 1));
  forward(network, inputs, B);
  backward(network, targets);
  const [below, layer] = network.layers;
  return {
    B, n, m,
    A: below.a.slice(), W: layer.weights.slice(), b: layer.biases.slice(), Z: layer.z.slice(), Delta: layer.delta.slice(),
    gradW: layer.weightGradient.slice(), gradB: layer.biasGradient.slice(), gradA: below.delta.slice(),
  };
}

const CASES = [makeDenseCase(4, 5, 3, 11), makeDenseCase(6, 3, 7, 23)];
const TOLERANCE = 1e-9;

const close = (a: unknown, b: number) => typeof a === "number" && Math.abs(a - b) <= TOLERANCE * Math.max(1, Math.abs(b));
const same = (actual: ArrayLike<unknown>, expected: ArrayLike<number>) => actual.length === expected.length && Array.from(expected).every((value, i) => close(actual[i], value));
const scaled = (values: Float64Array, factor: number) => values.map((value) => value * factor);
/** A rows × columns row-major matrix as columns × rows. */
export function transposeMatrix(values: ArrayLike<number>, rows: number, columns: number): Float64Array {
  const out = new Float64Array(rows * columns);
  for (let r = 0; r < rows; r++) for (let c = 0; c < columns; c++) out[c * rows + r] = values[r * columns + c];
  return out;
}

function asNumbers(value: unknown, name: string, length: number, shape: string, s: Strings): ArrayLike<unknown> | string {
  if (!(value instanceof Float64Array) && !Array.isArray(value)) return s.bdNotArray({ name, length, shape, yours: value === undefined ? s.bdMissing : typeof value });
  if (value.length !== length) return s.bdLength({ name, length, shape, yours: value.length });
  return value;
}

function firstDifference(actual: ArrayLike<unknown>, expected: ArrayLike<number>, name: string, columns: number, s: Strings): string {
  const i = Array.from(expected).findIndex((value, at) => !close(actual[at], value));
  return s.bdFirstDifference({ name, i, row: Math.floor(i / columns), column: i % columns, got: formatNumber(actual[i]), expected: formatNumber(expected[i]) });
}

/** Judges Z against A Wᵀ + 1bᵀ and its usual wrong versions. */
function judgeForward(value: unknown, c: DenseCase, s: Strings): string | undefined {
  const Z = asNumbers(value, "Z", c.B * c.m, `B × d_l = ${c.B} × ${c.m}`, s);
  if (typeof Z === "string") return Z;
  if (same(Z, c.Z)) return undefined;
  if (same(Z, transposeMatrix(c.Z, c.B, c.m))) return s.bdZTransposed({ m: c.m, n: c.n, B: c.B });
  const withoutBias = c.Z.map((z, i) => z - c.b[i % c.m]);
  if (same(Z, withoutBias)) return s.bdZNoBias;
  if (same(Z, withoutBias.map((z, i) => (i < c.m ? z + c.b[i] : z)))) return s.bdZBiasOnce;
  return firstDifference(Z, c.Z, "Z", c.m, s);
}

/** Judges gradW against Δᵀ A / B. */
function judgeGradW(value: unknown, c: DenseCase, s: Strings): string | undefined {
  const gradW = asNumbers(value, "gradW", c.m * c.n, s.bdShapeOfW({ m: c.m, n: c.n }), s);
  if (typeof gradW === "string") return gradW;
  if (same(gradW, c.gradW)) return undefined;
  if (same(gradW, transposeMatrix(c.gradW, c.m, c.n))) return s.bdGradWTransposed({ m: c.m, n: c.n });
  if (same(gradW, scaled(c.gradW, c.B))) return s.bdGradWSummed({ B: c.B });
  if (same(gradW, scaled(c.gradW, 1 / c.B))) return s.bdGradWTwice({ squared: c.B * c.B });
  return firstDifference(gradW, c.gradW, "gradW", c.n, s);
}

/** Judges gradB against the column sums of Δ over B. */
function judgeGradB(value: unknown, c: DenseCase, s: Strings): string | undefined {
  const gradB = asNumbers(value, "gradB", c.m, `d_l = ${c.m}`, s);
  if (typeof gradB === "string") return gradB;
  if (same(gradB, c.gradB)) return undefined;
  if (same(gradB, scaled(c.gradB, c.B))) return s.bdGradBSummed({ B: c.B });
  if (same(gradB, scaled(c.gradB, 1 / c.B))) return s.bdGradBTwice;
  if (same(gradB, c.Delta.subarray(0, c.m))) return s.bdGradBFirst;
  return firstDifference(gradB, c.gradB, "gradB", c.m, s);
}

/** Judges gradA against Δ W (not averaged: each example's own). */
function judgeGradA(value: unknown, c: DenseCase, s: Strings): string | undefined {
  const gradA = asNumbers(value, "gradA", c.B * c.n, `B × d_{l−1} = ${c.B} × ${c.n}`, s);
  if (typeof gradA === "string") return gradA;
  if (same(gradA, c.gradA)) return undefined;
  if (same(gradA, scaled(c.gradA, 1 / c.B))) return s.bdGradADivided;
  if (same(gradA, transposeMatrix(c.gradA, c.B, c.n))) return s.bdGradATransposed({ B: c.B, n: c.n });
  return firstDifference(gradA, c.gradA, "gradA", c.n, s);
}

/** Expects `denseForward` and `denseBackward` to agree with the engine on two layers and batches. */
export const checkBatchedDense: Checker = (scope, s = en): CheckResult => {
  const { denseForward, denseBackward } = scope as Record<string, unknown>;
  if (typeof denseForward !== "function") return { passed: false, message: s.bdDefineForward };
  if (typeof denseBackward !== "function") return { passed: false, message: s.bdDefineBackward };
  for (const c of CASES) {
    const layer = s.bdLayer({ m: c.m, n: c.n, B: c.B });
    const Z = denseForward(c.A.slice(), c.W.slice(), c.b.slice(), c.B);
    const forwardProblem = judgeForward(Z, c, s);
    if (forwardProblem) return { passed: false, message: s.bdOnLayer({ layer, problems: forwardProblem }) };
    const result = denseBackward(c.A.slice(), c.W.slice(), c.Delta.slice(), c.B) as Record<string, unknown> | undefined;
    if (typeof result !== "object" || result === null) return { passed: false, message: s.bdNotObject({ result: String(result) }) };
    const problems = [judgeGradW(result.gradW, c, s), judgeGradB(result.gradB, c, s), judgeGradA(result.gradA, c, s)].filter((problem) => problem !== undefined);
    if (problems.length > 0) return { passed: false, message: s.bdOnLayer({ layer, problems: problems.join(s.chkProblemSeparator) }) };
  }
  return { passed: true, message: s.bdPassed };
};

/** The cases, for tests that build wrong answers. */
export const denseCases = CASES;
