import { afterEach, describe, expect, it, vi } from "vitest";
import {
  activate, checkNetworkGradient, createNetwork, createOptimizer, createRandom, createTrainer, evaluateGrid, forward, makeDataset, trainStep,
  type ActivationName, type Network,
} from "../../../src/engine/index";
import { multiplyFirstTransposed, multiplyTransposed } from "../../../src/engine/matrix";
import { multiplyFirstTransposedSimd, multiplyTransposedSimd, prepareSimdForward } from "../../../src/engine/simd";

const box = { xMin: -2, xMax: 1.5, yMin: -1, yMax: 2, resolution: 41 };
const exactActivation = (name: ActivationName, values: Float64Array) => activate(name, values, values, values.length, 0);

function worstGap(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]));
  return worst;
}

describe("the SIMD forward pass (drawing only)", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  it("is available in Node, so the tests and the bench measure it", () => {
    const network = createNetwork({ sizes: [2, 4, 1], random: createRandom(1) });
    expect(prepareSimdForward(network, 10)).not.toBeNull();
  });

  it("computes z[L] as forward() does, for layer sizes that are not whole SIMD blocks", () => {
    const network = createNetwork({ sizes: [2, 5, 7, 3], hiddenActivation: "relu", outputActivation: "identity", loss: "meanSquaredError", random: createRandom(4), init: "uniform", initScale: 1.5 });
    const count = 11; // not a multiple of 3 rows either
    const inputs = Array.from({ length: 2 * count }, (_, i) => Math.sin(i * 1.7) * 2);
    const simd = prepareSimdForward(network, count)!;
    simd.input.set(inputs);
    const z = simd.run(count, exactActivation);
    forward(network, inputs, count);
    const expected = network.layers[2].z;
    for (let p = 0; p < count; p++) for (let j = 0; j < 3; j++) expect(z[p * simd.stride + j]).toBeCloseTo(expected[p * 3 + j], 12);
  });

  const cases: [string, Network, number][] = [
    ["tanh 2-8-8-1, saturated", createNetwork({ sizes: [2, 8, 8, 1], hiddenActivation: "tanh", outputActivation: "sigmoid", loss: "binaryCrossEntropy", random: createRandom(2), init: "uniform", initScale: 4 }), 0],
    ["tanh 2-32-32-32-1", createNetwork({ sizes: [2, 32, 32, 32, 1], hiddenActivation: "tanh", outputActivation: "sigmoid", loss: "binaryCrossEntropy", random: createRandom(3), init: "glorotUniform" }), 0],
    ["sigmoid 2-3-5-1", createNetwork({ sizes: [2, 3, 5, 1], hiddenActivation: "sigmoid", outputActivation: "sigmoid", loss: "binaryCrossEntropy", random: createRandom(5), init: "uniform", initScale: 3 }), 0],
    ["leaky relu 2-6-3, softmax unit 2", createNetwork({ sizes: [2, 6, 3], hiddenActivation: "leakyRelu", outputActivation: "softmax", loss: "softmaxCrossEntropy", random: createRandom(6), init: "he" }), 2],
  ];
  it.each(cases)("draws %s within 1e-3 of the exact grid", (_, network, outputUnit) => {
    const exact = evaluateGrid(network, { ...box, outputUnit });
    const fast = evaluateGrid(network, { ...box, outputUnit, fast: true, output: new Float32Array(41 * 41) });
    // Each tanh is within 1e-4; the next layers can add a few of those up. 1e-3 is a quarter of one of 256 colours.
    expect(worstGap(exact, fast)).toBeLessThan(1e-3);
  });

  it("falls back to JavaScript where WebAssembly is missing, with the same picture", async () => {
    vi.stubGlobal("WebAssembly", undefined);
    vi.resetModules();
    const fresh = await import("../../../src/engine/index");
    const freshSimd = await import("../../../src/engine/simd");
    const network = fresh.createNetwork({ sizes: [2, 8, 8, 1], hiddenActivation: "tanh", outputActivation: "sigmoid", loss: "binaryCrossEntropy", random: fresh.createRandom(2), init: "uniform", initScale: 2 });
    expect(freshSimd.prepareSimdForward(network, 10)).toBeNull();
    const fast = fresh.evaluateGrid(network, { ...box, fast: true });
    expect(worstGap(fast, fresh.evaluateGrid(network, box))).toBeLessThan(1e-3);
  });
});

