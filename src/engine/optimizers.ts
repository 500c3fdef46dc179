/**
 * Optimizers, in order of increasing complexity. Each turns the gradient g = ∂E/∂w (plus λw for
 * L2 weight decay on weights, never on biases) into a change of w.
 */
import type { Network } from "./network";

/** Every optimizer kind the engine knows. */
export const OPTIMIZERS = ["gradientDescent", "momentum", "nesterov", "adam"] as const;
/** One of `OPTIMIZERS`. */
export type OptimizerKind = (typeof OPTIMIZERS)[number];

/** Settings; only `kind` and `learningRate` are required. */
export interface OptimizerOptions {
  kind: OptimizerKind;
  /** η, the step size. */
  learningRate: number;
  /** α in Δw ← αΔw − η∇E, in [0, 1); default 0.9 (momentum and nesterov only). */
  momentum?: number;
  /** λ in E + (λ/2)Σw², so ∇ gains λw; default 0. */
  weightDecay?: number;
  /** Adam's decay rates β₁, β₂ for the first and second moments; defaults 0.9 and 0.999. */
  beta1?: number;
  beta2?: number;
  /** Adam's ε in the denominator √ŝ + ε; default 1e-8. */
  epsilon?: number;
}

/** An optimizer: its settings (learningRate may be changed between steps) and its state per parameter array. */
export interface Optimizer extends Required<OptimizerOptions> {
  /** Updates made so far (Adam's t). */
  steps: number;
  /** Δw per parameter array ([W[1], b[1], W[2], …]): velocity for momentum, first moment m for Adam. */
  velocity: Float64Array[];
  /** Adam's second moment s per parameter array. */
  secondMoment: Float64Array[];
}

function checkRate(name: string, value: unknown, low: number, high: number, highIncluded: boolean): number {
  const ok = typeof value === "number" && Number.isFinite(value) && value >= low && (highIncluded ? value <= high : value < high);
  if (!ok) throw new RangeError(`${name} ${String(value)} is not allowed; allowed: ${low} ≤ ${name} ${highIncluded ? "≤" : "<"} ${high}`);
  return value as number;
}

/** Checks η ≥ 0 and finite, throwing a RangeError that says what was given. */
export function checkLearningRate(learningRate: unknown): number {
  return checkRate("learningRate", learningRate, 0, Infinity, false);
}

/** An optimizer from settings, e.g. `createOptimizer({ kind: "momentum", learningRate: 0.1, momentum: 0.9 })`. */
export function createOptimizer(options: OptimizerOptions): Optimizer {
  if (!(OPTIMIZERS as readonly unknown[]).includes(options.kind)) {
    throw new RangeError(`unknown optimizer kind ${JSON.stringify(options.kind)}; allowed: ${OPTIMIZERS.join(", ")}`);
  }
  return {
    kind: options.kind,
    learningRate: checkLearningRate(options.learningRate),
    momentum: checkRate("momentum", options.momentum ?? 0.9, 0, 1, false),
    weightDecay: checkRate("weightDecay", options.weightDecay ?? 0, 0, Infinity, false),
    beta1: checkRate("beta1", options.beta1 ?? 0.9, 0, 1, false),
    beta2: checkRate("beta2", options.beta2 ?? 0.999, 0, 1, false),
    epsilon: checkRate("epsilon", options.epsilon ?? 1e-8, Number.MIN_VALUE, Infinity, false),
    steps: 0,
    velocity: [],
    secondMoment: [],
  };
}

/** Forgets the velocity and moments, as if no step had been taken. */
export function resetOptimizer(optimizer: Optimizer): void {
  optimizer.steps = 0;
  optimizer.velocity = [];
  optimizer.secondMoment = [];
}

/** Applies one update to every weight and bias of `network` from the gradients its last `backward` left. */
export function applyOptimizer(optimizer: Optimizer, network: Network): void {
  checkLearningRate(optimizer.learningRate);
  const { layers } = network;
  if (optimizer.velocity.length !== 2 * layers.length || optimizer.velocity[0].length !== layers[0].weights.length) {
    optimizer.velocity = layers.flatMap((layer) => [new Float64Array(layer.weights.length), new Float64Array(layer.biases.length)]);
    optimizer.secondMoment = optimizer.velocity.map((state) => new Float64Array(state.length));
  }
  optimizer.steps++;
  for (let l = 0; l < layers.length; l++) {
    const layer = layers[l];
    updateParameters(optimizer, layer.weights, layer.weightGradient, optimizer.velocity[2 * l], optimizer.secondMoment[2 * l], optimizer.weightDecay);
    updateParameters(optimizer, layer.biases, layer.biasGradient, optimizer.velocity[2 * l + 1], optimizer.secondMoment[2 * l + 1], 0);
  }
}

/** The update rules for one parameter array w with gradient ∇E, state v (and s for Adam), decay λ. */
function updateParameters(optimizer: Optimizer, w: Float64Array, gradient: Float64Array, v: Float64Array, s: Float64Array, decay: number): void {
  const { learningRate: eta, momentum: alpha, beta1, beta2, epsilon } = optimizer;
  const n = w.length;
  switch (optimizer.kind) {
    case "gradientDescent": // w ← w − η∇E
      for (let i = 0; i < n; i++) w[i] -= eta * (gradient[i] + decay * w[i]);
      return;
    case "momentum": // Δw ← αΔw − η∇E;  w ← w + Δw
      for (let i = 0; i < n; i++) {
        v[i] = alpha * v[i] - eta * (gradient[i] + decay * w[i]);
        w[i] += v[i];
      }
      return;
    case "nesterov": // Δw ← αΔw − η∇E;  w ← w + αΔw − η∇E  (the gradient is taken at the look-ahead point the stored w already is)
      for (let i = 0; i < n; i++) {
        const g = gradient[i] + decay * w[i];
        v[i] = alpha * v[i] - eta * g;
        w[i] += alpha * v[i] - eta * g;
      }
      return;
    case "adam": { // m ← β₁m + (1−β₁)g;  s ← β₂s + (1−β₂)g²;  w ← w − η m̂ / (√ŝ + ε), with m̂ = m/(1−β₁ᵗ), ŝ = s/(1−β₂ᵗ)
      const correction1 = 1 - beta1 ** optimizer.steps;
      const correction2 = 1 - beta2 ** optimizer.steps;
      for (let i = 0; i < n; i++) {
        const g = gradient[i] + decay * w[i];
        v[i] = beta1 * v[i] + (1 - beta1) * g;
        s[i] = beta2 * s[i] + (1 - beta2) * g * g;
        w[i] -= (eta * (v[i] / correction1)) / (Math.sqrt(s[i] / correction2) + epsilon);
      }
      return;
    }
  }
}
