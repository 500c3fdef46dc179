/**
 * The network's big products in WebAssembly SIMD: z = a·Wᵀ + b two float64 lanes per instruction and with no
 * bounds check per element, about 3.5× the JavaScript kernel, for full-batch training and for the drawing-only
 * grid (with tanh by fastTanh's rational), and for inputs that are mostly zeros (blank pixels) whatever the batch.
 * The module is assembled in simdModule.ts. Where WebAssembly is missing or forbidden (a strict
 * Content-Security-Policy), everything runs on matrix.ts's JavaScript kernels instead.
 */
import type { ActivationName } from "./activations";
import { moduleBytes, PANEL } from "./simdModule";
import { multiplyFirstTransposed, multiplyTransposed } from "./matrix";
// What prepareSimdForward reads of a network (every Network is one), declared here since network.ts imports this file.
type NetworkWeights = { sizes: readonly number[]; layers: readonly { inputSize: number; outputSize: number; activation: ActivationName; weights: Float64Array; biases: Float64Array }[] };


/** The module's exports; pointers are byte offsets into `memory`. */
interface Kernels {
  memory: { buffer: ArrayBuffer; grow(pages: number): number };
  multiplyTransposed(A: number, B: number, C: number, bias: number, rows: number, columns: number, inner: number): void;
  tanh(values: number, count: number): void;
  multiplySparse(A: number, panels: number, C: number, bias: number, rows: number, columns: number, inner: number, list: number): void;
  arrangePanels(B: number, panels: number, columns: number, inner: number): void;
}
interface WebAssemblyApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object) => { exports: unknown };
}

/** Room for a few 1024-unit layers; larger networks draw in JavaScript rather than hold more memory for good (it never shrinks). */
const MAX_BYTES = 32 * 1024 * 1024;
let kernels: Kernels | null | undefined;

function compile(): Kernels | null {
  try {
    const { Module, Instance } = (globalThis as unknown as { WebAssembly: WebAssemblyApi }).WebAssembly;
    return new Instance(new Module(moduleBytes())).exports as Kernels;
  } catch {
    return null; // no WebAssembly, no SIMD, or a Content-Security-Policy without 'wasm-unsafe-eval'
  }
}

const roundUp = (n: number, multiple: number) => Math.ceil(n / multiple) * multiple;

/** A network's weights laid out in the module's memory for one grid evaluation (made per call: weights change as it trains). */
export interface SimdForward {
  /** rows × 2 inputs (x, y) to fill, point-major: a view into the module's memory. */
  input: Float64Array;
  /** Values per row of `run`'s result: the output layer's size rounded up to 4. */
  stride: number;
  /** z[L] for the first `count` rows, `stride` per row; hidden tanh runs in SIMD, others through `activateHidden`, in place. */
  run(count: number, activateHidden: (name: ActivationName, values: Float64Array) => void): Float64Array;
}

/** Copies `network` into the module's memory, zero-padded to whole SIMD blocks (which leaves z unchanged); null where SIMD can't draw it. */
export function prepareSimdForward(network: NetworkWeights, rows: number): SimdForward | null {
  const last = network.layers.length - 1;
  if (network.layers.some((layer, l) => l < last && layer.activation === "softmax")) return null; // padding would join the sum
  kernels ??= compile();
  if (!kernels) return null;
  const simd = kernels;
  rows = roundUp(rows, 3);
  const widths = network.sizes.map((size, l) => roundUp(size, l === 0 ? 2 : 4));
  let next = 0;
  const take = (count: number) => (next += count) - count;
  const places = network.layers.map((_, l) => ({ weights: take(widths[l + 1] * widths[l]), biases: take(widths[l + 1]) }));
  const input = take(rows * widths[0]);
  const buffers = [take(rows * Math.max(...widths)), take(rows * Math.max(...widths))];
  const missing = 8 * next - simd.memory.buffer.byteLength;
  if (8 * next > MAX_BYTES) return null;
  if (missing > 0) simd.memory.grow(Math.ceil(missing / 65536));
  const memory = new Float64Array(simd.memory.buffer);
  network.layers.forEach((layer, l) => {
    const { weights, biases } = places[l];
    memory.fill(0, weights, biases + widths[l + 1]);
    for (let j = 0; j < layer.outputSize; j++) memory.set(layer.weights.subarray(j * layer.inputSize, (j + 1) * layer.inputSize), weights + j * widths[l]);
    memory.set(layer.biases, biases);
  });
  return {
    input: memory.subarray(input, input + rows * widths[0]),
    stride: widths[last + 1],
    run(count, activateHidden) {
      const used = roundUp(count, 3);
      let from = input;
      network.layers.forEach((layer, l) => {
        const to = buffers[l % 2];
        const values = used * widths[l + 1];
        simd.multiplyTransposed(8 * from, 8 * places[l].weights, 8 * to, 8 * places[l].biases, used, widths[l + 1], widths[l]);
        if (l < last && layer.activation === "tanh") simd.tanh(8 * to, values);
        else if (l < last) activateHidden(layer.activation, memory.subarray(to, to + values));
        from = to;
      });
      return memory.subarray(from, from + used * widths[last + 1]);
    },
  };
}

