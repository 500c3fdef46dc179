import { describe, expect, it } from "vitest";
import { trainDefaultRun } from "../../../components/real-data/digitBuildRun";
import { ACCURACY_FLOOR, DEFAULT_DIGIT_SETTINGS, DEFAULT_EPOCHS } from "../../../components/real-data/digitDefaults";

describe("the chapter's default digit run", () => {
  it("is Nielsen's 784-30-10 network with batches of 10, trained for the stated epochs", () => {
    expect(DEFAULT_DIGIT_SETTINGS).toMatchObject({ hiddenUnits: 30, activation: "sigmoid", batchSize: 10 });
    expect(ACCURACY_FLOOR).toBe(0.94);
  });

  it("reaches the floor of 94.0 % on the test digits", () => {
    const run = trainDefaultRun();
    const last = run.history.at(-1)!;
    expect(last.epoch).toBe(DEFAULT_EPOCHS);
    expect(run.divergedBecause).toBeUndefined();
    console.log(`default digit run: ${(last.testAccuracy * 100).toFixed(2)} % test accuracy after ${DEFAULT_EPOCHS} epochs (floor ${ACCURACY_FLOOR * 100} %)`);
    expect(last.testAccuracy).toBeGreaterThanOrEqual(ACCURACY_FLOOR);
    expect(run.report!.accuracy).toBe(last.testAccuracy);
  }, 120_000);
});
