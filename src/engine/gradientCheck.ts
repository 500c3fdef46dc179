/** Gradient checking: compare an analytic gradient with central differences (f(w + ε) − f(w − ε)) / 2ε. */
import { backward, forward, type Network } from "./network";

/** The worst disagreement found; relative error = |analytic − numeric| / max(|analytic|, |numeric|, floor). */
export interface GradientCheck {
  worstRelativeError: number;
  /** Index of the worst parameter in the flat order checked. */
  worstIndex: number;
  analytic: number;
  numeric: number;
}

/** Options: ε for the differences (default 1e-5) and the floor that keeps near-zero gradients from dividing by ~0 (default 1e-4). */
export interface GradientCheckOptions {
  epsilon?: number;
  floor?: number;
}

/** Checks `gradient` ≈ ∂f/∂parameters[i] for every i by central differences; perturbs `parameters` in place and restores them. */
export function checkGradient(
  f: (parameters: Float64Array) => number, parameters: Float64Array, gradient: ArrayLike<number>, options: GradientCheckOptions = {},
): GradientCheck {
  if (gradient.length !== parameters.length) throw new RangeError(`checkGradient: gradient has ${gradient.length} numbers but parameters has ${parameters.length}`);
  const { epsilon = 1e-5, floor = 1e-4 } = options;
  const worst: GradientCheck = { worstRelativeError: 0, worstIndex: -1, analytic: NaN, numeric: NaN };
  for (let i = 0; i < parameters.length; i++) {
    const saved = parameters[i];
    parameters[i] = saved + epsilon;
    const above = f(parameters);
    parameters[i] = saved - epsilon;
    const below = f(parameters);
    parameters[i] = saved;
    const numeric = (above - below) / (2 * epsilon);
    const analytic = gradient[i];
    const error = Math.abs(analytic - numeric) / Math.max(Math.abs(analytic), Math.abs(numeric), floor);
    // `!(error <= worst)` also catches NaN, which must count as the worst possible.
    if (!(error <= worst.worstRelativeError)) Object.assign(worst, { worstRelativeError: error, worstIndex: i, analytic, numeric });
  }
  return worst;
}

/** Where a network parameter lives: W[layer][j][k] or b[layer][j]. */
export interface ParameterLocation {
  layer: number;
  kind: "weight" | "bias";
  j: number;
  k: number;
}

/** Runs backward on one batch and checks ∂E/∂W[l] and ∂E/∂b[l] for every layer, naming the worst parameter. */
export function checkNetworkGradient(network: Network, inputs: ArrayLike<number>, targets: ArrayLike<number>, options: GradientCheckOptions = {}): GradientCheck & { where: ParameterLocation } {
  forward(network, inputs);
  backward(network, targets);
  const sizes = network.layers.map((layer) => [layer.weights.length, layer.biases.length]).flat();
  const flat = new Float64Array(sizes.reduce((sum, size) => sum + size, 0));
  const gradient = new Float64Array(flat.length);
  let offset = 0;
  for (const layer of network.layers) {
    flat.set(layer.weights, offset);
    gradient.set(layer.weightGradient, offset);
    flat.set(layer.biases, offset + layer.weights.length);
    gradient.set(layer.biasGradient, offset + layer.weights.length);
    offset += layer.weights.length + layer.biases.length;
  }
  const loss = (parameters: Float64Array) => {
    let at = 0;
    for (const layer of network.layers) {
      layer.weights.set(parameters.subarray(at, at + layer.weights.length));
      layer.biases.set(parameters.subarray(at + layer.weights.length, at + layer.weights.length + layer.biases.length));
      at += layer.weights.length + layer.biases.length;
    }
    forward(network, inputs);
    return backward(network, targets);
  };
  const result = checkGradient(loss, flat, gradient, options);
  loss(flat); // leave the network with its original weights and gradients
  return { ...result, where: locateParameter(network, result.worstIndex) };
}

/** Turns an index into the flat order [W[1], b[1], W[2], …] back into a layer, kind and units. */
function locateParameter(network: Network, index: number): ParameterLocation {
  let at = index;
  for (let l = 0; l < network.layers.length; l++) {
    const { weights, biases, inputSize } = network.layers[l];
    if (at < weights.length) return { layer: l + 1, kind: "weight", j: Math.floor(at / inputSize), k: at % inputSize };
    at -= weights.length;
    if (at < biases.length) return { layer: l + 1, kind: "bias", j: at, k: -1 };
    at -= biases.length;
  }
  return { layer: -1, kind: "weight", j: -1, k: -1 };
}
