/** Activation functions a = φ(z), applied to a batch stored example-major (row b holds one example's units). */

/** Every activation name the engine knows. */
export const ACTIVATIONS = ["step", "sign", "identity", "sigmoid", "tanh", "relu", "leakyRelu", "softmax"] as const;
/** One of `ACTIVATIONS`. */
export type ActivationName = (typeof ACTIVATIONS)[number];

/** The slope of leaky relu for z < 0: φ(z) = 0.01·z. */
export const LEAKY_SLOPE = 0.01;

/** Throws a RangeError unless `name` is a known activation. */
export function checkActivation(name: unknown, what = "activation"): ActivationName {
  if (!(ACTIVATIONS as readonly unknown[]).includes(name)) {
    throw new RangeError(`unknown ${what} ${JSON.stringify(name)}; allowed: ${ACTIVATIONS.join(", ")}`);
  }
  return name as ActivationName;
}

// e^y = 2^(n/64) · e^r with n = round(64y/ln 2), r = y − n·ln2/64, |r| ≤ ln2/128, where five Taylor terms leave a
// relative error of 4·10⁻¹⁷; 2^(n/64) = 2^(n >> 6) · 2^((n & 63)/64) from two small tables. Only |x| ≥ 0.55 gets
// here, where 1 − 2/(e^{2|x|} + 1) ≥ ½ damps an error in e^{2|x|} at least twofold, so e^y needs no extra precision.
const TWO_TO_STEP = Float64Array.from({ length: 64 }, (_, j) => 2 ** (j / 64));
const TWO_TO_POWER = Float64Array.from({ length: 64 }, (_, e) => 2 ** e);

/**
 * tanh x to within 10 ulps of Math.tanh (worst measured: 2.9), and about 3× faster, since training spends much of its
 * time here: x·P(x²)/Q(x²), Lambert's continued fraction tanh x = x/(1 + x²/(3 + x²/(5 + …))) cut at 15, for
 * |x| < 0.55; else 1 − 2/(e^{2x} + 1) with e^{2x} computed here (no library call, no cancellation once tanh > ½).
 */
export function tanh(x: number): number {
  const size = Math.abs(x);
  if (size < 0.55) {
    const u = x * x;
    return (x * (2027025 + u * (270270 + u * (6930 + u * 36)))) / (2027025 + u * (945945 + u * (51975 + u * (630 + u))));
  }
  if (size > 22) return x > 0 ? 1 : -1; // e^{−44} is below half an ulp of 1; also keeps n inside the tables
  const y = 2 * size;
  const n = y * (64 / Math.LN2) + 6755399441055744 - 6755399441055744; // rounds to an integer (1.5·2^52 trick), no branch
  const r = y - n * (Math.LN2 / 64);
  const scale = TWO_TO_STEP[n & 63] * TWO_TO_POWER[n >> 6];
  const exp = scale + scale * (r + r * r * (1 / 2 + r * (1 / 6 + r * (1 / 24 + r * (1 / 120))))); // e^r = 1 + r + r²/2 + …
  const sign = x / size; // ±1 exactly; a branch on the sign would be mispredicted on a mini-batch's values in random order
  return sign - (sign + sign) / (exp + 1); // = sign·(1 − 2/(e^{2|x|} + 1)), bit for bit, so tanh stays exactly odd
}

// e^x = 2^(n/64) · e^r again, now for any x, with r = x − n·ln2/64 taken in two parts (fdlibm's ln 2 split: n·HI is
// exact, so r keeps every bit) and six Taylor terms; 2^(n >> 6) from a table of powers down to the smallest normal.
const LN2_64_HI = 6.93147180369123816490e-1 / 64, LN2_64_LO = 1.90821492927058770002e-10 / 64;
const POWERS = Float64Array.from({ length: 2045 }, (_, e) => 2 ** (e - 1022));

/** e^x within 2 ulps of Math.exp (worst measured; Math.exp is itself within 1 of the exact value) and twice as fast, since sigmoid and softmax layers spend most of their time here. */
export function exp(x: number): number {
  if (!(x > -708 && x < 709)) return Math.exp(x); // overflow, results below the smallest normal, NaN: rare, left to the library
  const n = x * (64 / Math.LN2) + 6755399441055744 - 6755399441055744;
  const r = x - n * LN2_64_HI - n * LN2_64_LO, r2 = r * r;
  const scale = TWO_TO_STEP[n & 63] * POWERS[(n >> 6) + 1022];
  // e^r − 1 in pairs of terms (Estrin's scheme): half the chain of dependent steps of one Horner line, so faster.
  return scale + scale * (r + r2 * (1 / 2 + r * (1 / 6) + r2 * (1 / 24 + r * (1 / 120) + r2 * (1 / 720))));
}

/** a = φ(z) for `count` values; softmax works row by row over rows of `width` units. */
export function activate(name: ActivationName, z: Float64Array, a: Float64Array, count: number, width: number): void {
  switch (name) {
    case "step": // φ(z) = 1 if z ≥ 0 else 0
      for (let i = 0; i < count; i++) a[i] = z[i] >= 0 ? 1 : 0;
      return;
    case "sign": // φ(z) = 1 if z ≥ 0 else −1
      for (let i = 0; i < count; i++) a[i] = z[i] >= 0 ? 1 : -1;
      return;
    case "identity":
      for (let i = 0; i < count; i++) a[i] = z[i];
      return;
    case "sigmoid": // σ(z) = 1/(1 + e⁻ᶻ)
      for (let i = 0; i < count; i++) a[i] = 1 / (1 + exp(-z[i]));
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
        for (let j = row; j < row + width; j++) sum += a[j] = exp(z[j] - max);
        for (let j = row; j < row + width; j++) a[j] /= sum;
      }
      return;
  }
}

/**
 * Turns g = ∂E/∂a into δ = ∂E/∂z in place: δ = g ⊙ φ′(z), or for softmax δ_j = a_j (g_j − Σ_k g_k a_k).
 * Step and sign have φ′ = 0 wherever they are differentiable, so no gradient flows through them.
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
