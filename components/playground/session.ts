/**
 * One training run of the playground as plain data: the data set and its train/test split, the
 * network, optimizer and trainer, the loss and gradient history, and divergence. No DOM, so it runs
 * (and is tested) in Node; the browser element only calls these functions and draws the results.
 */
import {
  createNetwork, createOptimizer, createRandom, createTrainer, evaluate, evaluateGrid, forward, makeDataset, splitDataset, trainStep,
  type Dataset, type GridBox, type Network, type Optimizer, type Trainer,
} from "../../src/engine/index.ts";
import type { CustomPoint, PlaygroundConfig } from "./config";

/** Examples generated for a built-in data set, and the share held out for testing. */
export const DATASET_SIZE = 200;
export const TEST_FRACTION = 0.3;
/** Loss and gradient history keeps at most this many records; older ones are thinned to every other. */
export const MAX_RECORDS = 300;
/** A weight beyond this size means training has blown up even if no number is infinite yet. */
export const MAX_WEIGHT = 1e4;
/** The smoothed batch loss may grow to this many times its starting value before we call it divergence. */
export const LOSS_GROWTH_LIMIT = 10;

/** One point of the loss curves: E averaged over the training set and over the test set after `step` updates. */
export interface LossRecord {
  step: number;
  trainLoss: number;
  /** NaN when there is no test set (custom points are all used for training). */
  testLoss: number;
}

/** One point of the gradient plot: RMS of ∂E/∂W^l for each layer l = 1…L, smoothed over the last ~10 steps. */
export interface GradientRecord {
  step: number;
  rms: number[];
}

/** Why training stopped by itself. */
export interface Divergence {
  step: number;
  reason: "notFinite" | "lossGrew" | "weightsGrew";
  /** The number that gave it away: the loss, or the largest |w|. */
  value: number;
}

/** A run: everything the widget draws comes from here. */
export interface Session {
  config: PlaygroundConfig;
  train: Dataset;
  /** Null for custom points, which all train. */
  test: Dataset | null;
  box: GridBox;
  network: Network;
  optimizer: Optimizer;
  /** Null until there is at least one training example. */
  trainer: Trainer | null;
  /** The examples per step actually used: the config's batch size, at most the training set. */
  batchSize: number;
  steps: number;
  /** E on the training set before the first step. */
  initialLoss: number;
  smoothedLoss: number;
  divergence: Divergence | null;
  losses: LossRecord[];
  gradients: GradientRecord[];
  /** A record is taken every `recordEvery` steps; doubles whenever the history is thinned. */
  recordEvery: number;
  /** Per layer, an exponential moving average of the RMS gradient (mini-batch gradients are noisy). */
  gradientAverages: Float64Array;
}

/** The plotted square for a data set: XOR's corners sit at 0 and 1, the moons reach a little further. */
export function findBox(dataset: PlaygroundConfig["dataset"]): { xMin: number; xMax: number; yMin: number; yMax: number } {
  if (dataset === "xor") return { xMin: -0.75, xMax: 1.75, yMin: -0.75, yMax: 1.75 };
  const half = dataset === "moons" ? 1.75 : 1.5;
  return { xMin: -half, xMax: half, yMin: -half, yMax: half };
}

/** Custom points as an engine data set (inputs (x₁, x₂), target t). */
export function pointsToDataset(points: readonly CustomPoint[]): Dataset {
  const inputs = new Float64Array(points.length * 2);
  const targets = new Float64Array(points.length);
  points.forEach((point, i) => {
    inputs[2 * i] = point.x1;
    inputs[2 * i + 1] = point.x2;
    targets[i] = point.t;
  });
  return { name: "custom", count: points.length, inputSize: 2, outputSize: 1, inputs, targets };
}

/** Builds the data and the training split; each use of the seed has its own stream, so changing the network keeps the data. */
function buildData(config: PlaygroundConfig): { train: Dataset; test: Dataset | null } {
  if (config.dataset === "custom") return { train: pointsToDataset(config.points), test: null };
  const noise = config.dataset === "xor" ? 0.2 : undefined; // XOR's corners get jitter; the rest keep the engine's default noise
  const all = makeDataset(config.dataset, { count: DATASET_SIZE, noise, random: createRandom(config.seed) });
  return splitDataset(all, { testFraction: TEST_FRACTION, random: createRandom(config.seed + 1) });
}

