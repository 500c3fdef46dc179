/**
 * The network's big products in WebAssembly SIMD: z = a·Wᵀ + b two float64 lanes per instruction and with no
 * bounds check per element, about 3.5× the JavaScript kernel, for full-batch training and for the drawing-only
 * grid (with tanh by fastTanh's rational). The module is assembled below from its instructions (nothing is
 * fetched, there is no build step). Where WebAssembly is missing or forbidden (a strict Content-Security-Policy),
 * everything runs on matrix.ts's JavaScript kernels instead.
 */
import type { ActivationName } from "./activations";
import { multiplyFirstTransposed, multiplyTransposed } from "./matrix";
import type { Network } from "./network";

// The few encodings the module needs (WebAssembly core spec §5, SIMD proposal opcodes).
const leb = (n: number, signed = false): number[] => {
  const bytes: number[] = [];
  for (;;) {
    const byte = n & 0x7f;
    n = signed ? n >> 7 : n >>> 7;
    const done = signed ? (n === 0 && !(byte & 0x40)) || (n === -1 && (byte & 0x40) !== 0) : n === 0;
    bytes.push(done ? byte : byte | 0x80);
    if (done) return bytes;
  }
};
const vector = (items: number[][]): number[] => [...leb(items.length), ...items.flat()];
const section = (id: number, items: number[][]): number[] => { const body = vector(items); return [id, ...leb(body.length), ...body]; };
const name = (text: string): number[] => vector([...text].map((c) => [c.charCodeAt(0)]));
const I32 = 0x7f, V128 = 0x7b;
const get = (local: number) => [0x20, ...leb(local)];
const set = (local: number) => [0x21, ...leb(local)];
const tee = (local: number) => [0x22, ...leb(local)];
const i32 = (n: number) => [0x41, ...leb(n, true)];
const [add, multiply, divide, remainder, shiftLeft, lessThan] = [[0x6a], [0x6c], [0x6e], [0x70], [0x74], [0x49]];
const loadNumber = (offset: number) => [0x2b, 3, ...leb(offset)], storeNumber = (offset: number) => [0x39, 3, ...leb(offset)], addNumbers = [0xa0];
const simd = (op: number, ...immediates: number[]) => [0xfd, ...leb(op), ...immediates];
const load128 = simd(0x00, 3, 0), store128 = simd(0x0b, 3, 0);
const [addLanes, multiplyLanes, divideLanes, minLanes, maxLanes] = [simd(0xf0), simd(0xf2), simd(0xf3), simd(0xf4), simd(0xf5)];
const lane = (n: 0 | 1) => simd(0x21, n);
const both = (x: number) => simd(0x0c, ...[x, x].flatMap((value) => [...new Uint8Array(Float64Array.of(value).buffer)]));
const loop = (...body: number[][]) => [0x03, 0x40, ...body.flat(), 0x0b];
const block = (...body: number[][]) => [0x02, 0x40, ...body.flat(), 0x0b];
const [loadInteger, storeInteger, notLess, anyTrue] = [[0x28, 2, 0], [0x36, 2, 0], [0x4f], simd(0x53)];
const repeatWhile = (counter: number, step: number, limit: number[]) => [...get(counter), ...i32(step), ...add, ...tee(counter), ...limit, ...lessThan, 0x0d, 0];
const range = (n: number) => Array.from({ length: n }, (_, i) => i);

