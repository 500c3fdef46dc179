/**
 * A hash of everything the build's cells run on besides their own text and params: the source of every
 * module runCells.ts reaches (kernel, display, checkers, the whole engine), the lockfile (Plot, linkedom,
 * sucrase, acorn and what they use), the data files cells can load (the digits) and Node's version (V8's Math, zlib).
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { readImportGraph } from "../build/importGraph";

const ENTRY = "src/notebook/runCells.ts";
// Read by cells through `import { loadDigits } from "digits"`: data, not an import, so named here.
const DATA_FILES = ["public/data/digits.bin.gz"];

/** Our files that cells' outputs depend on: runCells.ts and all it imports, transitively, relative to `root`. */
export function listCellRuntimeFiles(root: string): string[] {
  return [...readImportGraph([join(root, ENTRY)]).keys()].map((file) => relative(root, file)).sort();
}

/** The runtime's fingerprint under `root` (hex SHA-256): it changes when any of those files, the lockfile or Node changes. */
export function fingerprintCellRuntime(root: string): string {
  const hash = createHash("sha256").update(`node ${process.version}\n`);
  for (const file of [...listCellRuntimeFiles(root), "package-lock.json", ...DATA_FILES]) {
    const path = join(root, file);
    const bytes = existsSync(path) ? readFileSync(path) : Buffer.alloc(0);
    hash.update(`${file} ${bytes.length}\n`).update(bytes);
  }
  return hash.digest("hex");
}

// Taken as this process loads the runtime (runCells.ts and this file are imported together), so a later
// edit on disk, which a running dev server has not loaded, can be told apart from the code that runs.
const loadedFingerprint = fingerprintCellRuntime(process.cwd());

/** The fingerprint of the runtime this process runs, or undefined if its files changed on disk since it was loaded. */
export function fingerprintLoadedRuntime(): string | undefined {
  return fingerprintCellRuntime(process.cwd()) === loadedFingerprint ? loadedFingerprint : undefined;
}
