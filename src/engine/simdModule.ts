/**
 * The WebAssembly module behind simd.ts, assembled here from its instructions (nothing is fetched, there is no build
 * step): the products multiplyTransposed and multiplySparse (with arrangePanels), and the drawing-only tanh.
 */
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

// multiplySparse(A, panels, C, bias, rows, columns, inner, list): the same C = A·Bᵀ + bias, columns % PANEL = inner % 2
// = 0, for an A that is mostly zeros (blank pixels), with B put by arrangePanels(B, panels, columns, inner) into panels of
// PANEL columns, a k pair of all of them in one run (so each load has a constant offset). One row of A at a time: the
// list of its k pairs that hold a nonzero (every pair is written, only those kept: no branch), then each panel over
// those pairs only. Each sum adds the same pair products in the same lanes as multiplyTransposed: the skipped pairs
// added only zeros.
/** Columns per panel of multiplySparse: six running sums and six loads still fit in the registers, eight spill. */
export const PANEL = 6;
const [LIST, ROW, PAIR, END_AT, COLUMN_AT, OUT_AT, A_ROW_AT, OFFSET, BIAS_AT_SPARSE, PANEL_AT] = range(10).map((i) => 7 + i); // i32
const [X_PAIR, SUMS] = [17, 18]; // v128: a pair of A's row, and PANEL running sums
const loadAt = (offset: number) => simd(0x00, 3, ...leb(offset));
// arrangePanels(B, panels, columns, inner): panel ⌊c / PANEL⌋ gets column c's pair p at 16·PANEL·p + 16·(c mod PANEL).
const [SOURCE, TARGET, WIDTH, DEPTH, FROM, TO, AT_PAIR, AT_COLUMN] = range(8); // four parameters, four i32 locals
const arrangeBody = [
  ...get(DEPTH), ...i32(3), ...shiftLeft, ...set(DEPTH), ...i32(0), ...set(AT_COLUMN),
  ...loop(
    [...get(SOURCE), ...get(AT_COLUMN), ...get(DEPTH), ...multiply, ...add, ...set(FROM)],
    [...get(TARGET), ...get(AT_COLUMN), ...i32(PANEL), ...divide, ...get(DEPTH), ...i32(PANEL), ...multiply, ...multiply, ...add],
    [...get(AT_COLUMN), ...i32(PANEL), ...remainder, ...i32(4), ...shiftLeft, ...add, ...set(TO), ...i32(0), ...set(AT_PAIR)],
    loop(
      [...get(TO), ...get(AT_PAIR), ...i32(PANEL), ...multiply, ...add, ...get(FROM), ...get(AT_PAIR), ...add, ...load128, ...store128],
      repeatWhile(AT_PAIR, 16, get(DEPTH)),
    ),
    repeatWhile(AT_COLUMN, 1, get(WIDTH)),
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
/** The module's bytes; its exports take byte offsets into its memory. */
export const moduleBytes = () => new Uint8Array([
  0x00, 0x61, 0x73, 0x6d, 1, 0, 0, 0, // "\0asm", version 1
  ...section(1, [7, 2, 8, 4].map((count) => [0x60, ...vector(range(count).map(() => [I32])), 0])), // types: count i32 parameters
  ...section(3, [[0], [1], [2], [3]]), // functions
  ...section(5, [[0, 1]]), // one memory, at least 64 KiB
  ...section(7, [[...name("memory"), 2, 0], [...name("multiplyTransposed"), 0, 0], [...name("tanh"), 0, 1], [...name("multiplySparse"), 0, 2], [...name("arrangePanels"), 0, 3]]), // exports
  ...section(10, [code([[13, I32], [16, V128]], multiplyBody), code([[2, I32], [2, V128]], tanhBody), code([[9, I32], [1 + PANEL, V128]], sparseBody), code([[4, I32]], arrangeBody)]),
]);
