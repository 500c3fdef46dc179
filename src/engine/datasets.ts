/** Seeded toy data sets: the logic gates, blobs, circles, moons, spiral and a noisy sine. */
import type { Random } from "./random";

/** Examples stored example-major: inputs[i · inputSize + k], targets[i · outputSize + j]. */
export interface Dataset {
  name: string;
  count: number;
  inputSize: number;
  outputSize: number;
  inputs: Float64Array;
  targets: Float64Array;
}

/** Every data set name `makeDataset` knows. */
export const DATASETS = ["and", "or", "xor", "blobs", "circles", "moons", "spiral", "sine"] as const;
/** One of `DATASETS`. */
export type DatasetName = (typeof DATASETS)[number];

/** Size and noise; `random` is needed by every set except the noiseless four-point gates. */
export interface DatasetOptions {
  /** Number of examples (default 4 for gates, 100 for sine, 200 otherwise; spiral's two arms get count/2 each). */
  count?: number;
  /** Noise scale (gates: sd of jitter, default 0; blobs: sd, default 0.2; circles, moons: sd, default 0.1; spiral: half-width of uniform noise before scaling, default 0.1; sine: sd, default 0.1). */
  noise?: number;
  random?: Random;
}

const GATE_CORNERS = [0, 0, 0, 1, 1, 0, 1, 1];
const GATE_TARGETS: Record<string, number[]> = { and: [0, 0, 0, 1], or: [0, 1, 1, 1], xor: [0, 1, 1, 0] };

/** Largest data set `makeDataset` builds. */
export const MAX_EXAMPLES = 100_000;

/**
 * A seeded data set with 2-D inputs and a 0/1 class target (sine: 1-D input, real target y = sin(πx) + noise):
 * - and, or, xor: the corners of the unit square, repeated with jitter when count > 4;
 * - blobs: two Gaussians at ±(0.5, 0.5), class 1 above x + y = 0, resampled so the margin is ≥ 0.05 (always separable);
 * - circles: class 1 on the circle r = 0.5, class 0 on r = 1; moons: two interleaved half circles;
 * - spiral: arm i = 0…n−1 at r = 5i/n, θ = 1.75·2π·i/n (+π for the second arm, class 0), coordinates / 5.
 */
export function makeDataset(name: DatasetName, options: DatasetOptions = {}): Dataset {
  if (!(DATASETS as readonly unknown[]).includes(name)) throw new RangeError(`unknown data set ${JSON.stringify(name)}; allowed: ${DATASETS.join(", ")}`);
  const gate = name === "and" || name === "or" || name === "xor";
  const count = options.count ?? (gate ? 4 : name === "sine" ? 100 : 200);
  const noise = options.noise ?? (gate ? 0 : name === "blobs" ? 0.2 : 0.1);
  if (!Number.isInteger(count) || count < 1 || count > MAX_EXAMPLES) throw new RangeError(`count ${count} is not allowed; allowed: integers 1 to ${MAX_EXAMPLES}`);
  if (!Number.isFinite(noise) || noise < 0) throw new RangeError(`noise ${noise} is not allowed; allowed: a finite number ≥ 0`);
  const random = options.random;
  if (!random && !(gate && noise === 0)) throw new TypeError(`makeDataset("${name}") needs random: createRandom(seed)`);
  const r = random!;

  const inputSize = name === "sine" ? 1 : 2;
  const inputs = new Float64Array(count * inputSize);
  const targets = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    let x = 0;
    let y = 0;
    let label = 0;
    if (gate) {
      const corner = i % 4;
      x = GATE_CORNERS[2 * corner] + (noise > 0 ? r.normal(0, noise) : 0);
      y = GATE_CORNERS[2 * corner + 1] + (noise > 0 ? r.normal(0, noise) : 0);
      label = GATE_TARGETS[name][corner];
    } else if (name === "blobs") {
      label = i % 2;
      const center = label === 1 ? 0.5 : -0.5;
      do {
        x = r.normal(center, noise);
        y = r.normal(center, noise);
      } while ((label === 1 ? x + y : -(x + y)) / Math.SQRT2 < 0.05); // a point too near the line is redrawn
    } else if (name === "circles") {
      label = i % 2;
      const radius = label === 1 ? 0.5 : 1;
      const angle = r.uniform(0, 2 * Math.PI);
      x = radius * Math.cos(angle) + r.normal(0, noise);
      y = radius * Math.sin(angle) + r.normal(0, noise);
    } else if (name === "moons") {
      label = i % 2;
      const angle = r.uniform(0, Math.PI);
      // The upper moon is centred at (0, 0), the lower one at (1, 0.5) turned over; shifted to centre the pair.
      x = (label === 0 ? Math.cos(angle) : 1 - Math.cos(angle)) - 0.5 + r.normal(0, noise);
      y = (label === 0 ? Math.sin(angle) : 0.5 - Math.sin(angle)) - 0.25 + r.normal(0, noise);
    } else if (name === "spiral") {
      const perArm = Math.ceil(count / 2);
      const arm = i < perArm ? 0 : 1;
      const step = arm === 0 ? i : i - perArm;
      const radius = (5 * step) / perArm;
      const angle = (1.75 * 2 * Math.PI * step) / perArm + arm * Math.PI;
      x = (radius * Math.sin(angle) + r.uniform(-noise, noise)) / 5;
      y = (radius * Math.cos(angle) + r.uniform(-noise, noise)) / 5;
      label = arm === 0 ? 1 : 0;
    } else {
      x = r.uniform(-1, 1);
      inputs[i] = x;
      targets[i] = Math.sin(Math.PI * x) + (noise > 0 ? r.normal(0, noise) : 0);
      continue;
    }
    inputs[2 * i] = x;
    inputs[2 * i + 1] = y;
    targets[i] = label;
  }
  return { name, count, inputSize, outputSize: 1, inputs, targets };
}

/** Copies the examples at `indices` into a new data set. */
export function selectExamples(dataset: Dataset, indices: ArrayLike<number>, name = dataset.name): Dataset {
  const { inputSize, outputSize } = dataset;
  const inputs = new Float64Array(indices.length * inputSize);
  const targets = new Float64Array(indices.length * outputSize);
  for (let i = 0; i < indices.length; i++) {
    inputs.set(dataset.inputs.subarray(indices[i] * inputSize, (indices[i] + 1) * inputSize), i * inputSize);
    targets.set(dataset.targets.subarray(indices[i] * outputSize, (indices[i] + 1) * outputSize), i * outputSize);
  }
  return { name, count: indices.length, inputSize, outputSize, inputs, targets };
}

/** Shuffles with `random`, then puts round(testFraction · count) examples in `test` and the rest in `train`. */
export function splitDataset(dataset: Dataset, options: { testFraction?: number; random: Random }): { train: Dataset; test: Dataset } {
  const testFraction = options.testFraction ?? 0.2;
  if (!(testFraction >= 0 && testFraction <= 1)) throw new RangeError(`testFraction ${testFraction} is not allowed; allowed: 0 to 1`);
  if (!options.random) throw new TypeError("splitDataset needs random: createRandom(seed)");
  const order = options.random.shuffle(Int32Array.from({ length: dataset.count }, (_, i) => i));
  const testCount = Math.round(testFraction * dataset.count);
  return {
    train: selectExamples(dataset, order.subarray(testCount), dataset.name + " (train)"),
    test: selectExamples(dataset, order.subarray(0, testCount), dataset.name + " (test)"),
  };
}
