/**
 * The digit classifier in training: a 784-n-10 network (softmax output, cross-entropy) trained by
 * mini-batch SGD on the 8,000 training digits, measured on the 2,000 test digits. Engine calls only,
 * no DOM: the widget and the build both drive it with `trainFor` and read plain numbers back.
 *
 * Work is cut into small units (one training step, or one chunk of the test evaluation) so a page
 * can spend a few milliseconds a frame on it; the order of the units never depends on the time
 * budget, so the same settings and seed give the same run however it is sliced.
 */
import { en } from "../../src/i18n/en";
import type { Strings } from "../../src/i18n/types";
import {
  createNetwork, createOptimizer, createRandom, createTrainer, forward, measureLoss, trainStep,
  type Dataset, type Trainer,
} from "../../src/engine/index";
import { formatNumber } from "../kit/formatNumber";
import type { DigitData } from "./digitData";
import { checkDigitSettings, type DigitSettings } from "./digitSettings";

/** Training examples between two points of the curves (a quarter of an epoch on 8,000 digits). */
export const EXAMPLES_PER_POINT = 2000;
/** Test digits evaluated in one unit of work (about a millisecond). */
const EVALUATION_CHUNK = 100;
/** A batch loss past this means the weights have blown up: cross-entropy starts at ln 10 ≈ 2.3. */
const MAX_LOSS = 1000;

/** One point of the curves: training loss and accuracy averaged over the batches since the previous point, test ones on all test digits. */
export interface DigitPoint {
  /** Training examples seen so far, and the same in epochs. */
  examples: number;
  epoch: number;
  /** NaN at the first point, before any batch. */
  trainLoss: number;
  trainAccuracy: number;
  testLoss: number;
  testAccuracy: number;
}

/** The last complete evaluation of the test digits. */
export interface TestReport {
  examples: number;
  loss: number;
  accuracy: number;
  /** The network's answer for each test digit and the probability it gave that answer. */
  predicted: Uint8Array;
  confidence: Float64Array;
  /** confusion[label · 10 + predicted]: how often a digit `label` was read as `predicted`. */
  confusion: Int32Array;
}

interface Evaluation {
  cursor: number;
  lossSum: number;
  correct: number;
  predicted: Uint8Array;
  confidence: Float64Array;
  confusion: Int32Array;
}

/** A network in training with its curves; `divergedBecause` is set once it has blown up. */
export interface DigitRun {
  settings: DigitSettings;
  data: DigitData;
  trainer: Trainer;
  history: DigitPoint[];
  report: TestReport | null;
  divergedBecause?: string;
  /** The page's strings, for `divergedBecause`. */
  strings: Strings;
  /** Batch sums since the last point. */
  batches: { loss: number; accuracy: number; count: number };
  /** The test evaluation in progress (training waits for it, so it sees one set of weights). */
  evaluation: Evaluation | null;
}

/** A fresh run: the weights and the shuffling come from one generator seeded with `settings.seed`. Throws the settings' message if they are impossible. */
export function startDigitRun(settings: DigitSettings, data: DigitData, s: Strings = en): DigitRun {
  const problem = checkDigitSettings(settings, s);
  if (problem) throw new RangeError(problem);
  const random = createRandom(settings.seed);
  const network = createNetwork({
    sizes: [data.train.inputSize, settings.hiddenUnits, 10],
    hiddenActivation: settings.activation,
    outputActivation: "softmax",
    loss: "softmaxCrossEntropy",
    init: "glorotUniform",
    random,
  });
  const optimizer = createOptimizer({ kind: "gradientDescent", learningRate: settings.learningRate });
  const trainer = createTrainer({ network, optimizer, dataset: data.train, batchSize: settings.batchSize, random });
  return { settings, data, trainer, strings: s, history: [], report: null, batches: { loss: 0, accuracy: 0, count: 0 }, evaluation: newEvaluation(data.test) };
}

function newEvaluation(test: Dataset): Evaluation {
  return { cursor: 0, lossSum: 0, correct: 0, predicted: new Uint8Array(test.count), confidence: new Float64Array(test.count), confusion: new Int32Array(100) };
}

/** Training examples seen so far. */
export function countExamples(run: DigitRun): number {
  return run.trainer.steps * run.trainer.batchSize;
}

