/**
 * The chapter's default run and the accuracy it must reach.
 *
 * Model: 784-30-10, sigmoid hidden units, softmax output with cross-entropy (the chapter teaches
 * softmax and δ = y − t, and the widget shows ten probabilities that sum to 1, which Nielsen's sigmoid
 * outputs with squared error would not), mini-batch SGD with η = 0.5 and batches of 10, Glorot-uniform
 * weights and the shuffling from seed 1, 20 epochs over the 8,000 training digits (6-14 s of a build
 * on this machine; nothing when components/real-data/digitRunCache.ts has the run).
 *
 * The floor, 94.0 % on the 2,000 test digits: the reference run of Nielsen's own chapter-1 program on
 * this split (784-30-10, sigmoid outputs, squared error, η = 3, batch 10) reached 94.0 % after 10 epochs,
 * so the chapter's program must read held-out digits at least as well as the one it builds on. (The same
 * reference with softmax cross-entropy and η = 0.5 reached 94.6 % after 10 epochs with one seed; over seeds
 * 1-8 that setting gives 93.7-94.6 % after 10 epochs and 94.2-94.8 % after 20, hence the 20 epochs.)
 * Nielsen reports about 95 % for the same network trained on 50,000 MNIST digits, six times our 8,000.
 */
import type { DigitSettings } from "./digitSettings";

/** The default run's settings; the chapter's <Param>s start at these. */
export const DEFAULT_DIGIT_SETTINGS: DigitSettings = { hiddenUnits: 30, activation: "sigmoid", learningRate: 0.5, batchSize: 10, seed: 1 };
/** Epochs the build trains the default run for. */
export const DEFAULT_EPOCHS = 20;
/** The least test accuracy the default run may reach (see the comment above for its source). */
export const ACCURACY_FLOOR = 0.94;
