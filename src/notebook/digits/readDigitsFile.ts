/** The build's way to the digits: read public/data/digits.bin.gz from disk and gunzip it (Node only). */
import { readFile } from "node:fs/promises";
import { gunzipSync } from "node:zlib";
import { resolve } from "node:path";

// From the repository root, where the build and the tests run: the config that imports this file is bundled elsewhere.
const FILE = resolve(process.cwd(), "public/data/digits.bin.gz");

/** The uncompressed bytes of digits.bin. */
export async function readDigitsFile(): Promise<Uint8Array> {
  return new Uint8Array(gunzipSync(await readFile(FILE)));
}
