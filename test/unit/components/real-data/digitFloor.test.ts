import { rmSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkAccuracyFloor, loadDigitsAtBuild } from "../../../../components/real-data/digitBuildRun";
import { ACCURACY_FLOOR, DEFAULT_DIGIT_SETTINGS, DEFAULT_EPOCHS } from "../../../../components/real-data/digitDefaults";
import { startDigitRun, trainUntil } from "../../../../components/real-data/digitRun";
import { CACHE_DIR, hashRun, restoreRun, saveRun } from "../../../../components/real-data/digitRunCache";

const data = loadDigitsAtBuild();

describe("the chapter's default digit run", () => {
  it("is Nielsen's 784-30-10 network with batches of 10, trained for the stated epochs", () => {
    expect(DEFAULT_DIGIT_SETTINGS).toMatchObject({ hiddenUnits: 30, activation: "sigmoid", batchSize: 10 });
    expect(ACCURACY_FLOOR).toBe(0.94);
  });

  it("reaches the floor of 94.0 % on the test digits, trained here from scratch", () => {
    const run = startDigitRun(DEFAULT_DIGIT_SETTINGS, data);
    trainUntil(run, DEFAULT_EPOCHS * data.train.count);
    const last = run.history.at(-1)!;
    expect(last.epoch).toBe(DEFAULT_EPOCHS);
    expect(run.divergedBecause).toBeUndefined();
    console.log(`default digit run: ${(last.testAccuracy * 100).toFixed(2)} % test accuracy after ${DEFAULT_EPOCHS} epochs (floor ${ACCURACY_FLOOR * 100} %)`);
    expect(last.testAccuracy).toBeGreaterThanOrEqual(ACCURACY_FLOOR);
    expect(checkAccuracyFloor(run)).toBe(run);
  }, 120_000);

  it("fails the build below the floor, naming the floor and where it comes from", () => {
    const run = startDigitRun(DEFAULT_DIGIT_SETTINGS, data);
    trainUntil(run, 0);
    expect(() => checkAccuracyFloor(run)).toThrow(/below the floor of 94 % \(Nielsen's chapter-1 network on this split; see components\/real-data\/digitDefaults.ts\)/);
  });
});

// Each test trains for up to an epoch: seconds on a machine shared with builds.
describe("the build's cache of trained runs", { timeout: 60_000 }, () => {
  const settings = { ...DEFAULT_DIGIT_SETTINGS, hiddenUnits: 7, seed: 99 };

  it("keys a run by its settings and epochs", () => {
    expect(hashRun(settings, 1)).toBe(hashRun({ ...settings }, 1));
    expect(hashRun(settings, 1)).not.toBe(hashRun(settings, 2));
    expect(hashRun(settings, 1)).not.toBe(hashRun({ ...settings, learningRate: 0.25 }, 1));
  });

  it("gives back what was trained: curves, test report and every weight", () => {
    const key = hashRun(settings, 0.25);
    rmSync(join(CACHE_DIR, `${key}.json`), { force: true });
    expect(restoreRun(key, settings, data)).toBeNull();
    const run = startDigitRun(settings, data);
    trainUntil(run, 2000);
    saveRun(key, run);
    const back = restoreRun(key, settings, data)!;
    expect(back.history).toEqual(run.history);
    expect(back.trainer.steps).toBe(run.trainer.steps);
    expect(back.report!.accuracy).toBe(run.report!.accuracy);
    expect(Array.from(back.report!.confusion)).toEqual(Array.from(run.report!.confusion));
    expect(Buffer.compare(back.report!.predicted, run.report!.predicted)).toBe(0);
    expect(Array.from(back.report!.confidence)).toEqual(Array.from(run.report!.confidence));
    run.trainer.network.layers.forEach((layer, l) => {
      expect(Array.from(back.trainer.network.layers[l].weights)).toEqual(Array.from(layer.weights));
      expect(Array.from(back.trainer.network.layers[l].biases)).toEqual(Array.from(layer.biases));
    });
    rmSync(join(CACHE_DIR, `${key}.json`), { force: true });
  });
});
