/**
 * A multilayer perceptron on flat Float64Arrays, batched over examples.
 *
 * Layout (layer l = 1…L; layer 0 is the input; units are numbered from 0):
 * - `layers[l − 1].weights` is W[l], an d_l × d_{l−1} matrix stored row-major:
 *   W[l][j][k] = weights[j · d_{l−1} + k] is the weight from unit k of layer l−1 to unit j of layer l.
 * - `layers[l − 1].biases[j]` is b[l][j].
 * - Batches are example-major: z[b · d_l + j] is z_j of example b (likewise a, delta, inputs, targets).
 * Forward: z[l] = W[l] a[l−1] + b[l], a[l] = φ(z[l]). Backward: δ[L] = ∂E/∂z[L],
 * δ[l−1] = (W[l]ᵀ δ[l]) ⊙ φ′(z[l−1]), ∂E/∂W[l] = mean over the batch of δ[l] a[l−1]ᵀ, ∂E/∂b[l] = mean of δ[l].
 */
import { activate, checkActivation, multiplyByDerivative, type ActivationName } from "./activations";
import { checkLoss, measureLoss, type LossName } from "./losses";
import { transpose } from "./matrix";
import { multiplyFirstTransposedSimd, multiplyTransposedSimd } from "./simd";
import type { Random } from "./random";

/** The most units a layer may have; keeps a reader's typo from allocating gigabytes. */
export const MAX_UNITS = 1024;
/** The most weight layers (L) a network may have. */
export const MAX_LAYERS = 16;
/** The weight initialisations: U(−s, s); Glorot/Xavier U(±√(6/(n_in + n_out))); He N(0, 2/n_in). Biases start at 0. */
export const INITIALISATIONS = ["uniform", "glorotUniform", "he", "zeros"] as const;
/** One of `INITIALISATIONS`. */
export type InitName = (typeof INITIALISATIONS)[number];

/** One weight layer l: its parameters, their gradients, and the batch's z, a and δ. */
export interface Layer {
  inputSize: number;
  outputSize: number;
  activation: ActivationName;
  /** W[l], outputSize × inputSize, row-major. */
  weights: Float64Array;
  biases: Float64Array;
  /** ∂E/∂W[l], same layout as `weights`, averaged over the batch. */
  weightGradient: Float64Array;
  /** ∂E/∂b[l], averaged over the batch. */
  biasGradient: Float64Array;
  /** Pre-activations z[l] of the last forward batch (batchSize × outputSize). */
  z: Float64Array;
  /** Activations a[l] = φ(z[l]) of the last forward batch. */
  a: Float64Array;
  /** δ[l] = ∂E/∂z[l] per example of the last backward batch. */
  delta: Float64Array;
}

/** A network: sizes [d_0, …, d_L], its layers, and its loss. */
export interface Network {
  sizes: readonly number[];
  layers: Layer[];
  hiddenActivation: ActivationName;
  outputActivation: ActivationName;
  loss: LossName;
  /** Examples in the last forward batch. */
  batchSize: number;
  /** A copy of the last `forward` batch's inputs a[0] (kept for the first layer's weight gradient; `evaluate` makes none). */
  input: Float64Array;
  /** Room for this many examples in the per-layer buffers before they must grow. */
  capacity: number;
  /** Working space for backward: `weights` holds Wᵀ; `delta` and `activation` are no longer used (the weight gradient reads the batches in place) and stay one row long. */
  scratch: { weights: Float64Array; delta: Float64Array; activation: Float64Array };
}

/** What `createNetwork` needs; `random` is required unless `init` is "zeros". */
export interface NetworkOptions {
  sizes: readonly number[];
  hiddenActivation?: ActivationName;
  outputActivation?: ActivationName;
  loss?: LossName;
  init?: InitName;
  /** The half-width s of the "uniform" initialisation U(−s, s); default 0.5. */
  initScale?: number;
  random?: Random;
}

