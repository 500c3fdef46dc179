/** Whole-grid evaluation for decision-boundary heatmaps and error surfaces, written into the caller's typed array. */
import { activate, type ActivationName } from "./activations";
import { multiplyTransposed } from "./matrix";
import type { Network } from "./network";
import { prepareSimdForward } from "./simd";

/** A box sampled at resolution × resolution points, row-major from the top: row r has y = yMax − r·(yMax − yMin)/(N − 1), column c has x = xMin + c·(xMax − xMin)/(N − 1). */
export interface GridBox {
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
  resolution: number;
}

/** The largest grid side; 1024² values is already more than a plot has pixels. */
export const MAX_RESOLUTION = 1024;

/** Options for `evaluateGrid`: the box, where to write, which output unit, and whether to draw fast. */
export interface GridOptions extends GridBox {
  /** Receives resolution² values; a new Float64Array when omitted. */
  output?: Float64Array | Float32Array;
  /** Which unit of a[L] to write (default 0). */
  outputUnit?: number;
  /** Drawing only: tanh (and σ(z) = ½ + ½ tanh(z/2)) by a rational approximation with |error| < 1e-4, and WebAssembly SIMD where the page allows it. */
  fast?: boolean;
}

function checkBox(box: GridBox, output: { length: number } | undefined): void {
  const { xMin, xMax, yMin, yMax, resolution } = box;
  if (![xMin, xMax, yMin, yMax].every(Number.isFinite) || xMin >= xMax || yMin >= yMax) {
    throw new RangeError(`grid box x ${xMin}…${xMax}, y ${yMin}…${yMax} is not allowed; allowed: finite numbers with min < max`);
  }
  if (!Number.isInteger(resolution) || resolution < 2 || resolution > MAX_RESOLUTION) {
    throw new RangeError(`resolution ${resolution} is not allowed; allowed: integers 2 to ${MAX_RESOLUTION}`);
  }
  if (output && output.length !== resolution * resolution) {
    throw new RangeError(`grid output has ${output.length} numbers but resolution × resolution is ${resolution} × ${resolution}`);
  }
}

/** tanh x ≈ x(135135 + 17325x² + 378x⁴ + x⁶) / (135135 + 62370x² + 3150x⁴ + 28x⁶) (Lambert's continued fraction), ±1 beyond |x| > 4.97; |error| < 1e-4. */
export function fastTanh(x: number): number {
  if (x > 4.97) return 1;
  if (x < -4.97) return -1;
  const x2 = x * x;
  return (x * (135135 + x2 * (17325 + x2 * (378 + x2)))) / (135135 + x2 * (62370 + x2 * (3150 + 28 * x2)));
}

/** Points per chunk: big enough to amortise the loop set-up, small enough to stay in cache. */
const CHUNK = 256;
const workspaces = new WeakMap<Network, { input: Float64Array; z: Float64Array; a: Float64Array; previous: Float64Array }>();

/** fastTanh over a whole array, two values at a time sharing one division: p/q and r/s are (p·s)·d and (r·q)·d with d = 1/(q·s). */
function applyFastTanh(z: Float64Array, a: Float64Array, count: number): void {
  let i = 0;
  for (; i + 1 < count; i += 2) {
    const x = z[i], y = z[i + 1];
    const u = x * x, v = y * y;
    const p = x * (135135 + u * (17325 + u * (378 + u))), q = 135135 + u * (62370 + u * (3150 + 28 * u));
    const r = y * (135135 + v * (17325 + v * (378 + v))), s = 135135 + v * (62370 + v * (3150 + 28 * v));
    const d = 1 / (q * s);
    a[i] = x > 4.97 ? 1 : x < -4.97 ? -1 : p * s * d;
    a[i + 1] = y > 4.97 ? 1 : y < -4.97 ? -1 : r * q * d;
  }
  if (i < count) a[i] = fastTanh(z[i]);
}

function applyActivation(name: ActivationName, fast: boolean, z: Float64Array, a: Float64Array, count: number, width: number): void {
  if (fast && name === "tanh") applyFastTanh(z, a, count);
  else if (fast && name === "sigmoid") for (let i = 0; i < count; i++) a[i] = 0.5 + 0.5 * fastTanh(0.5 * z[i]);
  else activate(name, z, a, count, width);
}

