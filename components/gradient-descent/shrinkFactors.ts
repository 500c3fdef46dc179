/**
 * How much one step shrinks each coordinate of the valley E = ½(c₁w₁² + c₂w₂²), measured on the
 * engine's own update. On a quadratic a step is linear in the state (w_i, Δw_i) of each coordinate,
 * so two engine steps from the unit states give its 2×2 matrix, and the matrix's spectral radius is
 * the factor the distance to the bottom shrinks by per step in the long run.
 */
import { createOptimizer, createTrainer, trainStep } from "../../src/engine/index";
import type { TwoParameterModel } from "./descent";

/** The long-run factor per step along w₁ and along w₂ for plain descent and for momentum. */
export interface ShrinkFactors {
  plain: [number, number];
  momentum: [number, number];
}

/** (w_i, Δw_i) after one engine step from weight w_i = `weight` and previous step Δw_i = `step`, the other coordinate at 0. */
function stepOnce(model: TwoParameterModel, axis: 0 | 1, weight: number, step: number, learningRate: number, momentum: number): [number, number] {
  const start: [number, number] = [0, 0];
  start[axis] = weight;
  const network = model.build(start[0], start[1]);
  const optimizer = createOptimizer({ kind: momentum > 0 ? "momentum" : "gradientDescent", learningRate, momentum });
  // The engine keeps Δw per parameter array; giving it one of the right shape sets the previous step.
  optimizer.velocity = network.layers.flatMap((layer) => [new Float64Array(layer.weights.length), new Float64Array(layer.biases.length)]);
  optimizer.velocity[0][axis] = step;
  trainStep(createTrainer({ network, dataset: model.dataset, optimizer }));
  const after = model.read(network)[axis];
  return [after, momentum > 0 ? optimizer.velocity[0][axis] : after - weight];
}

/** The spectral radius of a 2×2 matrix [[a, b], [c, d]]: the larger |eigenvalue|, √det when the eigenvalues are complex. */
export function findSpectralRadius(a: number, b: number, c: number, d: number): number {
  const trace = a + d;
  const det = a * d - b * c;
  const discriminant = trace * trace - 4 * det;
  if (discriminant < 0) return Math.sqrt(det);
  const root = Math.sqrt(discriminant);
  return Math.max(Math.abs(trace + root), Math.abs(trace - root)) / 2;
}

/** The factor per step along one coordinate: |1 − ηc| for plain descent, the step matrix's spectral radius with momentum. */
function measureAxis(model: TwoParameterModel, axis: 0 | 1, learningRate: number, momentum: number): number {
  if (momentum === 0) return Math.abs(stepOnce(model, axis, 1, 0, learningRate, 0)[0]);
  const [a, c] = stepOnce(model, axis, 1, 0, learningRate, momentum);
  const [b, d] = stepOnce(model, axis, 0, 1, learningRate, momentum);
  return findSpectralRadius(a, b, c, d);
}

/** Measures the shrink factor per step along w₁ and w₂, plain and with momentum α, from the engine's steps. */
export function measureShrinkFactors(model: TwoParameterModel, learningRate: number, momentum: number): ShrinkFactors {
  return {
    plain: [measureAxis(model, 0, learningRate, 0), measureAxis(model, 1, learningRate, 0)],
    momentum: [measureAxis(model, 0, learningRate, momentum), measureAxis(model, 1, learningRate, momentum)],
  };
}
