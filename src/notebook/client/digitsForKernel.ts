/**
 * The page's side of the kernel's digits bridge: fetches chapter 7's one fixed file the first time a
 * cell asks, and tells the cell how far the download has got. The fetching code is loaded only then,
 * so a page that never trains pays nothing for it.
 */
import type { DigitSet } from "../../data/digits";
import type { DigitProgress } from "../../data/fetchDigits";

let loading: Promise<DigitSet> | undefined;
const listeners = new Set<(text: string) => void>();

/** A download's progress as the cell shows it, e.g. "Loading the handwritten digits: 0.8 of 1.6 MB (50%)…". */
export function describeDigitProgress({ loaded, total }: DigitProgress): string {
  const megabytes = (bytes: number) => (bytes / 1e6).toFixed(1);
  if (total === null || total === 0) return `Loading the handwritten digits: ${megabytes(loaded)} MB so far…`;
  return `Loading the handwritten digits: ${megabytes(loaded)} of ${megabytes(total)} MB (${Math.round((100 * loaded) / total)}%)…`;
}

/** Loads the digits once per page (a failed load is tried again on the next request). */
export function loadDigitsForKernel(onProgress: (text: string) => void): Promise<DigitSet> {
  listeners.add(onProgress);
  onProgress("Loading the handwritten digits…");
  loading ??= import("../../data/fetchDigits").then(({ fetchDigits }) =>
    fetchDigits({ onProgress: (progress) => listeners.forEach((listener) => listener(describeDigitProgress(progress))) }),
  );
  const done = loading.finally(() => listeners.delete(onProgress));
  loading.catch(() => (loading = undefined));
  return done;
}