/** Writes a[L][outputUnit] of a 2-input network at every point of the grid into `output` (its own buffers: training state is untouched). */
export function evaluateGrid(network: Network, options: GridOptions): Float64Array | Float32Array {
  const { xMin, xMax, yMin, yMax, resolution, outputUnit = 0, fast = false } = options;
  checkBox(options, options.output);
  if (network.sizes[0] !== 2) throw new RangeError(`evaluateGrid needs a network with 2 inputs (x, y), got ${network.sizes[0]}`);
  const outputSize = network.sizes[network.sizes.length - 1];
  if (!Number.isInteger(outputUnit) || outputUnit < 0 || outputUnit >= outputSize) throw new RangeError(`outputUnit ${outputUnit} is not allowed; allowed: 0 to ${outputSize - 1}`);
  const output = options.output ?? new Float64Array(resolution * resolution);

  let space = workspaces.get(network);
  if (!space) {
    const widest = Math.max(...network.sizes);
    space = { input: new Float64Array(CHUNK * 2), z: new Float64Array(CHUNK * widest), a: new Float64Array(CHUNK * widest), previous: new Float64Array(CHUNK * widest) };
    workspaces.set(network, space);
  }
  const simd = fast ? prepareSimdForward(network, CHUNK) : null;
  const last = network.layers[network.layers.length - 1];
  const activateHidden = (name: ActivationName, values: Float64Array) => applyActivation(name, true, values, values, values.length, 0);
  const dx = (xMax - xMin) / (resolution - 1);
  const dy = (yMax - yMin) / (resolution - 1);
  const total = resolution * resolution;
  for (let start = 0; start < total; start += CHUNK) {
    const count = Math.min(CHUNK, total - start);
    const { z } = space;
    const input = simd ? simd.input : space.input;
    for (let p = 0; p < count; p++) {
      const index = start + p;
      const row = Math.floor(index / resolution);
      input[2 * p] = xMin + (index - row * resolution) * dx;
      input[2 * p + 1] = yMax - row * dy;
    }
    // Two activation buffers take turns: each layer reads the one the layer below wrote.
    let previous = input;
    let current = space.a;
    let other = space.previous;
    if (simd) {
      // SIMD leaves z[L] padded to `stride` per point: keep the real units, then activate as below.
      const top = simd.run(count, activateHidden);
      for (let p = 0; p < count; p++) for (let j = 0; j < outputSize; j++) z[p * outputSize + j] = top[p * simd.stride + j];
      applyActivation(last.activation, fast, z, current, count * outputSize, outputSize);
      previous = current;
    } else {
      for (const layer of network.layers) {
        const m = layer.outputSize;
        multiplyTransposed(previous, layer.weights, z, count, m, layer.inputSize, layer.biases);
        applyActivation(layer.activation, fast, z, current, count * m, m);
        previous = current;
        current = other;
        other = previous;
      }
    }
    for (let p = 0; p < count; p++) output[start + p] = previous[p * outputSize + outputUnit];
  }
  return output;
}

/** The box and, optionally, the rows of `evaluateLossSurface`. */
export interface LossSurfaceOptions {
  w1Min: number;
  w1Max: number;
  w2Min: number;
  w2Max: number;
  resolution: number;
  /** Receives resolution² values; a new Float64Array when omitted. */
  output?: Float64Array | Float32Array;
  /** Only rows [fromRow, toRow) are written (default: all), so a page can spread the work over frames. */
  fromRow?: number;
  toRow?: number;
}

/** E(w1, w2) over a grid of two weights (w1 across, w2 down from w2Max), for the error-surface chapter; all rows, or rows [fromRow, toRow). */
export function evaluateLossSurface(loss: (w1: number, w2: number) => number, options: LossSurfaceOptions): Float64Array | Float32Array {
  const box = { xMin: options.w1Min, xMax: options.w1Max, yMin: options.w2Min, yMax: options.w2Max, resolution: options.resolution };
  checkBox(box, options.output);
  const { resolution } = box;
  const { fromRow = 0, toRow = resolution } = options;
  if (!Number.isInteger(fromRow) || !Number.isInteger(toRow) || fromRow < 0 || fromRow > toRow) {
    throw new RangeError(`rows ${fromRow} to ${toRow} are not allowed; allowed: integers with 0 ≤ fromRow ≤ toRow`);
  }
  const output = options.output ?? new Float64Array(resolution * resolution);
  for (let row = fromRow; row < Math.min(toRow, resolution); row++) {
    const w2 = box.yMax - (row * (box.yMax - box.yMin)) / (resolution - 1);
    for (let column = 0; column < resolution; column++) {
      output[row * resolution + column] = loss(box.xMin + (column * (box.xMax - box.xMin)) / (resolution - 1), w2);
    }
  }
  return output;
}