/** Builds an MLP with sizes [d_0, …, d_L], weights drawn by `init` from `random`, biases 0. */
export function createNetwork(options: NetworkOptions): Network {
  const { sizes, init = "glorotUniform", initScale = 0.5, random } = options;
  const hiddenActivation = checkActivation(options.hiddenActivation ?? "tanh", "hiddenActivation");
  const outputActivation = checkActivation(options.outputActivation ?? "sigmoid", "outputActivation");
  const loss = checkLoss(options.loss ?? "squaredError", outputActivation);
  if (!Array.isArray(sizes)) throw new TypeError(`sizes must be an array of layer sizes like [2, 8, 1], got ${JSON.stringify(sizes)}`);
  if (sizes.length < 2 || sizes.length > MAX_LAYERS + 1) {
    throw new RangeError(`sizes ${JSON.stringify(sizes)} gives ${sizes.length - 1} weight layers; allowed: 1 to ${MAX_LAYERS}`);
  }
  for (const size of sizes) {
    if (!Number.isInteger(size) || size < 1 || size > MAX_UNITS) {
      throw new RangeError(`layer size ${size} in ${JSON.stringify(sizes)} is not allowed; allowed: integers 1 to ${MAX_UNITS}`);
    }
  }
  if (!(INITIALISATIONS as readonly unknown[]).includes(init)) {
    throw new RangeError(`unknown init ${JSON.stringify(init)}; allowed: ${INITIALISATIONS.join(", ")}`);
  }
  if (init !== "zeros" && (!random || typeof random.next !== "function")) {
    throw new TypeError(`createNetwork needs random: createRandom(seed) for init "${init}" (every random number in the engine comes from a seeded generator)`);
  }

  const layers: Layer[] = [];
  for (let l = 1; l < sizes.length; l++) {
    const inputSize = sizes[l - 1];
    const outputSize = sizes[l];
    const weights = new Float64Array(outputSize * inputSize);
    const glorotLimit = Math.sqrt(6 / (inputSize + outputSize));
    const heDeviation = Math.sqrt(2 / inputSize);
    for (let i = 0; i < weights.length; i++) {
      if (init === "uniform") weights[i] = random!.uniform(-initScale, initScale);
      else if (init === "glorotUniform") weights[i] = random!.uniform(-glorotLimit, glorotLimit);
      else if (init === "he") weights[i] = random!.normal(0, heDeviation);
    }
    layers.push({
      inputSize,
      outputSize,
      activation: l === sizes.length - 1 ? outputActivation : hiddenActivation,
      weights,
      biases: new Float64Array(outputSize),
      weightGradient: new Float64Array(weights.length),
      biasGradient: new Float64Array(outputSize),
      z: new Float64Array(outputSize),
      a: new Float64Array(outputSize),
      delta: new Float64Array(outputSize),
    });
  }
  const widest = Math.max(...sizes);
  const scratch = { weights: new Float64Array(widest * widest), delta: new Float64Array(widest), activation: new Float64Array(widest) };
  return { sizes: [...sizes], layers, hiddenActivation, outputActivation, loss, batchSize: 1, input: new Float64Array(sizes[0]), capacity: 1, scratch };
}

/** Makes every layer's z, a and δ exactly batchSize × d_l long, growing the shared storage only when needed. */
function useBatchSize(network: Network, batchSize: number): void {
  if (batchSize === network.batchSize) return;
  const grow = batchSize > network.capacity;
  if (grow) network.capacity = batchSize;
  for (const layer of network.layers) {
    const length = batchSize * layer.outputSize;
    // A smaller batch gets views on the existing buffers, so alternating sizes allocates no new storage.
    layer.z = grow ? new Float64Array(length) : new Float64Array(layer.z.buffer, 0, length);
    layer.a = grow ? new Float64Array(length) : new Float64Array(layer.a.buffer, 0, length);
    layer.delta = grow ? new Float64Array(length) : new Float64Array(layer.delta.buffer, 0, length);
  }
  network.input = grow ? new Float64Array(batchSize * network.sizes[0]) : new Float64Array(network.input.buffer, 0, batchSize * network.sizes[0]);
  network.batchSize = batchSize;
}

/** Forward pass z[l] = W[l] a[l−1] + b[l], a[l] = φ(z[l]) for a batch; returns a[L] (batchSize × d_L, example-major). */
export function forward(network: Network, inputs: ArrayLike<number>, batchSize = inputs.length / network.sizes[0]): Float64Array {
  const inputSize = network.sizes[0];
  if (!Number.isInteger(batchSize) || batchSize < 1 || inputs.length !== batchSize * inputSize) {
    throw new RangeError(`forward: inputs has ${inputs.length} numbers but batchSize × inputSize is ${batchSize} × ${inputSize}`);
  }
  useBatchSize(network, batchSize);
  network.input.set(inputs); // a typed copy keeps every hot loop below on one array type
  return forwardLayers(network, network.input, batchSize);
}

