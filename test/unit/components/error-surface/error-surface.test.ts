import { describe, expect, it } from "vitest";
import {
  WEIGHT_BOX, computeShapeSurface, computeSurface, createUnit, findBoundary, findLowestPoint, makeSurfaceData,
  measureError, nameShape, shapeDownhill, shapeValue,
} from "../../../../components/error-surface/lossSurface";
import { chooseThresholds } from "../../../../components/error-surface/surfacePlots";

describe("the error-surface model", () => {
  it("gives E = 1/8 for squared error and ln 2 for cross-entropy at w = (0, 0), whatever the data", () => {
    for (const flipped of [0, 0.3]) {
      const data = makeSurfaceData(24, flipped);
      expect(measureError(createUnit("squared error"), data, 0, 0)).toBeCloseTo(0.125, 12);
      expect(measureError(createUnit("cross-entropy"), data, 0, 0)).toBeCloseTo(Math.LN2, 12);
    }
  });

  it("matches a direct computation of (1/N) Σ ½(t − σ(w1 x1 + w2 x2))²", () => {
    const data = makeSurfaceData(40, 0.1);
    const [w1, w2] = [1.5, -0.7];
    let total = 0;
    for (let n = 0; n < data.count; n++) {
      const y = 1 / (1 + Math.exp(-(w1 * data.inputs[2 * n] + w2 * data.inputs[2 * n + 1])));
      total += 0.5 * (data.targets[n] - y) ** 2;
    }
    expect(measureError(createUnit("squared error"), data, w1, w2)).toBeCloseTo(total / data.count, 12);
  });

  it("flips labels reproducibly, and more of them for a larger fraction", () => {
    const clean = makeSurfaceData(200, 0);
    const noisy = makeSurfaceData(200, 0.3);
    expect(makeSurfaceData(200, 0.3).targets).toEqual(noisy.targets);
    expect(noisy.inputs).toEqual(clean.inputs);
    const flips = clean.targets.reduce((count, t, n) => count + (t !== noisy.targets[n] ? 1 : 0), 0);
    expect(flips).toBeGreaterThan(30);
    expect(flips).toBeLessThan(90);
  });

  it("has a plateau for squared error and a ramp for cross-entropy on the wrong side", () => {
    const data = makeSurfaceData(40, 0);
    const squared = createUnit("squared error");
    const cross = createUnit("cross-entropy");
    const squaredChange = measureError(squared, data, -8, -8) - measureError(squared, data, -6, -6);
    const crossChange = measureError(cross, data, -8, -8) - measureError(cross, data, -6, -6);
    expect(squaredChange).toBeGreaterThan(0);
    expect(squaredChange).toBeLessThan(0.03);
    expect(crossChange).toBeGreaterThan(1);
  });

  it("fills a surface row by row exactly as the whole-grid evaluation does, and finds its lowest point", () => {
    const data = makeSurfaceData(20, 0.2);
    const unit = createUnit("cross-entropy");
    const box = { ...WEIGHT_BOX, resolution: 17 };
    const whole = computeSurface(unit, data, box);
    const rows = new Float64Array(17 * 17);
    for (let row = 0; row < 17; row += 5) computeSurface(unit, data, box, { output: rows, fromRow: row, toRow: row + 5 });
    expect(rows).toEqual(whole);
    const lowest = findLowestPoint(whole, box);
    expect(lowest.error).toBe(Math.min(...whole));
    expect(measureError(unit, data, lowest.w1, lowest.w2)).toBeCloseTo(lowest.error, 12);
  });

  it("draws the boundary through the origin at right angles to (w1, w2)", () => {
    expect(findBoundary(0, 0)).toBeNull();
    const [a, b] = findBoundary(2, 1)!;
    expect(2 * a.x1 + 1 * a.x2).toBeCloseTo(0, 12);
    expect(2 * b.x1 + 1 * b.x2).toBeCloseTo(0, 12);
  });
});

describe("the shapes gallery", () => {
  it("names the centre of u² + a·v² and points downhill", () => {
    expect([nameShape(1), nameShape(0.1), nameShape(0), nameShape(-0.5)]).toEqual(["minimum", "valley", "trough", "saddle"]);
    expect(shapeValue(-1, 1, 2)).toBe(1 - 4);
    expect(shapeDownhill(0.5, 1, 2)).toEqual({ u: -2, v: -2 });
    expect(computeShapeSurface(1, 5)[12]).toBe(0); // the centre of a 5 × 5 grid
  });

  it("chooses distinct contour heights strictly inside the range", () => {
    const thresholds = chooseThresholds(computeShapeSurface(1, 21));
    expect(thresholds.length).toBeGreaterThan(4);
    expect(new Set(thresholds).size).toBe(thresholds.length);
    expect(Math.min(...thresholds)).toBeGreaterThan(0);
    expect(Math.max(...thresholds)).toBeLessThan(8);
  });
});