describe("the SIMD products in training", () => {
  const random = createRandom(9);
  const matrix = (rows: number, columns: number) => Float64Array.from({ length: rows * columns }, () => random.uniform(-2, 2));
  // Every side at least 16 (so SIMD runs) and none a whole block, so each padding path is used.
  const [rows, columns, inner] = [37, 17, 19];

  it("C = A·Bᵀ + b agrees with the JavaScript kernel to rounding, with and without a bias", () => {
    const A = matrix(rows, inner), B = matrix(columns, inner), bias = matrix(1, columns);
    for (const b of [bias, null]) {
      const simd = new Float64Array(rows * columns), plain = new Float64Array(rows * columns);
      multiplyTransposedSimd(A, B, simd, rows, columns, inner, b);
      multiplyTransposed(A, B, plain, rows, columns, inner, b);
      expect(worstGap(simd, plain)).toBeLessThan(1e-13);
      expect(worstGap(simd, new Float64Array(rows * columns))).toBeGreaterThan(1); // it wrote the product
    }
  });

  it("C = s·AᵀB agrees with the JavaScript kernel to rounding", () => {
    const A = matrix(inner, rows), B = matrix(inner, columns);
    const simd = new Float64Array(rows * columns), plain = new Float64Array(rows * columns);
    multiplyFirstTransposedSimd(A, B, simd, inner, rows, columns, 0.25);
    multiplyFirstTransposed(A, B, plain, inner, rows, columns, 0.25);
    expect(worstGap(simd, plain)).toBeLessThan(1e-13);
  });

  it("pads with zeros, so an infinity left in the module's memory by an earlier product cannot leak into the next", () => {
    const A = matrix(rows, inner), B = matrix(columns, inner);
    const poisoned = A.map(() => Infinity);
    multiplyTransposedSimd(poisoned, B, new Float64Array(rows * columns), rows, columns, inner, null);
    const simd = new Float64Array(rows * columns), plain = new Float64Array(rows * columns);
    multiplyTransposedSimd(A, B, simd, rows, columns, inner, null);
    multiplyTransposed(A, B, plain, rows, columns, inner, null);
    expect(worstGap(simd, plain)).toBeLessThan(1e-13);
  });

  it("leaves gradients exact: a network on the SIMD path passes the finite-difference check", () => {
    const network = createNetwork({ sizes: [17, 20, 16, 3], hiddenActivation: "tanh", outputActivation: "softmax", loss: "softmaxCrossEntropy", random: createRandom(3), init: "glorotUniform" });
    const batch = 24;
    const inputs = matrix(batch, 17);
    const targets = Float64Array.from({ length: batch * 3 }, (_, i) => (i % 3 === Math.floor(i / 3) % 3 ? 1 : 0));
    expect(checkNetworkGradient(network, inputs, targets).worstRelativeError).toBeLessThan(1e-6);
  });

  it("keeps training deterministic: the same seed gives bit-identical weights", () => {
    const run = () => {
      const network = createNetwork({ sizes: [2, 32, 32, 1], hiddenActivation: "tanh", outputActivation: "sigmoid", loss: "binaryCrossEntropy", random: createRandom(5), init: "glorotUniform" });
      const trainer = createTrainer({ network, dataset: makeDataset("spiral", { count: 200, random: createRandom(6) }), optimizer: createOptimizer({ kind: "gradientDescent", learningRate: 0.1 }) });
      for (let step = 0; step < 30; step++) trainStep(trainer);
      return network.layers.flatMap((layer) => [...layer.weights]);
    };
    expect(run()).toEqual(run());
  });
});

