/**
 * The perceptron lab's state, as plain data: the points, the unit, where the sweep is, the mistakes
 * per epoch, and whether training converged, is cycling or hit its limit. No DOM: the widget draws it.
 */
import { createPerceptron, createRandom, makeDataset, perceptronUpdate, predictPerceptron, type Perceptron } from "../../src/engine/index";
import type { Box } from "./geometry";
import { en } from "../../src/i18n/en";
import type { Strings } from "../../src/i18n/types";

/** One training example in the plane, with target t = 1 or 0. */
export interface LabPoint {
  x1: number;
  x2: number;
  target: 0 | 1;
}

/** The data presets the lab offers. */
export const LAB_PRESETS = ["and", "or", "blobs", "xor"] as const;
/** One of `LAB_PRESETS`. */
export type LabPreset = (typeof LAB_PRESETS)[number];

/** The part of the plane the lab shows; added points are kept inside it. */
export const LAB_BOX: Box = { xMin: -1.5, xMax: 1.5, yMin: -1.5, yMax: 1.5 };

/** Added points snap to this grid, so the weights on any data stay on a lattice and a cycle repeats exactly. */
export const LAB_GRID = 0.05;

/** What training is doing: still going, done (no mistake in an epoch), cycling, out of epochs, or unable to start. */
export type LabStatus = "training" | "converged" | "cycling" | "limit" | "empty" | "diverged";

/** Everything the lab shows. */
export interface LabState {
  points: LabPoint[];
  perceptron: Perceptron;
  /** The example the next step visits (0 … points.length − 1). */
  cursor: number;
  /** Mistakes made so far in the current, unfinished epoch. */
  mistakesThisEpoch: number;
  /** Mistakes in each finished epoch. */
  mistakesPerEpoch: number[];
  status: LabStatus;
  /** When cycling: the earlier epoch whose starting weights came back. */
  cycleStart?: number;
  /** The example the last step visited and whether it was a mistake. */
  lastStep?: { index: number; mistake: boolean };
  /** Weights and bias at the start of each epoch seen so far (key → epoch number, from 1). */
  epochStarts: Map<string, number>;
  /** The learning rate the epoch starts were recorded with; a new rate starts a fresh record. */
  recordedLearningRate?: number;
}

/** The points of a preset: the logic gates' four corners, or seeded blobs that a line can split. */
export function makePresetPoints(preset: LabPreset, seed: number): LabPoint[] {
  const dataset = preset === "blobs" ? makeDataset("blobs", { count: 30, random: createRandom(seed) }) : makeDataset(preset);
  const points: LabPoint[] = [];
  for (let n = 0; n < dataset.count; n++) {
    points.push({ x1: dataset.inputs[2 * n], x2: dataset.inputs[2 * n + 1], target: dataset.targets[n] > 0 ? 1 : 0 });
  }
  return points;
}

/** A fresh lab on `points`, starting from weights drawn from U(−0.5, 0.5) with `seed` and bias 0. */
export function createLab(points: LabPoint[], seed: number): LabState {
  const perceptron = createPerceptron({ inputSize: 2, random: createRandom(seed), initScale: 0.5 });
  return {
    points: points.map((point) => ({ ...point })),
    perceptron,
    cursor: 0,
    mistakesThisEpoch: 0,
    mistakesPerEpoch: [],
    status: points.length === 0 ? "empty" : "training",
    epochStarts: new Map(),
  };
}

/** The number of finished epochs. */
export function countEpochs(lab: LabState): number {
  return lab.mistakesPerEpoch.length;
}

// 12 significant digits: equal up to rounding error in the last few bits counts as the same weights.
function keyOf(perceptron: Perceptron): string {
  return [...perceptron.weights, perceptron.bias].map((v) => v.toPrecision(12)).join(",");
}

/**
 * Applies the perceptron rule w ← w + η(t − y)x, b ← b + η(t − y) to the example at the cursor and
 * moves on; at the end of an epoch decides whether training converged, is cycling or is out of epochs.
 * Does nothing unless the status is "training". Returns true when the weights changed.
 */
