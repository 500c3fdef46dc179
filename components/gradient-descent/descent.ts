/**
 * Chapter 3's models and descents as plain data, computed by the engine: chapter 2's sigmoid unit
 * y = σ(w₁x₁ + w₂x₂) on chapter 2's data (both from ../error-surface/lossSurface.ts), the narrow
 * valley E = ½(c₁w₁² + c₂w₂²), paths of gradient descent with or without momentum, loss surfaces
 * over a box, and loss curves for full, mini and single batches.
 * No DOM here: the widgets draw what these functions return.
 */
import {
  createNetwork, createOptimizer, createRandom, createTrainer, evaluate, evaluateLossSurface,
  getWeight, makeDataset, setBias, trainStep,
  type Dataset, type Network, type OptimizerKind,
} from "../../src/engine/index";
import { createUnit, makeSurfaceData, setUnitWeights } from "../error-surface/lossSurface";
import { en } from "../../src/i18n/en";
import type { Strings } from "../../src/i18n/types";

/** A model with exactly two trainable numbers, so its error is a surface over a plane. */
export interface TwoParameterModel {
  /** Names of the two parameters as the chapter writes them, e.g. ["w", "b"]. */
  names: [string, string];
  dataset: Dataset;
  /** A fresh engine network whose two parameters are (p1, p2). */
  build(p1: number, p2: number): Network;
  /** Sets the two parameters of a network built by `build`. */
  assign(network: Network, p1: number, p2: number): void;
  /** Reads (p1, p2) back from a network built by `build`. */
  read(network: Network): [number, number];
  /** Restores what the model holds fixed after an optimizer step (the engine updates every parameter). */
  constrain?(network: Network): void;
}

/** How many of chapter 2's points chapter 3 uses, and the fraction of labels flipped: the defaults of chapter 2's params. */
export const UNIT_DATA = { count: 40, flipped: 0.1 } as const;

/** Chapter 2's unit y = σ(w₁x₁ + w₂x₂) with E = (1/N) Σ ½(t_n − y_n)² on chapter 2's data: its network and data, from components/error-surface/lossSurface.ts. */
export function createSigmoidUnit(): TwoParameterModel {
  return {
    names: ["w₁", "w₂"],
    dataset: makeSurfaceData(UNIT_DATA.count, UNIT_DATA.flipped),
    build(w1, w2) {
      const network = createUnit("squared error");
      setUnitWeights(network, w1, w2);
      return network;
    },
    assign: setUnitWeights,
    read: readUnitWeights,
    // The model has no bias; the engine's optimizer moves every bias, so put it back after each step.
    constrain: (network) => setBias(network, 1, 0, 0),
  };
}

/** The two weights w₁ = W[1][0][0] and w₂ = W[1][0][1] of a one-unit network, as `setUnitWeights` writes them. */
function readUnitWeights(network: Network): [number, number] {
  return [getWeight(network, 1, 0, 0), getWeight(network, 1, 0, 1)];
}

/**
 * The valley E = ½(c₁w₁² + c₂w₂²) as a linear unit y = w₁x₁ + w₂x₂ + b with squared error on four
 * points (±√(2c₁), 0) and (0, ±√(2c₂)), all with target 0: averaging ½(w·x + b)² over them gives
 * exactly ½(c₁w₁² + c₂w₂²) + ½b², and b stays 0 because the four contributions to ∂E/∂b cancel.
 */
export function createValley(c1: number, c2: number): TwoParameterModel {
  if (!(c1 > 0 && c2 > 0 && Number.isFinite(c1) && Number.isFinite(c2))) {
    throw new RangeError(`valley curvatures must be positive and finite, got c1 = ${c1}, c2 = ${c2}`);
  }
  const s = Math.sqrt(2 * c1);
  const r = Math.sqrt(2 * c2);
  const dataset: Dataset = {
    name: "valley", count: 4, inputSize: 2, outputSize: 1,
    inputs: Float64Array.from([s, 0, -s, 0, 0, r, 0, -r]), targets: new Float64Array(4),
  };
  return {
    names: ["w₁", "w₂"],
    dataset,
    build(w1, w2) {
      const network = createNetwork({ sizes: [2, 1], outputActivation: "identity", loss: "squaredError", init: "zeros" });
      setUnitWeights(network, w1, w2);
      return network;
    },
    assign: setUnitWeights,
    read: readUnitWeights,
  };
}

/** E at (p1, p2), by the engine's forward pass over the whole data set. */
export function measureModelLoss(model: TwoParameterModel, p1: number, p2: number): number {
  return evaluate(model.build(p1, p2), model.dataset).loss;
}

/** One point of a descent: the parameters before step `step` and E there. */
export interface PathPoint {
  step: number;
  p1: number;
  p2: number;
  loss: number;
}

/** A descent: its points (start included), and the step at which E or ∇E became NaN or ±Infinity, if it did. */
export interface DescentPath {
  points: PathPoint[];
  divergedAt: number | null;
  /** E at the last point. */
  finalLoss: number;
}

/** What `descend` needs: where to start, how to step, and how many steps. */
export interface DescentOptions {
  start: [number, number];
  learningRate: number;
  /** α for momentum; plain gradient descent when 0 or omitted. */
  momentum?: number;
  steps: number;
  /** Keep stepping (unrecorded) up to this many steps to find out whether the descent diverges. */
  watchUntil?: number;
}