describe("the SIMD products for inputs that are mostly zeros (blank pixels)", () => {
  const random = createRandom(11);
  /** rows × columns with about `density` of the entries nonzero, in strokes as a digit's pixels are. */
  const sparseMatrix = (rows: number, columns: number, density: number) => Float64Array.from({ length: rows * columns }, () => (random.next() < density ? random.uniform(0.1, 1) : 0));
  const matrix = (rows: number, columns: number) => Float64Array.from({ length: rows * columns }, () => random.uniform(-2, 2));
  /** The SIMD kernels' order: bias + (the sum over even k) + (the sum over odd k), each in order; the JavaScript kernel adds all k in one sum. */
  function inLanes(A: Float64Array, B: Float64Array, rows: number, columns: number, inner: number, bias: Float64Array | null): Float64Array {
    const C = new Float64Array(rows * columns);
    for (let i = 0; i < rows; i++) for (let j = 0; j < columns; j++) {
      const lanes = [0, 0];
      for (let k = 0; k < inner; k++) lanes[k % 2] += A[i * inner + k] * B[j * inner + k];
      C[i * columns + j] = (bias === null ? 0 : bias[j]) + lanes[0] + lanes[1];
    }
    return C;
  }

  // A mini-batch of digits, one digit, a batch past the 64-row chunks with an odd inner, and too few columns for a panel.
  it.each([[10, 30, 784], [1, 30, 784], [130, 7, 33], [17, 3, 40]])("C = A·Bᵀ + b with A %i × %i… agrees with the JavaScript kernel (A rows × inner %i)", (rows, columns, inner) => {
    multiplyTransposedSimd(matrix(rows, inner).fill(Infinity), matrix(columns, inner), new Float64Array(rows * columns), rows, columns, inner, null);
    const A = sparseMatrix(rows, inner, 0.2), B = matrix(columns, inner), bias = matrix(1, columns);
    const simd = new Float64Array(rows * columns), plain = new Float64Array(rows * columns);
    multiplyTransposedSimd(A, B, simd, rows, columns, inner, bias);
    multiplyTransposed(A, B, plain, rows, columns, inner, bias);
    expect(worstGap(simd, plain)).toBeLessThan(1e-13);
    expect(worstGap(simd, new Float64Array(rows * columns))).toBeGreaterThan(0.1); // it wrote the product
    // With a panel's worth of columns the skipping kernel ran: its sums are the lanes', bit for bit (zeros skipped changed nothing).
    if (columns >= 6) expect(worstGap(simd, inLanes(A, B, rows, columns, inner, bias))).toBe(0);
  });

  // A mini-batch of digits, and an odd batch (a zero example pads the lanes) with a partly filled panel.
  it.each([[10, 30, 784], [7, 13, 40]])("C = s·AᵀB with B (%i × n) mostly zeros agrees with the JavaScript kernel, and adds in lanes over the examples", (rows, m, n) => {
    const A = matrix(rows, m), B = sparseMatrix(rows, n, 0.2);
    const simd = new Float64Array(m * n), plain = new Float64Array(m * n);
    multiplyFirstTransposedSimd(A, B, simd, rows, m, n, 0.1);
    multiplyFirstTransposed(A, B, plain, rows, m, n, 0.1);
    expect(worstGap(simd, plain)).toBeLessThan(1e-13);
    const transpose = (X: Float64Array, r: number, c: number) => Float64Array.from({ length: r * c }, (_, i) => X[(i % r) * c + Math.floor(i / r)]);
    const lanes = inLanes(transpose(A, rows, m), transpose(B, rows, n), m, n, rows, null).map((x) => x * 0.1);
    expect(worstGap(simd, lanes)).toBe(0);
  });

  it("leaves gradients exact: a network on blank-pixel inputs passes the finite-difference check", () => {
    const network = createNetwork({ sizes: [40, 12, 6], hiddenActivation: "sigmoid", outputActivation: "softmax", loss: "softmaxCrossEntropy", random: createRandom(8), init: "glorotUniform" });
    const batch = 10;
    const targets = Float64Array.from({ length: batch * 6 }, (_, i) => (i % 6 === Math.floor(i / 6) % 6 ? 1 : 0));
    expect(checkNetworkGradient(network, sparseMatrix(batch, 40, 0.2), targets).worstRelativeError).toBeLessThan(1e-6);
  });
});
