/**
 * The `digits` module cells import: `await loadDigits()` gives chapter 7's handwritten digits as
 * arrays a program can train on. Where the bytes come from is the kernel's business (the file on
 * disk at build time, the page's one fixed asset in the browser), so this file only parses and
 * caches them; the checkers read the same cache, never the reader's copies.
 */
import { toDigitDataset, type DigitSet } from "../../data/digits";
import type { Dataset } from "../../engine/index";

/** One split as cells see it: an engine data set (inputs in [0, 1], one-hot targets) plus the labels 0-9. */
export interface DigitSplit extends Dataset {
  labels: Uint8Array;
}

/** What `loadDigits()` resolves to. */
export interface LoadedDigits {
  rows: number;
  columns: number;
  train: DigitSplit;
  test: DigitSplit;
}

/**
 * Gets the parsed digits, from wherever this kernel can read them. It is called on every
 * `loadDigits()` (the worker tells the page each time, so a training cell gets the longer time
 * limit), and keeps its own copy so that only the first call costs anything.
 */
export type DigitSource = () => Promise<DigitSet>;

let parsed: DigitSet | undefined;

/** The digits this kernel has loaded so far (the checkers' own copy), or undefined before the first load. */
export function loadedDigits(): DigitSet | undefined {
  return parsed;
}

function split(set: DigitSet, part: "train" | "test"): DigitSplit {
  return { ...toDigitDataset(set[part], `digits-${part}`), labels: set[part].labels.slice() };
}

/** The module object a kernel offers under the name "digits". */
export function createDigitsModule(source: DigitSource): Readonly<Record<string, unknown>> {
  /** Loads (once) and returns fresh arrays of the 8,000 training and 2,000 test digits. */
  async function loadDigits(): Promise<LoadedDigits> {
    const set = await source();
    parsed = set;
    return { rows: set.rows, columns: set.columns, train: split(set, "train"), test: split(set, "test") };
  }
  return Object.freeze({ loadDigits });
}