/** Full-batch descent from `start` with the engine's trainer: w ← w − η∇E, or Δw ← αΔw − η∇E, w ← w + Δw. */
export function descend(model: TwoParameterModel, options: DescentOptions): DescentPath {
  const { start, learningRate, steps, momentum = 0 } = options;
  const kind: OptimizerKind = momentum > 0 ? "momentum" : "gradientDescent";
  const network = model.build(start[0], start[1]);
  const trainer = createTrainer({ network, dataset: model.dataset, optimizer: createOptimizer({ kind, learningRate, momentum }) });
  const points: PathPoint[] = [];
  const last = Math.max(steps, options.watchUntil ?? steps);
  let divergedAt: number | null = null;
  for (let step = 0; step <= last; step++) {
    const [p1, p2] = model.read(network);
    // The step's loss is E before its update, so it belongs to the point the step starts from.
    const result = trainStep(trainer);
    model.constrain?.(network);
    if (step <= steps) points.push({ step, p1, p2, loss: result.loss });
    if (result.diverged) {
      divergedAt = step;
      break;
    }
  }
  return { points, divergedAt, finalLoss: points[points.length - 1].loss };
}

/** A box in the (p1, p2) plane. */
export interface Box {
  p1Min: number;
  p1Max: number;
  p2Min: number;
  p2Max: number;
}

/** Rows of a surface to fill: all when omitted, or [fromRow, toRow) into `output`, so a browser can spread the work over frames. */
export interface SurfaceRows {
  output: Float64Array;
  fromRow: number;
  toRow: number;
}

/** E over a resolution × resolution grid of the box, row-major from p2Max, by the engine's `evaluateLossSurface` (all rows, or just `rows`). */
export function sampleSurface(model: TwoParameterModel, box: Box, resolution: number, rows?: SurfaceRows): Float64Array {
  const network = model.build(0, 0);
  return evaluateLossSurface((p1, p2) => {
    model.assign(network, p1, p2);
    return evaluate(network, model.dataset).loss;
  }, { w1Min: box.p1Min, w1Max: box.p1Max, w2Min: box.p2Min, w2Max: box.p2Max, resolution, ...rows }) as Float64Array;
}

/** The sentence a widget shows for a descent that was stopped because E or ∇E became NaN or ±Infinity. */
export function describeDivergence(divergedAt: number, s: Strings = en): string {
  return s.gdDiverged({ step: divergedAt });
}

/** How a descent on a quadratic with curvature c behaves for learning rate η: the factor 1 − ηc each step multiplies the distance to the minimum by. */
export function classifyLearningRate(learningRate: number, curvature: number): { factor: number; regime: "crawling" | "smooth" | "oscillating" | "diverging" | "on the limit" } {
  const factor = 1 - learningRate * curvature;
  if (Math.abs(factor) > 1) return { factor, regime: "diverging" };
  if (Math.abs(factor) === 1) return { factor, regime: "on the limit" };
  if (factor < 0) return { factor, regime: "oscillating" };
  return { factor, regime: factor > 0.8 ? "crawling" : "smooth" };
}

/** One loss curve per batch size: E over the whole data set after each epoch. */
export interface BatchRun {
  label: string;
  batchSize: number;
  trainer: ReturnType<typeof createTrainer>;
  /** E over the whole set before training (epoch 0) and after each completed epoch. */
  curve: { epoch: number; loss: number }[];
  divergedAt: number | null;
}

/** Settings of the batch-size comparison. */
export interface BatchOptions {
  learningRate: number;
  miniBatchSize: number;
  seed?: number;
  /** The language of the curves' labels; default English. */
  strings?: Strings;
}

/** The batch comparison's data: 200 points of the engine's "moons" set. */
export function createMoons(seed = 3): Dataset {
  return makeDataset("moons", { count: 200, random: createRandom(seed) });
}

/** Three identical networks 2-8-1 (tanh hidden, sigmoid output, squared error) trained with full, mini and single batches. */
export function createBatchRuns(dataset: Dataset, options: BatchOptions): BatchRun[] {
  const { learningRate, miniBatchSize, seed = 7, strings: s = en } = options;
  const sizes: [string, number][] = [
    [s.gdFullBatch, dataset.count],
    [s.gdMiniBatch({ size: miniBatchSize }), miniBatchSize],
    [s.gdOneExample, 1],
  ];
  return sizes.map(([label, batchSize], index) => {
    // The same seed gives every run the same starting weights; only the batches differ.
    const network = createNetwork({ sizes: [2, 8, 1], hiddenActivation: "tanh", outputActivation: "sigmoid", loss: "squaredError", random: createRandom(seed) });
    const trainer = createTrainer({
      network, dataset, batchSize, random: createRandom(seed + 1 + index),
      optimizer: createOptimizer({ kind: "gradientDescent", learningRate }),
    });
    return { label, batchSize, trainer, curve: [{ epoch: 0, loss: evaluate(network, dataset).loss }], divergedAt: null };
  });
}

/**
 * Trains one run until it has seen epoch × N examples for the next epoch, then records E over the whole set. Batches
 * run on across an epoch's end, so the step count is ⌈epoch · N / B⌉ in all, not ⌈N / B⌉ per epoch: with B = 199 of
 * N = 200, two steps an epoch would show each epoch's point after nearly two passes over the data.
 */
export function advanceEpoch(run: BatchRun): void {
  if (run.divergedAt !== null) return;
  const { trainer } = run;
  const target = Math.ceil((run.curve.length * trainer.dataset.count) / run.batchSize);
  while (trainer.steps < target) {
    if (trainStep(trainer).diverged) {
      run.divergedAt = trainer.steps;
      return;
    }
  }
  run.curve.push({ epoch: run.curve.length, loss: evaluate(trainer.network, trainer.dataset).loss });
}
