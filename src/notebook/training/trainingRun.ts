/**
 * The computation behind a live training widget: engine calls only, plain data out. The widget
 * (components/notebook/TrainingWidget.astro, client/trainingRuntime.ts) draws what this returns
 * and never reaches back into it.
 */
import {
  createRandom, createNetwork, createOptimizer, createTrainer, trainStep, makeDataset, evaluateGrid,
  type Trainer, type Dataset, type ActivationName, type DatasetName,
} from "../../engine/index";

/** The hyperparameters a training widget reads from page params. */
export interface TrainingSettings {
  learningRate: number;
  hidden: number;
  activation: ActivationName;
  dataset: DatasetName;
  seed: number;
}

/** A network in training, with its loss history. */
export interface TrainingRun {
  settings: TrainingSettings;
  trainer: Trainer;
  dataset: Dataset;
  /** Loss after each step: index = step − 1. */
  losses: number[];
  /** Set once the loss or a gradient stopped being finite, or grew past all reason. */
  divergedBecause?: string;
}

/** The decision boundary on a square grid: values[row · resolution + column], row 0 at the top. */
export interface BoundarySample {
  resolution: number;
  extent: number;
  values: Float64Array;
}

/** A point of the data set, for the scatter. */
export interface DataPoint {
  x: number;
  y: number;
  label: number;
}

const EXTENT = 1.5; // the toy sets live in [-1.2, 1.2]² or the unit square; show a margin
const MAX_LOSS = 1e6; // far beyond any loss a converging run reaches on these sets

/** One sentence stating the model, activation and loss, shown next to the widget. */
export function describeModel(settings: TrainingSettings): string {
  return `Model: 2 → ${settings.hidden} → 1 network, ${settings.activation} hidden units, sigmoid output; loss: squared error, full-batch gradient descent with η = ${settings.learningRate}; data: ${settings.dataset}, seed ${settings.seed}.`;
}

/** A fresh run: the same settings (and seed) always give the same data, weights and losses. */
export function startTraining(settings: TrainingSettings): TrainingRun {
  const random = createRandom(settings.seed);
  const dataset = makeDataset(settings.dataset, { count: settings.dataset === "xor" ? 40 : 120, noise: settings.dataset === "xor" ? 0.08 : undefined, random });
  const network = createNetwork({ sizes: [2, settings.hidden, 1], hiddenActivation: settings.activation, outputActivation: "sigmoid", loss: "squaredError", random });
  const optimizer = createOptimizer({ kind: "gradientDescent", learningRate: settings.learningRate });
  const trainer = createTrainer({ network, optimizer, dataset });
  return { settings, trainer, dataset, losses: [] };
}

/** Trains until `budgetMs` has passed (at least one step) or the run diverges; returns steps taken. */
export function trainFor(run: TrainingRun, budgetMs: number, now: () => number = () => performance.now()): number {
  if (run.divergedBecause) return 0;
  const start = now();
  let steps = 0;
  do {
    const result = trainStep(run.trainer);
    steps++;
    if (result.diverged || !Number.isFinite(result.loss) || result.loss > MAX_LOSS) {
      run.divergedBecause = `the loss became ${Number.isFinite(result.loss) ? "huge" : "NaN or infinite"} at step ${run.trainer.steps}: the learning rate η = ${run.settings.learningRate} is too large for this network. Lower it and press Reset.`;
      break;
    }
    run.losses.push(result.loss);
  } while (now() - start < budgetMs);
  return steps;
}

/** The network's output over the plotted square. */
export function sampleBoundary(run: TrainingRun, resolution: number): BoundarySample {
  const values = evaluateGrid(run.trainer.network, { xMin: -EXTENT, xMax: EXTENT, yMin: -EXTENT, yMax: EXTENT, resolution, fast: true }) as Float64Array;
  return { resolution, extent: EXTENT, values };
}

/** The data set as points with their class. */
export function listPoints(dataset: Dataset): DataPoint[] {
  return Array.from({ length: dataset.count }, (_, i) => ({ x: dataset.inputs[2 * i], y: dataset.inputs[2 * i + 1], label: dataset.targets[i] }));
}

/** The loss history thinned to at most `limit` points, for a cheap line. */
export function thinLosses(losses: readonly number[], limit = 400): { step: number; loss: number }[] {
  const stride = Math.max(1, Math.ceil(losses.length / limit));
  const points: { step: number; loss: number }[] = [];
  for (let i = 0; i < losses.length; i += stride) points.push({ step: i + 1, loss: losses[i] });
  if (losses.length > 0 && (losses.length - 1) % stride !== 0) points.push({ step: losses.length, loss: losses[losses.length - 1] });
  return points;
}