export function stepLab(lab: LabState, learningRate: number, maxEpochs: number): boolean {
  if (lab.status !== "training") return false;
  if (lab.points.length === 0) {
    lab.status = "empty";
    return false;
  }
  if (lab.cursor === 0) recordEpochStart(lab, learningRate);
  if (lab.status !== "training") return false;
  const point = lab.points[lab.cursor];
  const mistake = perceptronUpdate(lab.perceptron, [point.x1, point.x2], point.target, learningRate);
  lab.lastStep = { index: lab.cursor, mistake };
  if (mistake) lab.mistakesThisEpoch++;
  if (![...lab.perceptron.weights, lab.perceptron.bias].every(Number.isFinite)) {
    lab.status = "diverged";
    return mistake;
  }
  lab.cursor++;
  if (lab.cursor === lab.points.length) {
    lab.mistakesPerEpoch.push(lab.mistakesThisEpoch);
    lab.mistakesThisEpoch = 0;
    lab.cursor = 0;
    if (lab.mistakesPerEpoch[lab.mistakesPerEpoch.length - 1] === 0) lab.status = "converged";
    else if (lab.mistakesPerEpoch.length >= maxEpochs) lab.status = "limit";
    else recordEpochStart(lab, learningRate);
  }
  return mistake;
}

// An epoch that starts from weights an earlier epoch started from will replay it, and so on forever.
function recordEpochStart(lab: LabState, learningRate: number): void {
  if (lab.recordedLearningRate !== learningRate) {
    lab.epochStarts.clear();
    lab.recordedLearningRate = learningRate;
  }
  const epoch = lab.mistakesPerEpoch.length + 1;
  const key = keyOf(lab.perceptron);
  const earlier = lab.epochStarts.get(key);
  if (earlier !== undefined && earlier !== epoch) {
    lab.status = "cycling";
    lab.cycleStart = earlier;
    return;
  }
  lab.epochStarts.set(key, epoch);
}

/** Runs steps until the current epoch ends or training stops; returns the number of steps taken. */
export function finishEpoch(lab: LabState, learningRate: number, maxEpochs: number): number {
  const epochs = countEpochs(lab);
  let steps = 0;
  while (lab.status === "training" && (countEpochs(lab) === epochs || steps === 0)) {
    stepLab(lab, learningRate, maxEpochs);
    steps++;
  }
  return steps;
}

/** The index of the point within `radius` of (x1, x2) nearest to it, or −1. */
export function findPointNear(lab: LabState, x1: number, x2: number, radius: number): number {
  let best = -1;
  let bestDistance = radius;
  lab.points.forEach((point, index) => {
    const distance = Math.hypot(point.x1 - x1, point.x2 - x2);
    if (distance <= bestDistance) {
      best = index;
      bestDistance = distance;
    }
  });
  return best;
}

/** Snaps a coordinate to the lab's grid and keeps it inside the box. */
export function snapToGrid(value: number, low: number, high: number): number {
  const snapped = Math.round(value / LAB_GRID) * LAB_GRID;
  return Number(Math.min(high, Math.max(low, snapped)).toFixed(2));
}

/**
 * Removes the point near (x1, x2), or adds one of class `target` there, snapped to the grid. The data
 * changed, so the sweep and the record of mistakes start over, from the current weights.
 */
export function togglePoint(lab: LabState, x1: number, x2: number, target: 0 | 1, radius: number): "added" | "removed" {
  const near = findPointNear(lab, x1, x2, radius);
  if (near >= 0) lab.points.splice(near, 1);
  else lab.points.push({ x1: snapToGrid(x1, LAB_BOX.xMin, LAB_BOX.xMax), x2: snapToGrid(x2, LAB_BOX.yMin, LAB_BOX.yMax), target });
  lab.cursor = 0;
  lab.mistakesThisEpoch = 0;
  lab.mistakesPerEpoch = [];
  lab.epochStarts.clear();
  lab.cycleStart = undefined;
  lab.lastStep = undefined;
  lab.status = lab.points.length === 0 ? "empty" : "training";
  return near >= 0 ? "removed" : "added";
}

/** How many points the current weights classify wrongly: y = step(w·x + b) ≠ t. */
export function countMisclassified(lab: LabState): number {
  return lab.points.filter((point) => predictPerceptron(lab.perceptron, [point.x1, point.x2]) !== point.target).length;
}

/** After the epoch limit was raised, lets a lab that stopped at the old limit train on. */
export function resumeLab(lab: LabState, maxEpochs: number): void {
  if (lab.status === "limit" && countEpochs(lab) < maxEpochs) lab.status = "training";
}

/** A new epoch limit: a training lab already at or past it stops, one stopped below it may go on. */
export function setEpochLimit(lab: LabState, maxEpochs: number): void {
  if (lab.status === "training" && countEpochs(lab) >= maxEpochs) lab.status = "limit";
  resumeLab(lab, maxEpochs);
}

/** Why a lab with status "limit" stopped, with the epochs it ran, which a lowered limit may be below. */
export function describeLimit(lab: LabState, maxEpochs: number, s: Strings = en): string {
  return s.labLimit({ epochs: countEpochs(lab), limit: maxEpochs, wrong: countMisclassified(lab) });
}