// multiplyTransposed(A, B, C, bias, rows, columns, inner), byte pointers, rows % 3 = columns % 4 = inner % 2 = 0:
// the JavaScript kernel's 3 × 4 blocks of C, each sum split over two lanes (even and odd k) and added at the end.
const [A, B, C, BIAS, ROWS, COLUMNS, INNER] = range(7);
const [I, J, K, ROW_BYTES, A_ROW, B_ROW, C_AT, BIAS_AT] = [7, 8, 9, 10, 11, 14, 18, 19]; // A_ROW… three, B_ROW… four
const [X, W, SUM] = [20, 23, 24]; // v128: X… three rows of A, W a row of B, SUM… twelve running sums
const multiplyBody = [
  ...get(INNER), ...i32(3), ...shiftLeft, ...set(ROW_BYTES), ...i32(0), ...set(I),
  ...loop(
    ...range(3).map((r) => [...get(A), ...get(I), ...i32(r), ...add, ...get(ROW_BYTES), ...multiply, ...add, ...set(A_ROW + r)]),
    [...i32(0), ...set(J)],
    loop(
      ...range(4).map((c) => [...get(B), ...get(J), ...i32(c), ...add, ...get(ROW_BYTES), ...multiply, ...add, ...set(B_ROW + c)]),
      ...range(12).map((s) => [...both(0), ...set(SUM + s)]),
      [...i32(0), ...set(K)],
      loop(
        ...range(3).map((r) => [...get(A_ROW + r), ...get(K), ...add, ...load128, ...set(X + r)]),
        ...range(4).map((c) => [
          ...get(B_ROW + c), ...get(K), ...add, ...load128, ...set(W),
          ...range(3).flatMap((r) => [...get(SUM + 4 * r + c), ...get(X + r), ...get(W), ...multiplyLanes, ...addLanes, ...set(SUM + 4 * r + c)]),
        ]),
        repeatWhile(K, 16, get(ROW_BYTES)),
      ),
      [...get(C), ...get(I), ...get(COLUMNS), ...multiply, ...get(J), ...add, ...i32(3), ...shiftLeft, ...add, ...set(C_AT)],
      [...get(BIAS), ...get(J), ...i32(3), ...shiftLeft, ...add, ...set(BIAS_AT)],
      ...range(12).map((s) => {
        const [r, c] = [Math.floor(s / 4), s % 4];
        return [
          ...get(C_AT), ...get(COLUMNS), ...i32(3), ...shiftLeft, ...i32(r), ...multiply, ...add,
          ...get(BIAS_AT), ...loadNumber(8 * c), ...get(SUM + s), ...lane(0), ...addNumbers, ...get(SUM + s), ...lane(1), ...addNumbers,
          ...storeNumber(8 * c),
        ];
      }),
      repeatWhile(J, 4, get(COLUMNS)),
    ),
    repeatWhile(I, 3, get(ROWS)),
  ),
];

// tanh(values, count), in place, count even: x clamped to ±4.97, then Lambert's x(135135 + 17325x² + 378x⁴ + x⁶) /
// (135135 + 62370x² + 3150x⁴ + 28x⁶), as fastTanh (so the same |error| < 1e-4).
const [AT, END, VALUE, SQUARE] = [2, 3, 4, 5];
const horner = (coefficients: number[]) => [
  ...both(coefficients[0]),
  ...coefficients.slice(1).flatMap((coefficient) => [...get(SQUARE), ...multiplyLanes, ...both(coefficient), ...addLanes]),
];
const tanhBody = [
  ...get(0), ...set(AT), ...get(0), ...get(1), ...i32(3), ...shiftLeft, ...add, ...set(END),
  ...loop(
    [...get(AT), ...load128, ...both(-4.97), ...maxLanes, ...both(4.97), ...minLanes, ...set(VALUE), ...get(VALUE), ...get(VALUE), ...multiplyLanes, ...set(SQUARE)],
    get(AT),
    [...get(VALUE), ...horner([1, 378, 17325, 135135]), ...multiplyLanes, ...horner([28, 3150, 62370, 135135]), ...divideLanes, ...store128],
    repeatWhile(AT, 16, get(END)),
  ),
];

