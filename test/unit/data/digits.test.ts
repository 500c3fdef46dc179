import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { parseDigits, toDigitDataset } from "../../../src/data/digits";

const compressed = readFileSync(new URL("../../../public/data/digits.bin.gz", import.meta.url));
const bytes = gunzipSync(compressed);

describe("the committed digits file", () => {
  const set = parseDigits(bytes);

  it("holds 8,000 training and 2,000 test digits of 28 × 28, within the 2 MB gzip budget", () => {
    expect(compressed.length).toBeLessThanOrEqual(2 * 1024 * 1024);
    expect([set.rows, set.columns, set.train.count, set.test.count]).toEqual([28, 28, 8000, 2000]);
    expect(set.train.images.length).toBe(8000 * 784);
    expect(set.test.images.length).toBe(2000 * 784);
  });

  it("has every digit in both parts, at least 150 of each in the test part", () => {
    for (const part of [set.train, set.test]) {
      const counts = new Array(10).fill(0);
      for (const label of part.labels) counts[label]++;
      expect(Math.min(...counts)).toBeGreaterThanOrEqual(part === set.test ? 150 : 600);
    }
  });

  it("keeps no training image in the test part", () => {
    const key = (images: Uint8Array, n: number) => Buffer.from(images.subarray(n * 784, (n + 1) * 784)).toString("base64");
    const training = new Set(Array.from({ length: set.train.count }, (_, n) => key(set.train.images, n)));
    const leaked = Array.from({ length: set.test.count }, (_, n) => key(set.test.images, n)).filter((k) => training.has(k));
    expect(leaked.length).toBe(0);
  });

  it("turns a part into an engine data set: x in [0, 1], one-hot targets", () => {
    const dataset = toDigitDataset(set.test, "test");
    expect([dataset.count, dataset.inputSize, dataset.outputSize]).toEqual([2000, 784, 10]);
    expect(dataset.inputs.reduce((a, b) => Math.max(a, b))).toBe(1);
    expect(dataset.inputs.reduce((a, b) => Math.min(a, b))).toBe(0);
    expect(dataset.inputs[dataset.inputs.findIndex((x) => x > 0 && x < 1)] * 255 % 1).toBeCloseTo(0, 9);
    const row = Array.from(dataset.targets.subarray(0, 10));
    expect(row.reduce((a, b) => a + b, 0)).toBe(1);
    expect(row.indexOf(1)).toBe(set.test.labels[0]);
  });
});

describe("parseDigits on damaged input", () => {
  it("says when the bytes are still gzip-compressed", () => {
    expect(() => parseDigits(new Uint8Array(compressed))).toThrow(/still gzip-compressed/);
  });

  it("says how many bytes a truncated file should have had", () => {
    expect(() => parseDigits(bytes.subarray(0, bytes.length - 1))).toThrow(/need 7850016/);
  });

  it("refuses a label outside 0-9", () => {
    const copy = Uint8Array.from(bytes);
    copy[16] = 12;
    expect(() => parseDigits(copy)).toThrow(/label 12/);
  });
});
