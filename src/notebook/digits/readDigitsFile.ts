/** The build's way to the digits: read public/data/digits.bin.gz from disk, gunzip and parse it (Node only). */
import { readFile } from "node:fs/promises";
import { gunzipSync } from "node:zlib";
import { resolve } from "node:path";
import { parseDigits, type DigitSet } from "../../data/digits";

// From the repository root, where the build and the tests run: the config that imports this file is bundled elsewhere.
const FILE = resolve(process.cwd(), "public/data/digits.bin.gz");

let reading: Promise<DigitSet> | undefined;

/** The digits, parsed (read once per process). */
export function readDigitsFile(): Promise<DigitSet> {
  reading ??= readFile(FILE).then((bytes) => parseDigits(new Uint8Array(gunzipSync(bytes))));
  reading.catch(() => (reading = undefined));
  return reading;
}
