/** Training: a step is forward, backward, check for divergence, update; full-batch, mini-batch or one example at a time. */
import type { Dataset } from "./datasets";
import { measureLoss } from "./losses";
import { backward, forward, forwardLayers, type Network } from "./network";
import { applyOptimizer, type Optimizer } from "./optimizers";
import type { Random } from "./random";

/** What a training step reports. */
export interface StepResult {
  /** E averaged over the step's batch (without the weight-decay term). */
  loss: number;
  /** Fraction of the batch classified correctly, or NaN for a regression output (identity, relu, leakyRelu). */
  accuracy: number;
  /** True when the loss or a gradient was NaN or ±Infinity; the weights were then left as they were. */
  diverged: boolean;
}

/** What `createTrainer` needs. */
export interface TrainerOptions {
  network: Network;
  optimizer: Optimizer;
  dataset: Dataset;
  /** Examples per step: "full" (the default) for the whole set, 1 for one example at a time, or a mini-batch size. */
  batchSize?: number | "full";
  /** When given, the examples are reshuffled with it at the start of every epoch; otherwise they are taken in order. */
  random?: Random;
}

/** A trainer owns the batch buffers, so steps after the first allocate nothing. */
export interface Trainer {
  network: Network;
  optimizer: Optimizer;
  dataset: Dataset;
  batchSize: number;
  random: Random | undefined;
  /** Steps taken and whole passes over the data completed. */
  steps: number;
  epochs: number;
  /** The example order of the current epoch and the position in it. */
  order: Int32Array;
  cursor: number;
  inputs: Float64Array;
  targets: Float64Array;
  /** The object every `trainStep` returns, updated in place: copy it to keep a history. */
  result: StepResult;
}

/** A trainer for `network` on `dataset`; checks that the data's shapes fit the network. */
export function createTrainer(options: TrainerOptions): Trainer {
  const { network, optimizer, dataset, random } = options;
  if (dataset.inputSize !== network.sizes[0] || dataset.outputSize !== network.sizes[network.sizes.length - 1]) {
    throw new RangeError(`data set "${dataset.name}" has ${dataset.inputSize} inputs → ${dataset.outputSize} targets but the network is ${network.sizes.join("-")}`);
  }
  const batchSize = options.batchSize === undefined || options.batchSize === "full" ? dataset.count : options.batchSize;
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > dataset.count) {
    throw new RangeError(`batchSize ${String(options.batchSize)} is not allowed; allowed: "full" or an integer 1 to ${dataset.count}`);
  }
  const full = batchSize === dataset.count;
  return {
    network, optimizer, dataset, batchSize, random, steps: 0, epochs: 0,
    order: Int32Array.from({ length: dataset.count }, (_, i) => i),
    cursor: 0,
    // The full batch trains on the data set's own arrays; smaller batches are gathered into these.
    inputs: full ? dataset.inputs : new Float64Array(batchSize * dataset.inputSize),
    targets: full ? dataset.targets : new Float64Array(batchSize * dataset.outputSize),
    // Numbers only (NaN, not null, for "no accuracy"), so V8 updates the fields in place without allocating.
    result: { loss: NaN, accuracy: NaN, diverged: false },
  };
}

/** Copies the next `batchSize` examples of the epoch's order into the trainer's buffers. */
function gatherBatch(trainer: Trainer): void {
  const { dataset, inputs, targets, order } = trainer;
  const { inputSize, outputSize } = dataset;
  for (let b = 0; b < trainer.batchSize; b++) {
    if (trainer.cursor === dataset.count) {
      trainer.cursor = 0;
      trainer.epochs++;
      if (trainer.random) trainer.random.shuffle(order);
    }
    const example = order[trainer.cursor++];
    const source = dataset.inputs, from = example * inputSize, to = b * inputSize;
    for (let k = 0; k < inputSize; k++) inputs[to + k] = source[from + k];
    for (let j = 0; j < outputSize; j++) targets[b * outputSize + j] = dataset.targets[example * outputSize + j];
  }
}