/** A fresh run: same config, same seed, same numbers every time. */
export function createSession(config: PlaygroundConfig, resolution = 64): Session {
  const { train, test } = buildData(config);
  const network = createNetwork({
    sizes: [2, ...config.hidden, 1],
    hiddenActivation: config.activation,
    outputActivation: "sigmoid",
    loss: config.loss,
    // He initialisation keeps relu units alive; Glorot suits the saturating activations.
    init: config.activation === "relu" || config.activation === "leakyRelu" ? "he" : "glorotUniform",
    random: createRandom(config.seed + 2),
  });
  const optimizer = createOptimizer({
    kind: config.optimizer,
    learningRate: config.learningRate,
    momentum: config.momentum,
    weightDecay: config.weightDecay,
  });
  const batchSize = Math.min(config.batchSize, Math.max(1, train.count));
  const trainer = train.count > 0 ? createTrainer({ network, optimizer, dataset: train, batchSize, random: createRandom(config.seed + 3) }) : null;
  const session: Session = {
    config, train, test, network, optimizer, trainer, batchSize,
    box: { ...findBox(config.dataset), resolution },
    steps: 0,
    initialLoss: NaN,
    smoothedLoss: NaN,
    divergence: null,
    losses: [],
    gradients: [],
    recordEvery: 1,
    gradientAverages: new Float64Array(network.layers.length),
  };
  if (trainer) {
    session.initialLoss = measureDataLoss(network, train);
    session.smoothedLoss = session.initialLoss;
    session.losses.push({ step: 0, trainLoss: session.initialLoss, testLoss: test ? measureDataLoss(network, test) : NaN });
  }
  return session;
}

/** Swaps in new custom points and keeps the network and optimizer, so training goes on from the current weights. */
export function replaceTrainingData(session: Session, points: readonly CustomPoint[]): void {
  session.config = { ...session.config, points: points.map((point) => ({ ...point })) };
  session.train = pointsToDataset(points);
  session.batchSize = Math.min(session.config.batchSize, Math.max(1, session.train.count));
  session.trainer =
    session.train.count > 0
      ? createTrainer({ network: session.network, optimizer: session.optimizer, dataset: session.train, batchSize: session.batchSize, random: createRandom(session.config.seed + 3) })
      : null;
  if (session.trainer && !Number.isFinite(session.initialLoss)) {
    session.initialLoss = measureDataLoss(session.network, session.train);
    session.smoothedLoss = session.initialLoss;
  }
  if (session.trainer) session.losses.push({ step: session.steps, trainLoss: measureDataLoss(session.network, session.train), testLoss: NaN });
}

/** E averaged over a whole data set (NaN for an empty one). */
export function measureDataLoss(network: Network, dataset: Dataset): number {
  return dataset.count > 0 ? evaluate(network, dataset).loss : NaN;
}

/** RMS of ∂E/∂W^l, √(mean of its squared entries), for the last backward pass. */
export function measureGradientRms(network: Network, l: number): number {
  const gradient = network.layers[l - 1].weightGradient;
  let sum = 0;
  for (let i = 0; i < gradient.length; i++) sum += gradient[i] * gradient[i];
  return Math.sqrt(sum / gradient.length);
}

/** The largest |w| in the network (biases included). */
export function findLargestWeight(network: Network): number {
  let largest = 0;
  for (const layer of network.layers) {
    for (let i = 0; i < layer.weights.length; i++) largest = Math.max(largest, Math.abs(layer.weights[i]));
    for (let i = 0; i < layer.biases.length; i++) largest = Math.max(largest, Math.abs(layer.biases[i]));
  }
  return largest;
}

/** Keeps every other record once the history is full, so it spans the whole run in bounded memory. */
function thinHistory(session: Session): void {
  if (session.losses.length < MAX_RECORDS) return;
  session.losses = session.losses.filter((_, i) => i % 2 === 0);
  session.gradients = session.gradients.filter((_, i) => i % 2 === 1);
  session.recordEvery *= 2;
}

