/** The settings a reader edits in chapter 7's prose, and the one check that names an impossible one. */
import { en } from "../../src/i18n/en";
import type { Strings } from "../../src/i18n/types";

/** Hidden-unit activations the widget offers (the output is always softmax). */
export const DIGIT_ACTIVATIONS = ["sigmoid", "tanh", "relu"] as const;
/** One of `DIGIT_ACTIVATIONS`. */
export type DigitActivation = (typeof DIGIT_ACTIVATIONS)[number];
/** The most hidden units the page trains: 784 × 256 weights still train at a few epochs a minute. */
export const MAX_HIDDEN_UNITS = 256;
/** The training digits: a mini-batch may be at most all of them. */
export const MAX_BATCH_SIZE = 8000;

/** A 784-n-10 network's hyperparameters and the seed of its weights and shuffling. */
export interface DigitSettings {
  hiddenUnits: number;
  activation: DigitActivation;
  learningRate: number;
  batchSize: number;
  seed: number;
}

/** Null when the settings can be trained, else one sentence saying which is impossible and what is allowed. */
export function checkDigitSettings(settings: DigitSettings, s: Strings = en): string | null {
  const { hiddenUnits, activation, learningRate, batchSize, seed } = settings;
  if (!Number.isInteger(hiddenUnits) || hiddenUnits < 1 || hiddenUnits > MAX_HIDDEN_UNITS) {
    return s.rdBadHidden({ hidden: String(hiddenUnits), max: MAX_HIDDEN_UNITS });
  }
  if (!(DIGIT_ACTIVATIONS as readonly string[]).includes(activation)) {
    return s.rdBadActivation({ activation: String(activation), choices: DIGIT_ACTIVATIONS.join(s.dlListComma) });
  }
  if (!(learningRate > 0) || !Number.isFinite(learningRate)) {
    return s.rdBadRate({ rate: String(learningRate) });
  }
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
    return s.rdBadBatch({ batch: String(batchSize), max: MAX_BATCH_SIZE });
  }
  if (!Number.isInteger(seed)) return s.rdBadSeed({ seed: String(seed) });
  return null;
}

/** One sentence stating the model, activation, loss and training, shown above the widget's figures. */
export function describeDigitModel(settings: DigitSettings, s: Strings = en): string {
  const { hiddenUnits, activation, learningRate, batchSize, seed } = settings;
  return s.rdModel({ hidden: hiddenUnits, activation, rate: learningRate, batch: batchSize, seed });
}