function allFinite(arrays: Network["layers"]): boolean {
  for (const layer of arrays) {
    // x − x is 0 for finite x and NaN for NaN or ±Infinity, so sums check a whole array; four of them, since one
    // sum would wait for each addition to finish before the next.
    const g = layer.weightGradient, n = g.length - (g.length % 4);
    let c0 = 0, c1 = 0, c2 = 0, c3 = 0;
    for (let i = 0; i < n; i += 4) { c0 += g[i] - g[i]; c1 += g[i + 1] - g[i + 1]; c2 += g[i + 2] - g[i + 2]; c3 += g[i + 3] - g[i + 3]; }
    for (let i = n; i < g.length; i++) c0 += g[i] - g[i];
    for (let i = 0; i < layer.biasGradient.length; i++) c0 += layer.biasGradient[i] - layer.biasGradient[i];
    if (c0 + c1 + c2 + c3 !== 0) return false;
  }
  return true;
}

/** One update w ← optimizer(w, ∂E/∂w) on the next batch; a NaN or infinite loss or gradient sets `diverged` and skips the update. */
export function trainStep(trainer: Trainer): StepResult {
  const { network, result } = trainer;
  if (trainer.batchSize === trainer.dataset.count) {
    trainer.epochs++;
  } else {
    gatherBatch(trainer);
  }
  forward(network, trainer.inputs, trainer.batchSize);
  const loss = backward(network, trainer.targets);
  result.loss = loss;
  result.accuracy = measureAccuracy(network, trainer.targets) ?? NaN;
  result.diverged = !Number.isFinite(loss) || !allFinite(network.layers);
  if (!result.diverged) applyOptimizer(trainer.optimizer, network);
  trainer.steps++;
  return result;
}

/**
 * The fraction of the last forward batch classified correctly against `targets`: with one output unit,
 * the class is a ≥ ½ for sigmoid and step outputs and a ≥ 0 for tanh and sign (the targets likewise);
 * with several, the class is the arg max. Returns null for regression outputs (identity, relu, leakyRelu).
 */
export function measureAccuracy(network: Network, targets: ArrayLike<number>): number | null {
  const output = network.layers[network.layers.length - 1];
  const width = output.outputSize;
  const a = output.a;
  const activation = output.activation;
  const batchSize = network.batchSize;
  let correct = 0;
  if (width === 1) {
    let threshold: number;
    if (activation === "sigmoid" || activation === "step") threshold = 0.5;
    else if (activation === "tanh" || activation === "sign") threshold = 0;
    else return null;
    for (let b = 0; b < batchSize; b++) if (a[b] >= threshold === targets[b] >= threshold) correct++;
  } else {
    if (activation === "identity" || activation === "relu" || activation === "leakyRelu") return null;
    for (let row = 0; row < batchSize * width; row += width) {
      let predicted = row;
      let actual = row;
      for (let j = row + 1; j < row + width; j++) {
        if (a[j] > a[predicted]) predicted = j;
        if (targets[j] > targets[actual]) actual = j;
      }
      if (predicted === actual) correct++;
    }
  }
  return correct / batchSize;
}

/** E averaged over a whole data set, and its accuracy, without touching weights or gradients. */
export function evaluate(network: Network, dataset: Dataset): { loss: number; accuracy: number | null } {
  const { inputs, count } = dataset;
  // The data set's own array, not a copy (backward, which needs one, never follows); forward checks odd shapes and names them.
  if (inputs instanceof Float64Array && Number.isInteger(count) && count >= 1 && inputs.length === count * network.sizes[0]) forwardLayers(network, inputs, count);
  else forward(network, inputs, count);
  const output = network.layers[network.layers.length - 1];
  const total = measureLoss(network.loss, output.activation, output.z, output.a, dataset.targets, output.a.length, output.outputSize);
  return { loss: total / dataset.count, accuracy: measureAccuracy(network, dataset.targets) };
}

/** The network's outputs a[L] for one input point, as a plain array. */
export function predict(network: Network, point: ArrayLike<number>): number[] {
  return Array.from(forward(network, point, 1));
}
