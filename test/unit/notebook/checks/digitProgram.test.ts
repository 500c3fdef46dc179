import { beforeAll, describe, expect, it } from "vitest";
import { cells, solutions, params, newKernel } from "../../content/real-data-cells";
import { checkDigitProgram, ACCURACY_FLOOR, EPOCH_BUDGET } from "../../../../src/notebook/checks/digitProgram";
import type { Kernel } from "../../../../src/notebook/kernel";

// This file's module state starts without digits: the first test runs before anything loads them.
describe("digitProgram before any cell has loaded the digits", () => {
  it("says the digits are not loaded yet", () => {
    expect(checkDigitProgram({ predict: () => 0, epochs: 1 })).toEqual({ passed: false, message: expect.stringContaining("the digits are not loaded yet") });
  });
});

describe("digitProgram, the whole-program checker", () => {
  let kernel: Kernel;
  beforeAll(async () => {
    kernel = newKernel();
    for (const source of cells.slice(0, 3).map((cell) => cell.source)) await kernel.run({ source, params });
    for (const source of solutions.slice(0, 2)) await kernel.run({ source, params });
  });

  it("holds a floor of 90% within 3 epochs", () => {
    expect([ACCURACY_FLOOR, EPOCH_BUDGET]).toEqual([0.9, 3]);
  });

  it("accepts the chapter's solution, measuring the accuracy itself", async () => {
    const result = await kernel.run({ source: solutions[2], params });
    expect(result.ok).toBe(true);
    const verdict = checkDigitProgram(kernel.scope);
    expect(verdict.passed).toBe(true);
    expect(verdict.message).toMatch(/reads \d+ of the 2000 test digits right \(9\d\.\d%\) after 2 epochs/);
  }, 30_000);

  it("fails the starter, whose network never trained, as reading like chance", async () => {
    const starter = cells.find((cell) => cell.check === "digitProgram")!.source;
    await kernel.run({ source: starter, params });
    const verdict = checkDigitProgram(kernel.scope);
    expect(verdict.passed).toBe(false);
    expect(verdict.message).toMatch(/answers \d for \d+ of the 2000 test digits|reads \d+\.\d% of the test digits right/);
  }, 30_000);

  it("names a network that answers one digit for everything", () => {
    const verdict = checkDigitProgram({ predict: () => 7, epochs: 1 });
    expect(verdict.message).toMatch(/answers 7 for 2000 of the 2000 test digits \(\d+\.\d% right\): it has not learned to tell them apart/);
  });

  it("names an accuracy below the floor, with the number it measured", async () => {
    // Nearest class mean: a real classifier, but well below 90% on MNIST.
    const result = await kernel.run({
      source: `const means = Array.from({ length: 10 }, () => new Float64Array(784));
const counts = new Array(10).fill(0);
for (let n = 0; n < train.count; n++) { counts[train.labels[n]]++; for (let i = 0; i < 784; i++) means[train.labels[n]][i] += train.inputs[n * 784 + i]; }
means.forEach((mean, d) => mean.forEach((v, i) => (mean[i] = v / counts[d])));
const epochs = 1;
function predict(image: Float64Array): number {
  let best = 0, bestDistance = Infinity;
  means.forEach((mean, d) => { let s = 0; for (let i = 0; i < 784; i++) s += (image[i] - mean[i]) ** 2; if (s < bestDistance) { bestDistance = s; best = d; } });
  return best;
}`,
      params,
    });
    expect(result.ok).toBe(true);
    const verdict = checkDigitProgram(kernel.scope);
    expect(verdict.passed).toBe(false);
    expect(verdict.message).toMatch(/reads [5-8]\d\.\d% of the test digits right after 1 epoch; the floor is 90\.0%/);
  });

  it.each<[Record<string, unknown>, string]>([
    [{ predict: () => 0, epochs: 4 }, "you trained for 4 epochs; the budget is 3"],
    [{ predict: () => 0, epochs: 0 }, "epochs should be the number of passes"],
    [{ predict: () => 0 }, "epochs should be the number of passes"],
    [{ epochs: 1 }, "define a function predict(image)"],
    [{ predict: () => 0.5, epochs: 1 }, "predict(image) returned 0.5 for test digit 0"],
    [{ predict: () => [0.1, 0.9], epochs: 1 }, "it should return the digit it reads, an integer 0 to 9"],
  ])("names %o", (scope, named) => {
    const verdict = checkDigitProgram(scope);
    expect(verdict.passed).toBe(false);
    expect(verdict.message).toContain(named);
  });

  it("measures on its own copy of the test digits, which the reader's arrays cannot change", async () => {
    await kernel.run({ source: "test.labels.fill(7); test.inputs.fill(0);", params });
    const verdict = checkDigitProgram({ predict: () => 7, epochs: 1 });
    expect(verdict.message).toMatch(/\((\d|1\d)\.\d% right\)/);
  });
});
