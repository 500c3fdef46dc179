import { describe, expect, it } from "vitest";
import { loadDigitsAtBuild } from "../../../../components/real-data/digitBuildRun";
import { centerDrawing } from "../../../../components/real-data/digitPad";
import { classifyDigit, readTestDigit } from "../../../../components/real-data/digitReport";
import { startDigitRun, trainUntil } from "../../../../components/real-data/digitRun";

/** The extent and centre of mass of a 28 × 28 image. */
function measure(image: Float64Array) {
  let left = 28, right = -1, top = 28, bottom = -1, mass = 0, x = 0, y = 0;
  image.forEach((v, i) => {
    if (v <= 0) return;
    const c = i % 28, r = Math.floor(i / 28);
    left = Math.min(left, c); right = Math.max(right, c); top = Math.min(top, r); bottom = Math.max(bottom, r);
    mass += v; x += v * (c + 0.5); y += v * (r + 0.5);
  });
  return { width: right - left + 1, height: bottom - top + 1, centreX: x / mass, centreY: y / mass };
}

// Each test trains for up to an epoch: seconds on a machine shared with builds.
describe("centring a drawing like MNIST", { timeout: 60_000 }, () => {
  it("returns null for an empty pad", () => {
    expect(centerDrawing(new Float32Array(200 * 200), 200, 200)).toBeNull();
  });

  it("scales a tall stroke drawn in a corner to 20 pixels high, keeps its aspect, and centres its mass", () => {
    const pad = new Float32Array(280 * 280);
    for (let y = 10; y < 110; y++) for (let x = 200; x < 225; x++) pad[y * 280 + x] = 1; // 25 × 100 in the top right
    const image = centerDrawing(pad, 280, 280)!;
    const m = measure(image);
    expect(m.height).toBe(20);
    expect(m.width).toBe(5);
    expect(Math.abs(m.centreX - 14)).toBeLessThanOrEqual(0.5);
    expect(Math.abs(m.centreY - 14)).toBeLessThanOrEqual(0.5);
    expect(Math.max(...image)).toBe(1);
  });

  it("enlarges a tiny dot to the box", () => {
    const pad = new Float32Array(100 * 100);
    pad[50 * 100 + 50] = 0.8;
    const m = measure(centerDrawing(pad, 100, 100)!);
    expect([m.width, m.height]).toEqual([20, 20]);
  });

  it("gives back a test digit drawn ten times larger and off-centre as it was, and as the network read it", () => {
    const data = loadDigitsAtBuild();
    const run = startDigitRun({ hiddenUnits: 30, activation: "sigmoid", learningRate: 0.5, batchSize: 10, seed: 1 }, data);
    trainUntil(run, 8000);
    const enlarge = (digit: Float64Array) => {
      const pad = new Float32Array(400 * 400);
      for (let y = 0; y < 280; y++) for (let x = 0; x < 280; x++) pad[(y + 90) * 400 + x + 20] = digit[Math.floor(y / 10) * 28 + Math.floor(x / 10)];
      return centerDrawing(pad, 400, 400)!;
    };
    // Test digit 0 fills exactly 20 rows with its centre of mass at (14, 14), so it comes back unchanged.
    const first = readTestDigit(data, 0);
    const back = enlarge(first);
    expect(Math.max(...first.map((v, i) => Math.abs(v - back[i])))).toBeLessThan(1e-6); // the pad holds float32
    const argMax = (p: number[]) => p.indexOf(Math.max(...p));
    let same = 0;
    for (let index = 0; index < 200; index++) {
      const digit = readTestDigit(data, index);
      if (argMax(classifyDigit(run, enlarge(digit))) === argMax(classifyDigit(run, digit))) same++;
    }
    expect(same / 200).toBeGreaterThanOrEqual(0.9);
  });

  it("refuses a drawing whose size does not match its pixels", () => {
    expect(() => centerDrawing(new Float32Array(10), 4, 4)).toThrow(/4 × 4 drawing has 16 values, got 10/);
  });
});
