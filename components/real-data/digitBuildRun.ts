/**
 * Build-time only (reads the file system): loads the digits from public/data and trains a run to the
 * end, once per settings for the whole build, so every component on every page shows the same run.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { parseDigits } from "../../src/data/digits";
import { prepareDigitData, type DigitData } from "./digitData";
import { ACCURACY_FLOOR, DEFAULT_DIGIT_SETTINGS, DEFAULT_EPOCHS } from "./digitDefaults";
import { startDigitRun, trainUntil, type DigitRun } from "./digitRun";
import { hashRun, restoreRun, saveRun } from "./digitRunCache";
import type { DigitSettings } from "./digitSettings";
import { decodeDigitWeights, encodeDigitWeights } from "./digitWeights";

// The build's memo (documented module state): the data once, and each trained run once.
let data: DigitData | null = null;
const runs = new Map<string, DigitRun>();

/** The digits read from public/data/digits.bin.gz (the build runs from the repository root). */
export function loadDigitsAtBuild(): DigitData {
  data ??= prepareDigitData(parseDigits(gunzipSync(readFileSync(join(process.cwd(), "public/data/digits.bin.gz")))));
  return data;
}

/** A run with `settings` trained for `epochs` epochs: from this build's memo, else the disk cache, else trained (and cached). */
export function trainAtBuild(settings: DigitSettings, epochs: number): DigitRun {
  const key = JSON.stringify([settings, epochs]);
  let run = runs.get(key);
  if (!run) {
    const digits = loadDigitsAtBuild();
    const hash = hashRun(settings, epochs);
    run = restoreRun(hash, settings, digits) ?? startDigitRun(settings, digits);
    if (run.trainer.steps === 0) {
      trainUntil(run, epochs * digits.train.count);
      saveRun(hash, run);
    }
    runs.set(key, run);
  }
  return run;
}

/** The chapter's default run; fails the build, naming the floor's source, if its test accuracy is below the floor. */
export function trainDefaultRun(): DigitRun {
  return checkAccuracyFloor(trainAtBuild(DEFAULT_DIGIT_SETTINGS, DEFAULT_EPOCHS));
}

/** Returns the run if its test accuracy reaches the floor, else throws a message naming both and the floor's source. */
export function checkAccuracyFloor(run: DigitRun): DigitRun {
  const accuracy = run.report?.accuracy ?? NaN;
  if (!(accuracy >= ACCURACY_FLOOR)) {
    throw new Error(`The digits' default run reached ${(accuracy * 100).toFixed(1)} % test accuracy after ${DEFAULT_EPOCHS} epochs, below the floor of ${ACCURACY_FLOOR * 100} % (Nielsen's chapter-1 network on this split; see components/real-data/digitDefaults.ts)${run.divergedBecause ? `: ${run.divergedBecause}` : ""}.`);
  }
  return run;
}

/** The run a page's widget saves: the default run (floor checked) when its settings are the defaults, else its own, trained as long. */
export function trainForPage(settings: DigitSettings): DigitRun {
  const isDefault = (Object.keys(DEFAULT_DIGIT_SETTINGS) as (keyof DigitSettings)[]).every((key) => settings[key] === DEFAULT_DIGIT_SETTINGS[key]);
  return isDefault ? trainDefaultRun() : trainAtBuild(settings, DEFAULT_EPOCHS);
}

/**
 * The bytes of the trained-weights file the pad reads with before the reader trains: the default run's
 * weights (the very run the saved figures show), 8-bit as digitWeights.ts explains. Fails the build if
 * the stored weights read more than one test digit in 2,000 differently right or wrong than the run did.
 */
export function encodeDefaultWeights(): Uint8Array {
  const run = trainDefaultRun();
  const bytes = encodeDigitWeights(run.trainer.network, run.settings.activation, run.data.test);
  const stored = decodeDigitWeights(bytes);
  const accuracy = stored.correct / stored.testCount;
  if (Math.abs(accuracy - run.report!.accuracy) > 0.0005) {
    throw new Error(`The default run's weights stored in 8 bits read ${(accuracy * 100).toFixed(2)} % of the test digits right, the run itself ${(run.report!.accuracy * 100).toFixed(2)} %: store them with more bits (components/real-data/digitWeights.ts).`);
  }
  return bytes;
}