/** SIMD pays for its copies in and out only when rows and inner are this long and there are 8 columns (not a mini-batch of 10, a 2-input layer or a 1-unit output). */
const MIN_SIDE = 16;
const worthIt = (rows: number, columns: number, inner: number) => Math.min(rows, inner) >= MIN_SIDE && columns >= 8 && (kernels ??= compile()) !== null;
let memory = new Float64Array(0);

/**
 * Whether at least two thirds of 64 entries spread over A are exact zeros (blank pixels): then multiplySparse, which
 * does about twice the work per product of the dense kernel but skips the zero pairs, wins, for any number of rows.
 */
function mostlyZeros(A: Float64Array, count: number, inner: number, columns: number): boolean {
  if (inner < MIN_SIDE || columns < PANEL || (kernels ??= compile()) === null) return false;
  let zeros = 0;
  for (let s = 0; s < 64; s++) if (A[Math.floor((s * count) / 64)] === 0) zeros++;
  return zeros >= 43;
}

/** Where the operands go in the module's memory: A (rows × inner), B (columns × inner), C, the bias, then multiplySparse's list and panels. One object, reused: a step allocates nothing. */
const at = { a: 0, b: 0, c: 0, biases: 0, list: 0, panels: 0 };

/** Sets `at` for these sizes and makes the memory big enough; false if it would pass MAX_BYTES. */
function layOut(rows: number, columns: number, inner: number): boolean {
  at.b = at.a + rows * inner;
  at.c = at.b + columns * inner;
  at.biases = at.c + rows * columns;
  at.list = at.biases + columns;
  at.panels = at.list + inner; // the list needs a quarter of that
  const needed = 8 * (at.panels + columns * inner);
  const simd = kernels!;
  if (needed > MAX_BYTES) return false;
  if (needed > simd.memory.buffer.byteLength) simd.memory.grow(Math.ceil((needed - simd.memory.buffer.byteLength) / 65536));
  if (memory.buffer !== simd.memory.buffer) memory = new Float64Array(simd.memory.buffer); // only after the memory grew
  return true;
}

/**
 * C = A·Bᵀ + bias, as matrix.ts's multiplyTransposed computes it, in SIMD when the product is large or A mostly
 * zeros, and the module is available, else in JavaScript. Exact float64 either way; SIMD adds each sum's even and
 * odd terms apart, so the last bit can differ from the JavaScript order. Copies in and out without allocating.
 */
export function multiplyTransposedSimd(
  A: Float64Array, B: Float64Array, C: Float64Array, rows: number, columns: number, inner: number, bias: Float64Array | null,
): void {
  if (mostlyZeros(A, rows * inner, inner, columns) && multiplySparseSimd(A, B, C, rows, columns, inner, bias)) return;
  const rowsPadded = roundUp(rows, 3), columnsPadded = roundUp(columns, 4), innerPadded = roundUp(inner, 2);
  if (!worthIt(rows, columns, inner) || !layOut(rowsPadded, columnsPadded, innerPadded)) return multiplyTransposed(A, B, C, rows, columns, inner, bias);
  // Rows and columns past the real ones only make entries of C nobody reads; an odd inner gets a zero column in both.
  copyRows(A, at.a, 0, rows, inner, innerPadded);
  copyRows(B, at.b, 0, columns, inner, innerPadded);
  setBias(bias, columns);
  kernels!.multiplyTransposed(8 * at.a, 8 * at.b, 8 * at.c, 8 * at.biases, rowsPadded, columnsPadded, innerPadded);
  copyOut(C, 0, rows, columns, columnsPadded);
}

/** Rows of A per multiplySparse call: a chunk and B's panels stay in the second-level cache while the kernel reads them. */
const CHUNK = 64;

