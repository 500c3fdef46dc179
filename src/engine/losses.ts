/** Loss functions E(t, a) for one example, and the output delta δ = ∂E/∂z they start backprop with. */
import { exp, multiplyByDerivative, type ActivationName } from "./activations";

/** Every loss name the engine knows. */
export const LOSSES = ["squaredError", "meanSquaredError", "binaryCrossEntropy", "softmaxCrossEntropy"] as const;
/** One of `LOSSES`. */
export type LossName = (typeof LOSSES)[number];

/** The output activation a cross-entropy loss is fused with (it is computed from the logits z). */
const REQUIRED_ACTIVATION: Partial<Record<LossName, ActivationName>> = {
  binaryCrossEntropy: "sigmoid",
  softmaxCrossEntropy: "softmax",
};

/** Throws a RangeError unless `name` is a known loss that fits `outputActivation`. */
export function checkLoss(name: unknown, outputActivation: ActivationName): LossName {
  if (!(LOSSES as readonly unknown[]).includes(name)) {
    throw new RangeError(`unknown loss ${JSON.stringify(name)}; allowed: ${LOSSES.join(", ")}`);
  }
  const required = REQUIRED_ACTIVATION[name as LossName];
  if (required && required !== outputActivation) {
    throw new RangeError(`loss "${name}" is computed from logits and needs outputActivation "${required}", got "${outputActivation}"`);
  }
  return name as LossName;
}

/**
 * Returns Σ over the batch of each example's loss, and, when `delta` is given, writes δ = ∂E/∂z per example:
 * - squaredError: E = Σ_j ½(t_j − a_j)², ∂E/∂a_j = a_j − t_j;
 * - meanSquaredError: E = (1/n) Σ_j (t_j − a_j)², ∂E/∂a_j = 2(a_j − t_j)/n;
 * - binaryCrossEntropy: E = −Σ_j [t log σ(z) + (1 − t) log(1 − σ(z))] = Σ_j max(z,0) − z·t + log(1 + e^{−|z|}), δ = σ(z) − t;
 * - softmaxCrossEntropy: E = −Σ_j t_j log a_j = Σ_j t_j (log Σ_k e^{z_k} − z_j), δ_j = a_j Σ_k t_k − t_j.
 */
export function measureLoss(
  name: LossName, activation: ActivationName, z: Float64Array, a: Float64Array, t: ArrayLike<number>,
  count: number, width: number, delta?: Float64Array,
): number {
  let total = 0;
  switch (name) {
    case "squaredError":
      for (let i = 0; i < count; i++) {
        const error = a[i] - t[i];
        total += 0.5 * error * error;
        if (delta) delta[i] = error;
      }
      break;
    case "meanSquaredError":
      for (let i = 0; i < count; i++) {
        const error = a[i] - t[i];
        total += (error * error) / width;
        if (delta) delta[i] = (2 * error) / width;
      }
      break;
    case "binaryCrossEntropy":
      for (let i = 0; i < count; i++) {
        const logit = z[i];
        // log(1 + e^{−|z|}) never overflows, unlike log(σ(z)) for large |z|.
        total += (logit > 0 ? logit : 0) - logit * t[i] + Math.log1p(Math.exp(-Math.abs(logit)));
        if (delta) delta[i] = a[i] - t[i];
      }
      return total;
    case "softmaxCrossEntropy":
      for (let row = 0; row < count; row += width) {
        let max = -Infinity;
        for (let j = row; j < row + width; j++) if (z[j] > max) max = z[j];
        let sum = 0;
        for (let j = row; j < row + width; j++) sum += exp(z[j] - max); // the same e^z as the softmax, so a and E agree
        const logSumExp = max + Math.log(sum);
        let targetSum = 0;
        for (let j = row; j < row + width; j++) {
          total += t[j] * (logSumExp - z[j]);
          targetSum += t[j];
        }
        if (delta) for (let j = row; j < row + width; j++) delta[j] = a[j] * targetSum - t[j];
      }
      return total;
  }
  // The plain losses give ∂E/∂a; the chain rule through the output activation turns it into ∂E/∂z.
  if (delta) multiplyByDerivative(activation, z, a, delta, count, width);
  return total;
}
