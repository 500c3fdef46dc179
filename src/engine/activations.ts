/** Activation functions a = f(z), applied to a batch stored example-major (row b holds one example's units). */

/** Every activation name the engine knows. */
export const ACTIVATIONS = ["step", "sign", "identity", "sigmoid", "tanh", "relu", "leakyRelu", "softmax"] as const;
/** One of `ACTIVATIONS`. */
export type ActivationName = (typeof ACTIVATIONS)[number];

/** The slope of leaky relu for z < 0: f(z) = 0.01·z. */
export const LEAKY_SLOPE = 0.01;

/** Throws a RangeError unless `name` is a known activation. */
export function checkActivation(name: unknown, what = "activation"): ActivationName {
  if (!(ACTIVATIONS as readonly unknown[]).includes(name)) {
    throw new RangeError(`unknown ${what} ${JSON.stringify(name)}; allowed: ${ACTIVATIONS.join(", ")}`);
  }
  return name as ActivationName;
}

/**
 * tanh x to within 10 ulps of Math.tanh, and faster, since training spends much of its time here:
 * the series x − x³/3 + 2x⁵/15 − … for |x| < 0.1 (no cancellation near 0), else 1 − 2/(e^{2|x|} + 1) with x's sign.
 */
export function tanh(x: number): number {
  const size = x < 0 ? -x : x;
  if (size < 0.1) {
    const x2 = x * x;
    return x + x * x2 * (-1 / 3 + x2 * (2 / 15 + x2 * (-17 / 315 + x2 * (62 / 2835 + x2 * (-1382 / 155925 + x2 * (21844 / 6081075))))));
  }
  const t = 1 - 2 / (Math.exp(2 * size) + 1);
  return x < 0 ? -t : t;
}

/** a = f(z) for `count` values; softmax works row by row over rows of `width` units. */
export function activate(name: ActivationName, z: Float64Array, a: Float64Array, count: number, width: number): void {
  switch (name) {
    case "step": // f(z) = 1 if z ≥ 0 else 0
      for (let i = 0; i < count; i++) a[i] = z[i] >= 0 ? 1 : 0;
      return;
    case "sign": // f(z) = 1 if z ≥ 0 else −1
      for (let i = 0; i < count; i++) a[i] = z[i] >= 0 ? 1 : -1;
      return;
    case "identity":
      for (let i = 0; i < count; i++) a[i] = z[i];
      return;
    case "sigmoid": // σ(z) = 1/(1 + e⁻ᶻ)
      for (let i = 0; i < count; i++) a[i] = 1 / (1 + Math.exp(-z[i]));
      return;
    case "tanh":
      for (let i = 0; i < count; i++) a[i] = tanh(z[i]);
      return;
    case "relu":
      for (let i = 0; i < count; i++) a[i] = z[i] > 0 ? z[i] : 0;
      return;
    case "leakyRelu":
      for (let i = 0; i < count; i++) a[i] = z[i] > 0 ? z[i] : LEAKY_SLOPE * z[i];
      return;
    case "softmax": // a_j = e^{z_j − max z} / Σ_k e^{z_k − max z}; subtracting the max keeps exp finite
      for (let row = 0; row < count; row += width) {
        let max = -Infinity;
        for (let j = row; j < row + width; j++) if (z[j] > max) max = z[j];
        let sum = 0;
        for (let j = row; j < row + width; j++) sum += a[j] = Math.exp(z[j] - max);
        for (let j = row; j < row + width; j++) a[j] /= sum;
      }
      return;
  }
}

/**
 * Turns g = ∂E/∂a into δ = ∂E/∂z in place: δ = g ⊙ f′(z), or for softmax δ_j = a_j (g_j − Σ_k g_k a_k).
 * Step and sign have f′ = 0 wherever they are differentiable, so no gradient flows through them.
 */
export function multiplyByDerivative(name: ActivationName, z: Float64Array, a: Float64Array, g: Float64Array, count: number, width: number): void {
  switch (name) {
    case "step":
    case "sign":
      for (let i = 0; i < count; i++) g[i] = 0;
      return;
    case "identity":
      return;
    case "sigmoid": // σ′ = σ(1 − σ)
      for (let i = 0; i < count; i++) g[i] *= a[i] * (1 - a[i]);
      return;
    case "tanh": // tanh′ = 1 − tanh²
      for (let i = 0; i < count; i++) g[i] *= 1 - a[i] * a[i];
      return;
    case "relu":
      for (let i = 0; i < count; i++) if (z[i] <= 0) g[i] = 0;
      return;
    case "leakyRelu":
      for (let i = 0; i < count; i++) if (z[i] <= 0) g[i] *= LEAKY_SLOPE;
      return;
    case "softmax": // ∂a_k/∂z_j = a_k (1[j = k] − a_j), so δ_j = a_j (g_j − Σ_k g_k a_k)
      for (let row = 0; row < count; row += width) {
        let dot = 0;
        for (let k = row; k < row + width; k++) dot += g[k] * a[k];
        for (let j = row; j < row + width; j++) g[j] = a[j] * (g[j] - dot);
      }
      return;
  }
}