/** multiplyTransposedSimd for an A that is mostly zeros, CHUNK rows at a time; false, having done nothing, if it would pass MAX_BYTES. */
function multiplySparseSimd(A: Float64Array, B: Float64Array, C: Float64Array, rows: number, columns: number, inner: number, bias: Float64Array | null): boolean {
  const columnsPadded = roundUp(columns, PANEL), innerPadded = roundUp(inner, 2);
  if (!layOut(Math.min(rows, CHUNK), columnsPadded, innerPadded)) return false;
  copyRows(B, at.b, 0, columns, inner, innerPadded);
  kernels!.arrangePanels(8 * at.b, 8 * at.panels, columnsPadded, innerPadded);
  setBias(bias, columns);
  for (let first = 0; first < rows; first += CHUNK) {
    const count = Math.min(CHUNK, rows - first);
    copyRows(A, at.a, first, count, inner, innerPadded);
    kernels!.multiplySparse(8 * at.a, 8 * at.panels, 8 * at.c, 8 * at.biases, count, columnsPadded, innerPadded, 8 * at.list);
    copyOut(C, first, count, columns, columnsPadded);
  }
  return true;
}

/**
 * C = s·AᵀB (A rows × m, B rows × n), as matrix.ts's multiplyFirstTransposed, in SIMD when large: Aᵀ and Bᵀ are
 * copied in, then C = Aᵀ·(Bᵀ)ᵀ; or, when B is mostly zeros, Cᵀ = Bᵀ·(Aᵀ)ᵀ by multiplySparse (the same sums).
 */
export function multiplyFirstTransposedSimd(A: Float64Array, B: Float64Array, C: Float64Array, rows: number, m: number, n: number, scale: number): void {
  const sparse = mostlyZeros(B, rows * n, n, m), rowsPadded = roundUp(rows, 2), mPadded = roundUp(m, sparse ? PANEL : 3), nPadded = sparse ? n : roundUp(n, 4);
  if (sparse ? !layOut(n, mPadded, rowsPadded) : !worthIt(m, n, rows) || !layOut(mPadded, nPadded, rowsPadded)) return multiplyFirstTransposed(A, B, C, rows, m, n, scale);
  copyColumns(sparse ? B : A, at.a, rows, sparse ? n : m, rowsPadded);
  copyColumns(sparse ? A : B, at.b, rows, sparse ? m : n, rowsPadded);
  setBias(null, sparse ? mPadded : n);
  if (sparse) kernels!.arrangePanels(8 * at.b, 8 * at.panels, mPadded, rowsPadded);
  if (sparse) kernels!.multiplySparse(8 * at.a, 8 * at.panels, 8 * at.c, 8 * at.biases, n, mPadded, rowsPadded, 8 * at.list);
  else kernels!.multiplyTransposed(8 * at.a, 8 * at.b, 8 * at.c, 8 * at.biases, mPadded, nPadded, rowsPadded);
  const mem = memory, jStride = sparse ? 1 : nPadded, kStride = sparse ? mPadded : 1; // where C[j][k] is: C or Cᵀ
  for (let j = 0; j < m; j++) for (let k = 0, from = at.c + j * jStride, to = j * n; k < n; k++) C[to + k] = mem[from + k * kStride] * scale;
}

/** The bias (0 for null) into memory at at.biases. */
function setBias(bias: Float64Array | null, columns: number): void {
  for (let j = 0; j < columns; j++) memory[at.biases + j] = bias === null ? 0 : bias[j];
}

/** Rows first… of `source` (each `width` long) into memory at `at`, `widthPadded` apart, zero-filling the one padding column if any. */
function copyRows(source: Float64Array, at: number, first: number, rows: number, width: number, widthPadded: number): void {
  const mem = memory;
  if (width === widthPadded) { // a plain block copy; a view only for a chunk of a longer batch
    return mem.set(source.length === rows * width ? source : source.subarray(first * width, (first + rows) * width), at);
  }
  for (let i = 0; i < rows; i++) {
    const from = (first + i) * width, to = at + i * widthPadded;
    for (let k = 0; k < width; k++) mem[to + k] = source[from + k];
    mem[to + width] = 0;
  }
}

/** Rows of the product at at.c (`columnsPadded` apart) into C from row `first` on. */
function copyOut(C: Float64Array, first: number, rows: number, columns: number, columnsPadded: number): void {
  const mem = memory;
  for (let i = 0; i < rows; i++) for (let j = 0, from = at.c + i * columnsPadded, to = (first + i) * columns; j < columns; j++) C[to + j] = mem[from + j];
}

/** The transpose of `source` (rows × width) into memory at `at`: row j holds column j, `rowsPadded` long, zero-padded. */
function copyColumns(source: Float64Array, at: number, rows: number, width: number, rowsPadded: number): void {
  const mem = memory;
  for (let i = 0; i < rows; i++) for (let j = 0; j < width; j++) mem[at + j * rowsPadded + i] = source[i * width + j];
  if (rowsPadded > rows) for (let j = 0; j < width; j++) mem[at + j * rowsPadded + rows] = 0;
}
