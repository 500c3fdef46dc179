/** The digits as the network sees them: both parts of the split as engine data sets (x in [0, 1], one-hot targets). */
import type { Dataset } from "../../src/engine/index";
import { toDigitDataset, type DigitSet } from "../../src/data/digits";

/** The training and test parts as engine data sets, with the raw set for drawing digits. */
export interface DigitData {
  set: DigitSet;
  train: Dataset;
  test: Dataset;
}

/** Converts a parsed digits file once; every run shares the result. */
export function prepareDigitData(set: DigitSet): DigitData {
  return { set, train: toDigitDataset(set.train, "training digits"), test: toDigitDataset(set.test, "test digits") };
}