/** Does one unit of work: a chunk of the pending test evaluation, or else one training step. Returns false once the run has diverged. */
export function workOnce(run: DigitRun): boolean {
  if (run.divergedBecause) return false;
  if (run.evaluation) {
    evaluateChunk(run, run.evaluation);
    return true;
  }
  const result = trainStep(run.trainer);
  if (result.diverged || !(result.loss <= MAX_LOSS)) {
    const what = Number.isNaN(result.loss) || result.diverged ? run.strings.rdNaN : formatNumber(result.loss);
    run.divergedBecause = run.strings.rdLossDiverged({ what, step: run.trainer.steps, rate: run.settings.learningRate });
    return false;
  }
  run.batches.loss += result.loss;
  run.batches.accuracy += result.accuracy;
  run.batches.count++;
  if (countExamples(run) - lastPointExamples(run) >= EXAMPLES_PER_POINT) run.evaluation = newEvaluation(run.data.test);
  return true;
}

function lastPointExamples(run: DigitRun): number {
  return run.history.at(-1)?.examples ?? 0;
}

function evaluateChunk(run: DigitRun, evaluation: Evaluation): void {
  const { test } = run.data;
  const network = run.trainer.network;
  const start = evaluation.cursor;
  const count = Math.min(EVALUATION_CHUNK, test.count - start);
  const probabilities = forward(network, test.inputs.subarray(start * test.inputSize, (start + count) * test.inputSize), count);
  const output = network.layers[network.layers.length - 1];
  const targets = test.targets.subarray(start * 10, (start + count) * 10);
  evaluation.lossSum += measureLoss("softmaxCrossEntropy", "softmax", output.z, probabilities, targets, count * 10, 10);
  for (let b = 0; b < count; b++) {
    let predicted = 0;
    let label = 0;
    for (let j = 1; j < 10; j++) {
      if (probabilities[b * 10 + j] > probabilities[b * 10 + predicted]) predicted = j;
      if (targets[b * 10 + j] > targets[b * 10 + label]) label = j;
    }
    evaluation.predicted[start + b] = predicted;
    evaluation.confidence[start + b] = probabilities[b * 10 + predicted];
    evaluation.confusion[label * 10 + predicted]++;
    if (predicted === label) evaluation.correct++;
  }
  evaluation.cursor += count;
  if (evaluation.cursor === test.count) finishEvaluation(run, evaluation);
}

function finishEvaluation(run: DigitRun, evaluation: Evaluation): void {
  const { test, train } = run.data;
  const examples = countExamples(run);
  const report: TestReport = {
    examples,
    loss: evaluation.lossSum / test.count,
    accuracy: evaluation.correct / test.count,
    predicted: evaluation.predicted,
    confidence: evaluation.confidence,
    confusion: evaluation.confusion,
  };
  const { batches } = run;
  run.history.push({
    examples,
    epoch: examples / train.count,
    trainLoss: batches.count > 0 ? batches.loss / batches.count : NaN,
    trainAccuracy: batches.count > 0 ? batches.accuracy / batches.count : NaN,
    testLoss: report.loss,
    testAccuracy: report.accuracy,
  });
  run.report = report;
  run.batches = { loss: 0, accuracy: 0, count: 0 };
  run.evaluation = null;
  if (!Number.isFinite(report.loss)) {
    run.divergedBecause = run.strings.rdTestDiverged({ examples, rate: run.settings.learningRate });
  }
}

/** Works until `budgetMs` has passed (at least one unit) or the run diverges; returns the units done. */
export function trainFor(run: DigitRun, budgetMs: number, now: () => number = () => performance.now()): number {
  const start = now();
  let units = 0;
  while (workOnce(run)) {
    units++;
    if (now() - start >= budgetMs) break;
  }
  return units;
}

/** One training step (the Step button), finishing any test evaluation that is due before and after it. */
export function stepOnce(run: DigitRun): void {
  while (run.evaluation && workOnce(run));
  workOnce(run);
  while (run.evaluation && workOnce(run));
}

/** Trains until `examples` training examples have been seen and the point there is measured (the build's run). */
export function trainUntil(run: DigitRun, examples: number): void {
  while ((countExamples(run) < examples || run.evaluation) && workOnce(run));
}
