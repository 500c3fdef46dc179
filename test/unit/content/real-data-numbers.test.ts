import { statSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { chapter, cells, solutions, params, newKernel, runChapter } from "./real-data-cells";
import type { Kernel } from "../../../src/notebook/kernel";

/** The chapter's prose without its code: fences and solutions removed, so a number found is one the reader reads. */
const prose = chapter.replace(/```[\s\S]*?```/g, "");

interface Spread { start: string; layer: number; quantity: string; spread: number }
interface Point { run: string; epoch: number; data: string; loss: number; accuracy: number }

describe("chapter 7's numbers are computed", () => {
  let kernel: Kernel;
  beforeAll(async () => {
    kernel = newKernel();
    await runChapter(kernel);
  }, 60_000);
  const scope = () => kernel.scope as Record<string, unknown>;

  it("states the data's size, split and compressed file size", () => {
    const { train, test } = scope() as { train: { count: number }; test: { count: number } };
    expect([train.count, test.count]).toEqual([8000, 2000]);
    expect(prose).toContain("8,000\ndigits for training and 2,000 for testing");
    const megabytes = (statSync("public/data/digits.bin.gz").size / 1e6).toFixed(1);
    expect(prose).toContain(`The file is ${megabytes} MB compressed`);
  });

  it("gives the overflow and underflow bounds of e^z in float64", () => {
    expect(Number.isFinite(Math.exp(709.78))).toBe(true);
    expect(Math.exp(709.79)).toBe(Infinity);
    expect(Math.exp(-745.2)).toBe(0);
    expect(Math.exp(-745)).toBeGreaterThan(0);
    expect(Number.MAX_VALUE.toExponential(1)).toBe("1.8e+308");
    expect(prose).toContain("about 709.8");
    expect(prose).toContain("below about $-745$");
    expect(Math.log(1e4).toFixed(1)).toBe("9.2");
    expect(prose).toContain("$\\log 10^{4} \\approx 9.2$");
  });

  it("gives Glorot's range for 784 → 30 and the variance a U(−1, 1) start would give", () => {
    expect(Math.sqrt(6 / (784 + 30)).toFixed(3)).toBe("0.086");
    expect(prose).toContain("$c = \\sqrt{6/814} \\approx 0.086$");
    expect(Math.round(784 / 3)).toBe(261);
  });

  it("counts the parameters of a 784-30-10 network", () => {
    expect(784 * 30 + 30 + 30 * 10 + 10).toBe(23_860);
    expect(prose).toContain("23,860 parameters");
  });

  it("says what each start does to the spreads, as the engine measured them", () => {
    const spreads = scope().spreads as Spread[];
    const at = (start: string, quantity: string, layer: number) => spreads.find((d) => d.start.startsWith(start) && d.quantity.startsWith(quantity) && d.layer === layer)!.spread;
    for (let layer = 1; layer <= 5; layer++) {
      expect(at("zero", "activations", layer)).toBe(0);
      expect(at("zero", "gradients", layer)).toBe(0);
      expect(at("too large", "activations", layer)).toBeGreaterThan(0.9); // piled up near ±1
    }
    expect(Math.round(Math.log10(at("too small", "activations", 1) / at("too small", "activations", 5)))).toBe(5);
    expect(at("too small", "gradients", 1)).toBeLessThan(1e-7);
    const unevenness = at("too large", "gradients", 1) / at("too large", "gradients", 5);
    expect(unevenness).toBeGreaterThan(2); // "several times larger in the first layer than in the fifth"
    for (const start of ["Glorot", "He"]) {
      for (const quantity of ["activations", "gradients"]) {
        const values = [1, 2, 3, 4, 5].map((layer) => at(start, quantity, layer));
        expect(Math.max(...values) / Math.min(...values)).toBeLessThan(2); // "nearly level"
      }
    }
  });

  it("reports the solution's test accuracy after 2 epochs, and 90% already after one", async () => {
    expect(scope().epochs).toBe(2);
    const percent = (100 * (scope().correct as number)) / 2000;
    expect(prose).toContain(`The chapter's solution reads ${percent.toFixed(1)}% right\nafter its 2 epochs`);
    const oneEpoch = newKernel();
    await runChapter(oneEpoch, { until: cells.findIndex((cell) => cell.check === "digitProgram") + 1, edit: (source) => source.replace("const epochs = 2;", "const epochs = 1;") });
    expect(oneEpoch.scope.epochs).toBe(1);
    expect((oneEpoch.scope.correct as number) / 2000).toBeGreaterThanOrEqual(0.9);
    expect(prose).toContain("gets there in one epoch");
  }, 60_000);

  it("says the untrained starter reads about one digit in ten", async () => {
    const starter = newKernel();
    await runChapter(starter, { until: cells.findIndex((cell) => cell.check === "digitProgram") + 1, solved: 2 });
    const accuracy = (starter.scope.correct as number) / 2000;
    expect(accuracy).toBeGreaterThan(0.05);
    expect(accuracy).toBeLessThan(0.15);
    expect(prose).toContain("about\none digit in ten");
  }, 60_000);

  it("shows a start near ln 10, a tiny batch learned by heart, and float tolerances as the prose states them", () => {
    const startLoss = scope().startLoss as number;
    expect(startLoss).toBeGreaterThan(Math.log(10));
    expect(startLoss).toBeLessThan(Math.log(10) + 0.5);
    expect(scope().tinySteps as number).toBeLessThan(500);
    expect((scope().tinyEnd as { loss: number }).loss).toBeLessThanOrEqual(0.01);
    const rows = scope().tolerances as { ε: number; "worst relative error, float64": number; "worst relative error, float32": number }[];
    const [tiny, middle, large] = rows;
    expect(rows.map((row) => row.ε)).toEqual([1e-6, 1e-4, 1e-2]);
    expect(tiny["worst relative error, float64"]).toBeLessThan(1e-7);
    expect(middle["worst relative error, float64"]).toBeLessThan(1e-7);
    expect(large["worst relative error, float64"]).toBeGreaterThan(middle["worst relative error, float64"]); // the ε² error shows
    expect(tiny["worst relative error, float32"]).toBeGreaterThan(0.5); // "near 1"
    expect(large["worst relative error, float32"]).toBeLessThan(3e-3); // "about 10⁻³"
    expect(large["worst relative error, float32"]).toBeGreaterThan(3e-4);
    expect(prose).toContain("below $10^{-7}$ for float64, around $10^{-3}$ for float32");
  });

  it("shows overfitting and what decay does to it, as the prose describes", () => {
    const runs = scope().runs as Point[];
    const curve = (run: string, data: string) => runs.filter((d) => d.run === run && d.data.startsWith(data));
    const plain = curve("no decay", "validation");
    const best = plain.reduce((a, b) => (b.loss < a.loss ? b : a));
    const end = (run: string, data: string) => curve(run, data).at(-1)!;
    expect(end("no decay", "training").loss).toBeLessThan(0.02); // "heads for zero"
    expect(end("no decay", "training").accuracy).toBe(1); // "every training digit is read right"
    expect(best.epoch).toBeLessThan(30);
    expect(end("no decay", "validation").loss).toBeGreaterThan(best.loss + 0.03); // "climbs back"
    expect(Math.abs(end("no decay", "validation").accuracy - best.accuracy)).toBeLessThan(0.02); // "stays where it was"
    const decayed = `λ = ${scope().decay}`;
    expect(end(decayed, "training").loss).toBeGreaterThan(end("no decay", "training").loss); // "stops at a higher level"
    expect(end(decayed, "validation").loss).toBeLessThan(end("no decay", "validation").loss); // "stays lower at the end"
    expect(Math.abs(end(decayed, "validation").accuracy - end("no decay", "validation").accuracy)).toBeLessThan(0.01); // "hardly moves"
    expect(end("no decay", "validation").accuracy).toBeLessThan(0.81); // "the 80% this small run reaches"
    expect(end("no decay", "validation").accuracy).toBeGreaterThan(0.79);
  });
});

it("the chapter's solutions are one per graded cell", () => {
  expect(solutions).toHaveLength(cells.filter((cell) => cell.check).length);
  expect(params).toEqual({ hidden: 30, activation: "sigmoid", batch: 10, lr: 0.5 });
});