// multiplySparse(A, panels, C, bias, rows, columns, inner, list): the same C = A·Bᵀ + bias, columns % 6 = inner % 2 = 0,
// for an A that is mostly zeros (blank pixels), with B arranged by arrangePanels(B, panels, columns, inner) in panels
// of six columns, a k pair of all six in one 96-byte run: each load has a constant offset, and six running sums and
// six loads still fit in the registers (eight spill). One row of A at a time: the list of its k pairs that hold a
// nonzero (every pair is written, only those kept: no branch), then each panel over those pairs only. Each sum adds
// the same pair products in the same lanes as multiplyTransposed: the skipped pairs added only zeros.
const PANEL = 6;
const [LIST, ROW, PAIR, END_AT, COLUMN_AT, OUT_AT, A_ROW_AT, OFFSET, BIAS_AT_SPARSE, PANEL_AT] = range(10).map((i) => 7 + i); // i32
const [X_PAIR, SUMS] = [17, 18]; // v128: a pair of A's row, and PANEL running sums
const loadAt = (offset: number) => simd(0x00, 3, ...leb(offset));
const [FROM, TO, AT_PAIR, AT_COLUMN] = [4, 5, 6, 7]; // arrangePanels' i32 locals after its four parameters B, panels, columns, inner
const arrangeBody = [
  ...get(3), ...i32(3), ...shiftLeft, ...set(3), ...i32(0), ...set(AT_COLUMN),
  ...loop( // panel c / 6 holds column c's pair p at 96p + 16(c mod 6)
    [...get(0), ...get(AT_COLUMN), ...get(3), ...multiply, ...add, ...set(FROM)],
    [...get(1), ...get(AT_COLUMN), ...i32(PANEL), ...divide, ...get(3), ...i32(PANEL), ...multiply, ...multiply, ...add],
    [...get(AT_COLUMN), ...i32(PANEL), ...remainder, ...i32(4), ...shiftLeft, ...add, ...set(TO), ...i32(0), ...set(AT_PAIR)],
    loop(
      [...get(TO), ...get(AT_PAIR), ...i32(PANEL), ...multiply, ...add, ...get(FROM), ...get(AT_PAIR), ...add, ...load128, ...store128],
      repeatWhile(AT_PAIR, 16, get(3)),
    ),
    repeatWhile(AT_COLUMN, 1, get(2)),
  ),
];
const sparseBody = [
  ...get(INNER), ...i32(3), ...shiftLeft, ...set(INNER), ...i32(0), ...set(ROW),
  ...loop(
    [...get(A), ...get(ROW), ...get(INNER), ...multiply, ...add, ...set(A_ROW_AT)],
    [...get(LIST), ...set(END_AT), ...i32(0), ...set(PAIR)],
    loop(
      [...get(END_AT), ...get(PAIR), ...storeInteger],
      [...get(END_AT), ...get(A_ROW_AT), ...get(PAIR), ...add, ...load128, ...anyTrue, ...i32(2), ...shiftLeft, ...add, ...set(END_AT)],
      repeatWhile(PAIR, 16, get(INNER)),
    ),
    [...i32(0), ...set(COLUMN_AT), ...get(B), ...set(PANEL_AT)],
    loop(
      ...range(PANEL).map((c) => [...both(0), ...set(SUMS + c)]),
      [...get(LIST), ...set(PAIR)],
      block(
        [...get(PAIR), ...get(END_AT), ...notLess, 0x0d, 0], // an empty list (a blank row): the sums stay 0
        loop(
          [...get(PAIR), ...loadInteger, ...tee(OFFSET), ...get(A_ROW_AT), ...add, ...load128, ...set(X_PAIR)],
          [...get(PANEL_AT), ...get(OFFSET), ...i32(PANEL), ...multiply, ...add, ...set(OFFSET)],
          ...range(PANEL).map((c) => [...get(SUMS + c), ...get(X_PAIR), ...get(OFFSET), ...loadAt(16 * c), ...multiplyLanes, ...addLanes, ...set(SUMS + c)]),
          repeatWhile(PAIR, 4, get(END_AT)),
        ),
      ),
      [...get(C), ...get(ROW), ...get(COLUMNS), ...multiply, ...get(COLUMN_AT), ...add, ...i32(3), ...shiftLeft, ...add, ...set(OUT_AT)],
      [...get(BIAS), ...get(COLUMN_AT), ...i32(3), ...shiftLeft, ...add, ...set(BIAS_AT_SPARSE)],
      ...range(PANEL).map((c) => [
        ...get(OUT_AT), ...get(BIAS_AT_SPARSE), ...loadNumber(8 * c), ...get(SUMS + c), ...lane(0), ...addNumbers, ...get(SUMS + c), ...lane(1), ...addNumbers, ...storeNumber(8 * c),
      ]),
      [...get(PANEL_AT), ...get(INNER), ...i32(PANEL), ...multiply, ...add, ...set(PANEL_AT)],
      repeatWhile(COLUMN_AT, PANEL, get(COLUMNS)),
    ),
    repeatWhile(ROW, 1, get(ROWS)),
  ),
];

