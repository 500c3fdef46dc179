/** The settings a reader edits in chapter 7's prose, and the one check that names an impossible one. */

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
export function checkDigitSettings(settings: DigitSettings): string | null {
  const { hiddenUnits, activation, learningRate, batchSize, seed } = settings;
  if (!Number.isInteger(hiddenUnits) || hiddenUnits < 1 || hiddenUnits > MAX_HIDDEN_UNITS) {
    return `${String(hiddenUnits)} hidden units cannot be trained: the hidden layer needs a whole number of units from 1 to ${MAX_HIDDEN_UNITS}.`;
  }
  if (!(DIGIT_ACTIVATIONS as readonly string[]).includes(activation)) {
    return `"${String(activation)}" is not an activation the widget knows: choose ${DIGIT_ACTIVATIONS.join(", ")}.`;
  }
  if (!(learningRate > 0) || !Number.isFinite(learningRate)) {
    return `The learning rate η = ${String(learningRate)} cannot be used: it must be a positive number.`;
  }
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
    return `A batch of ${String(batchSize)} digits is impossible: it must be a whole number from 1 to ${MAX_BATCH_SIZE} (all the training digits).`;
  }
  if (!Number.isInteger(seed)) return `The seed ${String(seed)} must be a whole number.`;
  return null;
}

/** One sentence stating the model, activation, loss and training, shown above the widget's figures. */
export function describeDigitModel(settings: DigitSettings): string {
  const { hiddenUnits, activation, learningRate, batchSize, seed } = settings;
  return `Model: 784 → ${hiddenUnits} → 10 network, ${activation} hidden units, softmax output; loss: cross-entropy; mini-batch gradient descent with η = ${learningRate}, batches of ${batchSize}, seed ${seed}; 8000 training and 2000 test digits.`;
}
