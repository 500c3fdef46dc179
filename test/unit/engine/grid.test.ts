import { describe, expect, it } from "vitest";
import { createNetwork, createRandom, evaluateGrid, evaluateLossSurface, fastTanh, forward, tanh } from "../../../src/engine/index";

describe("evaluateGrid", () => {
  const network = createNetwork({ sizes: [2, 8, 8, 1], hiddenActivation: "tanh", outputActivation: "sigmoid", loss: "binaryCrossEntropy", random: createRandom(1), init: "uniform", initScale: 2 });
  const box = { xMin: -1, xMax: 2, yMin: -0.5, yMax: 1.5, resolution: 37 };

  it("writes the network's output at every grid point, row-major from the top", () => {
    const output = new Float32Array(37 * 37);
    expect(evaluateGrid(network, { ...box, output })).toBe(output);
    for (const [row, column] of [[0, 0], [0, 36], [36, 0], [18, 7], [36, 36]]) {
      const x = -1 + (column * 3) / 36, y = 1.5 - (row * 2) / 36;
      expect(output[row * 37 + column]).toBeCloseTo(forward(network, [x, y])[0], 6);
    }
  });

  it("is exact by default and within 1e-4 on the fast path", () => {
    const exact = evaluateGrid(network, box);
    const fast = evaluateGrid(network, { ...box, fast: true });
    for (let i = 0; i < exact.length; i += 97) expect(exact[i]).toBe(forward(network, pointAt(i))[0]);
    let worst = 0;
    for (let i = 0; i < exact.length; i++) worst = Math.max(worst, Math.abs(exact[i] - fast[i]));
    expect(worst).toBeLessThan(1e-4);
    expect(worst).toBeGreaterThan(0); // the fast path really is a different computation
  });
  function pointAt(index: number): number[] {
    const row = Math.floor(index / 37), column = index % 37;
    return [-1 + column * (3 / 36), 1.5 - row * (2 / 36)];
  }

  it("fastTanh stays within 1e-4 of Math.tanh everywhere", () => {
    let worst = 0;
    for (let x = -8; x <= 8; x += 1e-3) worst = Math.max(worst, Math.abs(fastTanh(x) - Math.tanh(x)));
    expect(worst).toBeLessThan(1e-4);
  });

  it("leaves the training buffers alone and rejects bad boxes", () => {
    forward(network, [0.1, 0.2]);
    const z = Array.from(network.layers[0].z);
    evaluateGrid(network, box);
    expect(Array.from(network.layers[0].z)).toEqual(z);
    expect(() => evaluateGrid(network, { ...box, output: new Float64Array(10) })).toThrow(/has 10 numbers but resolution × resolution is 37 × 37/);
    expect(() => evaluateGrid(network, { ...box, xMin: 3 })).toThrow(RangeError);
    expect(() => evaluateGrid(network, { ...box, resolution: 1 })).toThrow(/resolution 1 is not allowed/);
  });
});

describe("evaluateLossSurface", () => {
  it("evaluates E(w1, w2) with w1 across and w2 down from its maximum", () => {
    const surface = evaluateLossSurface((w1, w2) => w1 * 10 + w2, { w1Min: 0, w1Max: 2, w2Min: 0, w2Max: 1, resolution: 3 });
    expect(Array.from(surface)).toEqual([1, 11, 21, 0.5, 10.5, 20.5, 0, 10, 20]);
  });

  it("fills only rows [fromRow, toRow) when asked, so rows filled in parts make the whole", () => {
    const loss = (w1: number, w2: number) => w1 * 10 + w2;
    const box = { w1Min: 0, w1Max: 2, w2Min: 0, w2Max: 1, resolution: 3 };
    const output = new Float64Array(9).fill(-1);
    evaluateLossSurface(loss, { ...box, output, fromRow: 1, toRow: 2 });
    expect(Array.from(output)).toEqual([-1, -1, -1, 0.5, 10.5, 20.5, -1, -1, -1]);
    evaluateLossSurface(loss, { ...box, output, fromRow: 0, toRow: 1 });
    evaluateLossSurface(loss, { ...box, output, fromRow: 2, toRow: 99 }); // past the end stops at the last row
    expect(Array.from(output)).toEqual(Array.from(evaluateLossSurface(loss, box)));
    expect(() => evaluateLossSurface(loss, { ...box, fromRow: 2, toRow: 1 })).toThrow(/rows 2 to 1 are not allowed/);
  });
});

describe("the engine's exact tanh", () => {
  it("is within 10 ulps of Math.tanh from −30 to 30, odd, and exact at 0", () => {
    let worst = 0;
    for (let x = -30; x <= 30; x += 1e-3 * Math.PI) {
      const expected = Math.tanh(x);
      worst = Math.max(worst, Math.abs(tanh(x) - expected) / Math.abs(expected));
      expect(tanh(-x)).toBe(-tanh(x));
    }
    expect(worst).toBeLessThan(10 * Number.EPSILON);
    expect(tanh(0)).toBe(0);
    expect(tanh(1e-300)).toBe(1e-300);
    expect(tanh(800)).toBe(1);
  });
});
