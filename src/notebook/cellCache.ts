/**
 * Outputs of pages whose cells ran in an earlier build, so an unchanged chapter does not rerun them.
 * An entry is named by a hash of all its outputs depend on: every cell's source and checker in order
 * (cells share one scope, so a cell's outputs depend on the cells above it), the page's param defaults
 * in order, and the runtime's fingerprint (runtimeFingerprint.ts). Changing any of them names another
 * entry, so a stale one is never read. Only runs in which every cell succeeded are stored.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { deserialize, serialize } from "node:v8";
import type { ParamValue } from "./kernel";
import type { Output } from "./outputs";
import type { CellSource } from "./runCells";
import { hashSource } from "./hashSource";

/** Where entries live by default under the project root: ignored by git, so a fresh clone starts with none. */
export const defaultCellCacheFolder = "node_modules/.cache/backprop-cells";

// Bumped when an entry's layout changes, so old entries are never read as new ones.
const ENTRY_FORMAT = 1;

/** Saved outputs, looked up by a page's cells and params. */
export interface CellCache {
  /** The outputs saved for these cells and params, or undefined. */
  read(page: string, cells: readonly CellSource[], params: Readonly<Record<string, ParamValue>>): Output[][] | undefined;
  /** Saves a run in which every cell succeeded, and drops the page's older entries. */
  write(page: string, cells: readonly CellSource[], params: Readonly<Record<string, ParamValue>>, outputs: readonly Output[][]): void;
}

/** A cache in `folder`; `fingerprintRuntime` gives the runtime's fingerprint, or undefined when the cache must not be used. */
export function createCellCache(folder: string, fingerprintRuntime: () => string | undefined): CellCache {
  // One page's entries share a prefix: its file name (to read) and a hash of its path (two pages may share a name).
  const prefix = (page: string) => `${basename(page).replace(/[^\w.-]/g, "_")}-${hashSource(page)}-`;
  return {
    read(page, cells, params) {
      const runtime = fingerprintRuntime();
      if (runtime === undefined) return undefined;
      try {
        const entry = deserialize(readFileSync(join(folder, `${prefix(page)}${keyCellRun(cells, params, runtime)}.bin`))) as unknown;
        return isOutputsOf(entry, cells.length) ? entry : undefined;
      } catch {
        return undefined; // no entry, or an unreadable one: run the cells
      }
    },
    write(page, cells, params, outputs) {
      const runtime = fingerprintRuntime();
      if (runtime === undefined) return;
      const name = `${prefix(page)}${keyCellRun(cells, params, runtime)}.bin`;
      try {
        mkdirSync(folder, { recursive: true });
        // Written aside and renamed, so a build running in parallel never reads half an entry.
        const partial = join(folder, `${name}.${process.pid}.partial`);
        writeFileSync(partial, serialize(outputs)); // v8's format keeps NaN, -0 and undefined, which JSON would change
        renameSync(partial, join(folder, name));
        for (const old of readdirSync(folder)) if (old.startsWith(prefix(page)) && old.endsWith(".bin") && old !== name) rmSync(join(folder, old), { force: true });
      } catch (error) {
        console.warn(`[cells] could not save ${page}'s outputs in ${folder} (the next build reruns its cells): ${(error as Error).message}`);
      }
    },
  };
}

/** The key (hex SHA-256) of running `cells` in order with `params` on the runtime whose fingerprint is `runtime`. */
export function keyCellRun(cells: readonly CellSource[], params: Readonly<Record<string, ParamValue>>, runtime: string): string {
  const described = { format: ENTRY_FORMAT, runtime, params: Object.entries(params), cells: cells.map((cell) => [cell.source, cell.check ?? null]) };
  return createHash("sha256").update(JSON.stringify(described)).digest("hex");
}

function isOutputsOf(entry: unknown, count: number): entry is Output[][] {
  return Array.isArray(entry) && entry.length === count && entry.every((outputs) => Array.isArray(outputs));
}
