/**
 * Checks the reader's batched dense layer from chapter 7 against the engine:
 * `denseForward(A, W, b, B)` → Z = A Wᵀ + 1bᵀ, and `denseBackward(A, W, Delta, B)` →
 * { gradW: Δᵀ A / B, gradB: column sums of Δ / B, gradA: Δ W }, all Float64Array, row-major,
 * one row per example. Transposed and wrongly averaged results are named.
 */
import { backward, createNetwork, createRandom, forward } from "../../engine/index";
import type { Checker, CheckResult } from "./types";
import { formatNumber } from "./wording";

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

function asNumbers(value: unknown, name: string, length: number, shape: string): ArrayLike<unknown> | string {
  if (!(value instanceof Float64Array) && !Array.isArray(value)) return `${name} should be a Float64Array of ${length} numbers (${shape}, row-major); yours is ${value === undefined ? "missing" : typeof value}`;
  if (value.length !== length) return `${name} should hold ${length} numbers (${shape}); yours holds ${value.length}`;
  return value;
}

function firstDifference(actual: ArrayLike<unknown>, expected: ArrayLike<number>, name: string, columns: number): string {
  const i = Array.from(expected).findIndex((value, at) => !close(actual[at], value));
  return `${name}[${i}] (row ${Math.floor(i / columns)}, column ${i % columns}) is ${formatNumber(actual[i])}, expected ${formatNumber(expected[i])}`;
}

/** Judges Z against A Wᵀ + 1bᵀ and its usual wrong versions. */
function judgeForward(value: unknown, c: DenseCase): string | undefined {
  const Z = asNumbers(value, "Z", c.B * c.m, `B × d_l = ${c.B} × ${c.m}`);
  if (typeof Z === "string") return Z;
  if (same(Z, c.Z)) return undefined;
  if (same(Z, transposeMatrix(c.Z, c.B, c.m))) return `Z is transposed: it holds one row per unit (${c.m} × ${c.B}); it should hold one row per example, Z[r·${c.m} + j] = Σ_k A[r·${c.n} + k] · W[j·${c.n} + k] + b[j]`;
  const withoutBias = c.Z.map((z, i) => z - c.b[i % c.m]);
  if (same(Z, withoutBias)) return "Z is missing the bias: add b[j] to every row, the 1bᵀ term";
  if (same(Z, withoutBias.map((z, i) => (i < c.m ? z + c.b[i] : z)))) return "Z has the bias added to the first example only; 1bᵀ adds b to every row";
  return firstDifference(Z, c.Z, "Z", c.m);
}

/** Judges gradW against Δᵀ A / B. */
function judgeGradW(value: unknown, c: DenseCase): string | undefined {
  const gradW = asNumbers(value, "gradW", c.m * c.n, `d_l × d_{l−1} = ${c.m} × ${c.n}, the shape of W`);
  if (typeof gradW === "string") return gradW;
  if (same(gradW, c.gradW)) return undefined;
  if (same(gradW, transposeMatrix(c.gradW, c.m, c.n))) return `gradW is transposed: you stored Aᵀ Δ (${c.n} × ${c.m}); it must have the shape of W, ${c.m} × ${c.n}, gradW[j·${c.n} + k] = (1/B) Σ_r Δ[r·${c.m} + j] · A[r·${c.n} + k]`;
  if (same(gradW, scaled(c.gradW, c.B))) return `gradW is summed over the batch but not averaged: divide by B = ${c.B}, since E is the mean of the examples' losses`;
  if (same(gradW, scaled(c.gradW, 1 / c.B))) return `gradW is divided by B twice (by B² = ${c.B * c.B}): average once`;
  return firstDifference(gradW, c.gradW, "gradW", c.n);
}

/** Judges gradB against the column sums of Δ over B. */
function judgeGradB(value: unknown, c: DenseCase): string | undefined {
  const gradB = asNumbers(value, "gradB", c.m, `d_l = ${c.m}`);
  if (typeof gradB === "string") return gradB;
  if (same(gradB, c.gradB)) return undefined;
  if (same(gradB, scaled(c.gradB, c.B))) return `gradB is the column sums of Δ but not averaged: divide by B = ${c.B}`;
  if (same(gradB, scaled(c.gradB, 1 / c.B))) return `gradB is divided by B twice: average once`;
  if (same(gradB, c.Delta.subarray(0, c.m))) return "gradB is the first example's Δ only; sum Δ's column j over all B rows, then divide by B";
  return firstDifference(gradB, c.gradB, "gradB", c.m);
}

/** Judges gradA against Δ W (not averaged: each example's own). */
function judgeGradA(value: unknown, c: DenseCase): string | undefined {
  const gradA = asNumbers(value, "gradA", c.B * c.n, `B × d_{l−1} = ${c.B} × ${c.n}`);
  if (typeof gradA === "string") return gradA;
  if (same(gradA, c.gradA)) return undefined;
  if (same(gradA, scaled(c.gradA, 1 / c.B))) return `gradA is divided by B: Δ W belongs to each example on its own, so it is not averaged (the 1/B comes once, in gradW and gradB)`;
  if (same(gradA, transposeMatrix(c.gradA, c.B, c.n))) return `gradA is transposed: one row per example, ${c.B} × ${c.n}`;
  return firstDifference(gradA, c.gradA, "gradA", c.n);
}

/** Expects `denseForward` and `denseBackward` to agree with the engine on two layers and batches. */
export const checkBatchedDense: Checker = (scope): CheckResult => {
  const { denseForward, denseBackward } = scope as Record<string, unknown>;
  if (typeof denseForward !== "function") return { passed: false, message: "define a function denseForward(A, W, b, B) that returns Z" };
  if (typeof denseBackward !== "function") return { passed: false, message: "define a function denseBackward(A, W, Delta, B) that returns { gradW, gradB, gradA }" };
  for (const c of CASES) {
    const layer = `a layer of ${c.m} units above ${c.n}, batch B = ${c.B}`;
    const Z = denseForward(c.A.slice(), c.W.slice(), c.b.slice(), c.B);
    const forwardProblem = judgeForward(Z, c);
    if (forwardProblem) return { passed: false, message: `On ${layer}: ${forwardProblem}.` };
    const result = denseBackward(c.A.slice(), c.W.slice(), c.Delta.slice(), c.B) as Record<string, unknown> | undefined;
    if (typeof result !== "object" || result === null) return { passed: false, message: `denseBackward returned ${String(result)}; return an object { gradW, gradB, gradA }` };
    const problems = [judgeGradW(result.gradW, c), judgeGradB(result.gradB, c), judgeGradA(result.gradA, c)].filter((problem) => problem !== undefined);
    if (problems.length > 0) return { passed: false, message: `On ${layer}: ${problems.join("; ")}.` };
  }
  return { passed: true, message: "Z, gradW, gradB and gradA match the engine on two layers and batch sizes: Z = A Wᵀ + 1bᵀ, ∂E/∂W = Δᵀ A / B, ∂E/∂b = Δ's column sums / B, and Δ W for the layer below." };
};

/** The cases, for tests that build wrong answers. */
export const denseCases = CASES;
