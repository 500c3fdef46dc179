import { describe, expect, it } from "vitest";
import { loadDigitsAtBuild } from "../../../../components/real-data/digitBuildRun";
import { classifyDigit, findConfidentlyWrong, readHiddenWeights, readTestDigit } from "../../../../components/real-data/digitReport";
import { EXAMPLES_PER_POINT, startDigitRun, stepOnce, trainFor, trainUntil } from "../../../../components/real-data/digitRun";
import { checkDigitSettings, type DigitSettings } from "../../../../components/real-data/digitSettings";

const data = loadDigitsAtBuild();
const settings: DigitSettings = { hiddenUnits: 30, activation: "sigmoid", learningRate: 0.5, batchSize: 10, seed: 3 };

/** A clock that moves 1 ms each time it is read, so a budget of n ms allows n units of work. */
function tickingClock() {
  let t = 0;
  return () => t++;
}

describe("the digit run's settings", () => {
  it("accepts the default settings", () => {
    expect(checkDigitSettings(settings)).toBeNull();
  });

  it("names each impossible setting and what is allowed", () => {
    expect(checkDigitSettings({ ...settings, hiddenUnits: 0 })).toMatch(/^0 hidden units cannot be trained: .* from 1 to 256/);
    expect(checkDigitSettings({ ...settings, hiddenUnits: 2.5 })).toMatch(/2.5 hidden units/);
    expect(checkDigitSettings({ ...settings, activation: "softplus" as never })).toMatch(/"softplus" is not an activation.*sigmoid, tanh, relu/);
    expect(checkDigitSettings({ ...settings, learningRate: -1 })).toMatch(/η = -1 cannot be used/);
    expect(checkDigitSettings({ ...settings, learningRate: NaN })).toMatch(/η = NaN/);
    expect(checkDigitSettings({ ...settings, batchSize: 9000 })).toMatch(/batch of 9000 digits is impossible.*1 to 8000/);
    expect(() => startDigitRun({ ...settings, hiddenUnits: 0 }, data)).toThrow(/0 hidden units/);
  });
});

// Each test trains for up to an epoch: seconds on a machine shared with builds.
describe("a digit run", { timeout: 60_000 }, () => {
  it("starts near ln 10 and chance, and learns within one epoch", () => {
    const run = startDigitRun(settings, data);
    trainUntil(run, 8000);
    const [first, ...rest] = run.history;
    expect(first.examples).toBe(0);
    expect(first.trainLoss).toBeNaN();
    expect(Math.abs(first.testLoss - Math.log(10))).toBeLessThan(0.3);
    expect(first.testAccuracy).toBeLessThan(0.25);
    expect(rest.map((p) => p.examples)).toEqual([1, 2, 3, 4].map((n) => n * EXAMPLES_PER_POINT));
    expect(rest.at(-1)!.epoch).toBe(1);
    expect(rest.at(-1)!.testAccuracy).toBeGreaterThan(0.85);
    expect(rest.at(-1)!.trainLoss).toBeLessThan(first.testLoss / 3);
  });

  it("reproduces itself exactly with the same seed, however the work is sliced", () => {
    const once = startDigitRun(settings, data);
    trainUntil(once, 4000);
    const again = startDigitRun(settings, data);
    while (again.history.length < once.history.length || again.evaluation) trainFor(again, 7, tickingClock());
    expect(again.history.slice(0, once.history.length)).toEqual(once.history);
    expect(again.trainer.steps).toBeGreaterThanOrEqual(once.trainer.steps);
    const other = startDigitRun({ ...settings, seed: 4 }, data);
    trainUntil(other, 4000);
    expect(other.history[2].testLoss).not.toBe(once.history[2].testLoss);
  });

  it("does as many units of work as the budget allows", () => {
    const run = startDigitRun(settings, data);
    expect(trainFor(run, 5, tickingClock())).toBe(5);
    expect(trainFor(run, 0, tickingClock())).toBe(1);
  });

  it("takes one training step per Step, measuring the test digits when a point is due", () => {
    const run = startDigitRun(settings, data);
    stepOnce(run);
    expect(run.trainer.steps).toBe(1);
    expect(run.history.length).toBe(1);
    for (let s = 1; s < EXAMPLES_PER_POINT / settings.batchSize; s++) stepOnce(run);
    expect(run.history.length).toBe(2);
    expect(run.evaluation).toBeNull();
  });

  it("keeps a confusion matrix that adds up to the test digits and agrees with the accuracy", () => {
    const run = startDigitRun(settings, data);
    trainUntil(run, 2000);
    const report = run.report!;
    const confusion = Array.from(report.confusion);
    expect(confusion.reduce((a, b) => a + b, 0)).toBe(2000);
    const diagonal = [...Array(10).keys()].reduce((sum, j) => sum + confusion[j * 10 + j], 0);
    expect(diagonal / 2000).toBe(report.accuracy);
    for (let label = 0; label < 10; label++) {
      const row = confusion.slice(label * 10, label * 10 + 10).reduce((a, b) => a + b, 0);
      expect(row).toBe(data.set.test.labels.filter((l) => l === label).length);
    }
  });

  it("lists the most confidently wrong test digits, all wrong, most confident first", () => {
    const run = startDigitRun(settings, data);
    trainUntil(run, 2000);
    const wrong = findConfidentlyWrong(run.report!, data.set.test.labels, 8);
    expect(wrong.length).toBe(8);
    for (const digit of wrong) {
      expect(digit.predicted).not.toBe(digit.label);
      expect(digit.label).toBe(data.set.test.labels[digit.index]);
      const probabilities = classifyDigit(run, readTestDigit(data, digit.index));
      expect(probabilities[digit.predicted]).toBeCloseTo(digit.confidence, 12);
    }
    for (let i = 1; i < wrong.length; i++) expect(wrong[i].confidence).toBeLessThanOrEqual(wrong[i - 1].confidence);
  });

  it("gives ten probabilities summing to 1 for any input, and each hidden unit's 784 weights", () => {
    const run = startDigitRun(settings, data);
    trainUntil(run, 2000);
    const probabilities = classifyDigit(run, readTestDigit(data, 0));
    expect(probabilities.length).toBe(10);
    expect(probabilities.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(probabilities.indexOf(Math.max(...probabilities))).toBe(run.report!.predicted[0]);
    expect(() => classifyDigit(run, new Float64Array(10))).toThrow(/784 pixels, got 10/);
    const weights = readHiddenWeights(run, 29);
    expect(weights.length).toBe(784);
    expect(weights[5]).toBe(run.trainer.network.layers[0].weights[29 * 784 + 5]);
  });

  it("stops with a message naming the learning rate when the loss blows up", () => {
    const run = startDigitRun({ ...settings, activation: "relu", learningRate: 1e6 }, data);
    let units = 0;
    while (trainFor(run, 1e9, tickingClock()) > 0 && units++ < 100);
    expect(run.divergedBecause).toMatch(/the learning rate η = 1000000 is too large.*Lower it and press Reset/);
    expect(trainFor(run, 10, tickingClock())).toBe(0);
  });
});