/** A function's code entry: its locals as (count, type) runs, its body, end. */
const code = (locals: [number, number][], body: number[]) => {
  const bytes = [...vector(locals.map(([count, type]) => [...leb(count), type])), ...body, 0x0b];
  return [...leb(bytes.length), ...bytes];
};
const moduleBytes = () => new Uint8Array([
  0x00, 0x61, 0x73, 0x6d, 1, 0, 0, 0, // "\0asm", version 1
  ...section(1, [7, 2, 8, 4].map((count) => [0x60, ...vector(range(count).map(() => [I32])), 0])), // types: count i32 parameters
  ...section(3, [[0], [1], [2], [3]]), // functions
  ...section(5, [[0, 1]]), // one memory, at least 64 KiB
  ...section(7, [[...name("memory"), 2, 0], [...name("multiplyTransposed"), 0, 0], [...name("tanh"), 0, 1], [...name("multiplySparse"), 0, 2], [...name("arrangePanels"), 0, 3]]), // exports
  ...section(10, [code([[13, I32], [16, V128]], multiplyBody), code([[2, I32], [2, V128]], tanhBody), code([[9, I32], [1 + PANEL, V128]], sparseBody), code([[4, I32]], arrangeBody)]),
]);

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
export function prepareSimdForward(network: Network, rows: number): SimdForward | null {
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
  const rowsPadded = roundUp(rows, 2);
  if (mostlyZeros(B, rows * n, n, m) && layOut(n, roundUp(m, PANEL), rowsPadded)) {
    const mPadded = roundUp(m, PANEL);
    copyColumns(B, at.a, rows, n, rowsPadded);
    copyColumns(A, at.b, rows, m, rowsPadded);
    kernels!.arrangePanels(8 * at.b, 8 * at.panels, mPadded, rowsPadded);
    setBias(null, mPadded);
    kernels!.multiplySparse(8 * at.a, 8 * at.panels, 8 * at.c, 8 * at.biases, n, mPadded, rowsPadded, 8 * at.list);
    const mem = memory;
    for (let k = 0; k < n; k++) for (let j = 0, from = at.c + k * mPadded; j < m; j++) C[j * n + k] = mem[from + j] * scale;
    return;
  }
  const mPadded = roundUp(m, 3), nPadded = roundUp(n, 4);
  if (!worthIt(m, n, rows) || !layOut(mPadded, nPadded, rowsPadded)) return multiplyFirstTransposed(A, B, C, rows, m, n, scale);
  copyColumns(A, at.a, rows, m, rowsPadded);
  copyColumns(B, at.b, rows, n, rowsPadded);
  setBias(null, n);
  kernels!.multiplyTransposed(8 * at.a, 8 * at.b, 8 * at.c, 8 * at.biases, mPadded, nPadded, rowsPadded);
  const mem = memory;
  for (let j = 0; j < m; j++) for (let k = 0, from = at.c + j * nPadded, to = j * n; k < n; k++) C[to + k] = mem[from + k] * scale;
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
