import { describe, expect, it } from "vitest";
import { startTraining, trainFor, thinLosses } from "../../../../src/notebook/training/trainingRun";

describe("training run", () => {
  const settings = { learningRate: 0.5, hidden: 4, activation: "tanh" as const, dataset: "xor" as const, seed: 7 };

  it("repeats exactly with the same seed", () => {
    const a = startTraining(settings);
    const b = startTraining(settings);
    let clock = 0;
    trainFor(a, 5, () => clock++);
    clock = 0;
    trainFor(b, 5, () => clock++);
    expect(a.losses).toEqual(b.losses);
    expect(a.losses.length).toBeGreaterThan(0);
  });

  it("stops a diverging run and says why", () => {
    const run = startTraining({ ...settings, learningRate: 1e300, activation: "relu" });
    let clock = 0;
    for (let i = 0; i < 50 && !run.divergedBecause; i++) trainFor(run, 100, () => clock++);
    expect(run.divergedBecause).toMatch(/is too large/);
  });

  it("thins a long loss history", () => {
    const points = thinLosses(Array.from({ length: 1000 }, (_, i) => 1 / (i + 1)), 100);
    expect(points.length).toBeLessThanOrEqual(101);
    expect(points.at(-1)).toEqual({ step: 1000, loss: 0.001 });
  });
});