function record(session: Session): void {
  const { network, train, test } = session;
  session.losses.push({ step: session.steps, trainLoss: measureDataLoss(network, train), testLoss: test ? measureDataLoss(network, test) : NaN });
  session.gradients.push({ step: session.steps, rms: Array.from(session.gradientAverages) });
  thinHistory(session);
}

/** One update; returns false (and sets `divergence`) when the step diverged or training cannot go on. */
export function stepSession(session: Session): boolean {
  const { trainer, network } = session;
  if (!trainer || session.divergence) return false;
  const result = trainStep(trainer);
  if (result.diverged) {
    session.divergence = { step: session.steps + 1, reason: "notFinite", value: result.loss };
    return false;
  }
  session.steps++;
  for (let l = 1; l <= network.layers.length; l++) {
    const rms = measureGradientRms(network, l);
    // The first step starts the average; after that each step weighs 1/10, about a 10-step memory.
    session.gradientAverages[l - 1] = session.steps === 1 ? rms : 0.9 * session.gradientAverages[l - 1] + 0.1 * rms;
  }
  session.smoothedLoss = 0.9 * session.smoothedLoss + 0.1 * result.loss;
  const largest = findLargestWeight(network);
  if (largest > MAX_WEIGHT) {
    session.divergence = { step: session.steps, reason: "weightsGrew", value: largest };
  } else if (session.smoothedLoss > Math.max(LOSS_GROWTH_LIMIT * session.initialLoss, 2)) {
    session.divergence = { step: session.steps, reason: "lossGrew", value: session.smoothedLoss };
  }
  if (session.divergence || session.steps % session.recordEvery === 0) record(session);
  return !session.divergence;
}

/** Up to `maxSteps` updates, stopping early when `outOfTime()` says the frame's budget is spent; returns the steps taken. */
export function runSession(session: Session, maxSteps: number, outOfTime: () => boolean = () => false): number {
  let taken = 0;
  while (taken < maxSteps && !outOfTime()) {
    if (!stepSession(session)) break;
    taken++;
  }
  return taken;
}

/** The output y at every point of the box, written into `output` (resolution² values, top row first) by the engine's evaluateGrid. */
export function evaluateDecision(session: Session, output: Float32Array): Float32Array {
  evaluateGrid(session.network, { ...session.box, output, fast: true });
  return output;
}

/** The grid's inputs (x₁, x₂) in evaluateGrid's order, for one batched forward pass over the plane. */
export function createGridInputs(box: GridBox): Float64Array {
  const { xMin, xMax, yMin, yMax, resolution } = box;
  const inputs = new Float64Array(resolution * resolution * 2);
  for (let row = 0; row < resolution; row++) {
    for (let column = 0; column < resolution; column++) {
      const p = row * resolution + column;
      inputs[2 * p] = xMin + (column * (xMax - xMin)) / (resolution - 1);
      inputs[2 * p + 1] = yMax - (row * (yMax - yMin)) / (resolution - 1);
    }
  }
  return inputs;
}

/**
 * Every hidden unit's activation a^l_j over the plane: one engine forward pass on the grid's inputs,
 * then unit j of layer l is copied into maps[l − 1][j] (preallocated, resolution² values each).
 */
export function evaluateHiddenUnits(session: Session, gridInputs: Float64Array, maps: Float32Array[][]): Float32Array[][] {
  const { network } = session;
  const count = gridInputs.length / 2;
  forward(network, gridInputs, count);
  for (let l = 1; l < network.layers.length; l++) {
    const { a, outputSize } = network.layers[l - 1];
    for (let j = 0; j < outputSize; j++) {
      const map = maps[l - 1][j];
      for (let p = 0; p < count; p++) map[p] = a[p * outputSize + j];
    }
  }
  return maps;
}

/** Preallocated maps for `evaluateHiddenUnits`: one Float32Array per hidden unit. */
export function createUnitMaps(hidden: readonly number[], resolution: number): Float32Array[][] {
  return hidden.map((units) => Array.from({ length: units }, () => new Float32Array(resolution * resolution)));
}