/** The layers of `forward` from a[0] = `inputs` (batchSize × d_0, checked by the caller) without keeping a copy of them: for evaluation, which never runs backward. */
export function forwardLayers(network: Network, inputs: Float64Array, batchSize: number): Float64Array {
  useBatchSize(network, batchSize);
  let previous = inputs;
  for (const layer of network.layers) {
    // z[l] = a[l−1] W[l]ᵀ + b[l], one row per example
    multiplyTransposedSimd(previous, layer.weights, layer.z, batchSize, layer.outputSize, layer.inputSize, layer.biases);
    activate(layer.activation, layer.z, layer.a, batchSize * layer.outputSize, layer.outputSize);
    previous = layer.a;
  }
  return network.layers[network.layers.length - 1].a;
}

/** Backward pass after `forward` on the same batch: fills every δ[l], ∂E/∂W[l] and ∂E/∂b[l]; returns E averaged over the batch. */
export function backward(network: Network, targets: ArrayLike<number>): number {
  const { layers, batchSize } = network;
  const output = layers[layers.length - 1];
  if (targets.length !== batchSize * output.outputSize) {
    throw new RangeError(`backward: targets has ${targets.length} numbers but batchSize × outputSize is ${batchSize} × ${output.outputSize}`);
  }
  const loss = measureLoss(network.loss, output.activation, output.z, output.a, targets, batchSize * output.outputSize, output.outputSize, output.delta);
  const scale = 1 / batchSize;
  const { scratch } = network;
  for (let l = layers.length - 1; l >= 0; l--) {
    const { inputSize: n, outputSize: m, weights, weightGradient, biasGradient, delta } = layers[l];
    const previous = l > 0 ? layers[l - 1].a : network.input;
    for (let j = 0; j < m; j++) {
      let sum = 0;
      for (let b = j; b < batchSize * m; b += m) sum += delta[b]; // ∂z_j/∂b_j = 1
      biasGradient[j] = sum * scale;
    }
    // ∂E/∂W[l] = (1/B) δ[l]ᵀ a[l−1], since ∂z_j/∂w_jk = a_k.
    multiplyFirstTransposedSimd(delta, previous, weightGradient, batchSize, m, n, scale);
    if (l === 0) break;
    // ∂E/∂a[l−1] = δ[l] W[l] (∂z_j/∂a_k = w_jk), then δ[l−1] = ∂E/∂a[l−1] ⊙ φ′(z[l−1]).
    const below = layers[l - 1];
    transpose(weights, scratch.weights, m, n);
    multiplyTransposedSimd(delta, scratch.weights, below.delta, batchSize, n, m, null);
    multiplyByDerivative(below.activation, below.z, below.a, below.delta, batchSize * n, n);
  }
  return loss * scale;
}

/** Checks that weight layer l (1…L) and unit indices exist, naming the allowed ranges if not. */
function layerAt(network: Network, l: number, j: number, k?: number): Layer {
  const L = network.layers.length;
  if (!Number.isInteger(l) || l < 1 || l > L) throw new RangeError(`layer ${l} does not exist; allowed: 1 to ${L} (layer 0 is the input)`);
  const layer = network.layers[l - 1];
  if (!Number.isInteger(j) || j < 0 || j >= layer.outputSize) throw new RangeError(`unit j = ${j} does not exist in layer ${l}; allowed: 0 to ${layer.outputSize - 1}`);
  if (k !== undefined && (!Number.isInteger(k) || k < 0 || k >= layer.inputSize)) {
    throw new RangeError(`unit k = ${k} does not exist in layer ${l - 1}; allowed: 0 to ${layer.inputSize - 1}`);
  }
  return layer;
}

/** W[l][j][k]: the weight from unit k of layer l−1 to unit j of layer l. */
export function getWeight(network: Network, l: number, j: number, k: number): number {
  const layer = layerAt(network, l, j, k);
  return layer.weights[j * layer.inputSize + k];
}

/** Sets W[l][j][k], the weight from unit k of layer l−1 to unit j of layer l. */
export function setWeight(network: Network, l: number, j: number, k: number, value: number): void {
  const layer = layerAt(network, l, j, k);
  layer.weights[j * layer.inputSize + k] = value;
}

/** b[l][j]: the bias of unit j of layer l. */
export function getBias(network: Network, l: number, j: number): number {
  return layerAt(network, l, j).biases[j];
}

/** Sets b[l][j], the bias of unit j of layer l. */
export function setBias(network: Network, l: number, j: number, value: number): void {
  layerAt(network, l, j).biases[j] = value;
}

/** Every parameter array in order [W[1], b[1], …, W[L], b[L]], and the gradient arrays in the same order. */
export function listParameters(network: Network): { parameters: Float64Array[]; gradients: Float64Array[] } {
  return {
    parameters: network.layers.flatMap((layer) => [layer.weights, layer.biases]),
    gradients: network.layers.flatMap((layer) => [layer.weightGradient, layer.biasGradient]),
  };
}
