/** Rosenblatt's perceptron and its learning rule w ← w + η(t − y)x, which is not gradient descent. */
import type { Dataset } from "./datasets";
import { checkLearningRate } from "./optimizers";
import type { Random } from "./random";

/** A single threshold unit: y = φ(w·x + b) with φ = step (0/1) or sign (−1/+1). */
export interface Perceptron {
  weights: Float64Array;
  bias: number;
  activation: "step" | "sign";
}

/** A perceptron with zero weights, or weights from U(−initScale, initScale) when `random` is given. */
export function createPerceptron(options: { inputSize: number; activation?: "step" | "sign"; random?: Random; initScale?: number }): Perceptron {
  const { inputSize, activation = "step", random, initScale = 0.5 } = options;
  if (!Number.isInteger(inputSize) || inputSize < 1 || inputSize > 1024) throw new RangeError(`inputSize ${inputSize} is not allowed; allowed: integers 1 to 1024`);
  if (activation !== "step" && activation !== "sign") throw new RangeError(`unknown perceptron activation ${JSON.stringify(activation)}; allowed: step, sign`);
  const weights = new Float64Array(inputSize);
  if (random) for (let k = 0; k < inputSize; k++) weights[k] = random.uniform(-initScale, initScale);
  return { weights, bias: 0, activation };
}

/** z = w·x + b for the input starting at x[offset], summed from b in floating point: the z that decides y. */
export function perceptronWeightedInput(perceptron: Perceptron, x: ArrayLike<number>, offset = 0): number {
  const { weights } = perceptron;
  let z = perceptron.bias;
  for (let k = 0; k < weights.length; k++) z += weights[k] * x[offset + k];
  return z;
}

/** y = φ(w·x + b) for the input starting at x[offset]: 1 when w·x + b ≥ 0, else 0 (step) or −1 (sign). */
export function predictPerceptron(perceptron: Perceptron, x: ArrayLike<number>, offset = 0): number {
  return perceptronWeightedInput(perceptron, x, offset) >= 0 ? 1 : perceptron.activation === "step" ? 0 : -1;
}

/**
 * One application of the perceptron rule to one example: if y ≠ t, w ← w + η(t − y)x and b ← b + η(t − y).
 * `target` is a class: any t > 0 is the positive class, anything else the negative one (0 for step, −1 for sign).
 * Returns true when the example was misclassified (and so the weights changed).
 */
export function perceptronUpdate(perceptron: Perceptron, x: ArrayLike<number>, target: number, learningRate = 1, offset = 0): boolean {
  checkLearningRate(learningRate);
  const desired = target > 0 ? 1 : perceptron.activation === "step" ? 0 : -1;
  const error = desired - predictPerceptron(perceptron, x, offset);
  if (error === 0) return false;
  const { weights } = perceptron;
  for (let k = 0; k < weights.length; k++) weights[k] += learningRate * error * x[offset + k];
  perceptron.bias += learningRate * error;
  return true;
}

/** What `trainPerceptron` reports. */
export interface PerceptronTraining {
  /** True when an epoch made no mistake: the data were separated. */
  converged: boolean;
  epochs: number;
  /** Misclassified examples in each epoch (counted as the updates were made). */
  mistakesPerEpoch: number[];
}

/** Sweeps the data in order with `perceptronUpdate` until an epoch has no mistake or `maxEpochs` is reached. */
export function trainPerceptron(perceptron: Perceptron, dataset: Dataset, options: { learningRate?: number; maxEpochs?: number } = {}): PerceptronTraining {
  const { learningRate = 1, maxEpochs = 100 } = options;
  if (dataset.inputSize !== perceptron.weights.length || dataset.outputSize !== 1) {
    throw new RangeError(`data set "${dataset.name}" has ${dataset.inputSize} inputs → ${dataset.outputSize} targets but the perceptron takes ${perceptron.weights.length} inputs → 1`);
  }
  if (!Number.isInteger(maxEpochs) || maxEpochs < 1) throw new RangeError(`maxEpochs ${maxEpochs} is not allowed; allowed: an integer ≥ 1`);
  const mistakesPerEpoch: number[] = [];
  while (mistakesPerEpoch.length < maxEpochs) {
    let mistakes = 0;
    for (let i = 0; i < dataset.count; i++) {
      if (perceptronUpdate(perceptron, dataset.inputs, dataset.targets[i], learningRate, i * dataset.inputSize)) mistakes++;
    }
    mistakesPerEpoch.push(mistakes);
    if (mistakes === 0) return { converged: true, epochs: mistakesPerEpoch.length, mistakesPerEpoch };
  }
  return { converged: false, epochs: maxEpochs, mistakesPerEpoch };
}
