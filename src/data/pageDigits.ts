/**
 * The digits, once per page: the chapter's widget and its cells (through the kernel's bridge) both
 * ask here, so a reader who uses both downloads the 1.6 MB file once. A failed load is forgotten, so
 * the next request tries again. The fetching code is loaded only on the first request.
 */
import type { DigitSet } from "./digits";
import type { DigitProgress } from "./fetchDigits";

let loading: Promise<DigitSet> | undefined;
const listeners = new Set<(progress: DigitProgress) => void>();

/** Resolves to the page's one copy of the digits; `onProgress` hears the download while it lasts. */
export function loadPageDigits(onProgress?: (progress: DigitProgress) => void): Promise<DigitSet> {
  if (onProgress) listeners.add(onProgress);
  loading ??= import("./fetchDigits").then(({ fetchDigits }) => fetchDigits({ onProgress: (progress) => listeners.forEach((listener) => listener(progress)) }));
  const current = loading;
  current.catch(() => {
    if (loading === current) loading = undefined;
  });
  return current.finally(() => {
    if (onProgress) listeners.delete(onProgress);
  });
}
