/**
 * The page's side of the kernel's digits bridge: asks for chapter 7's one fixed file (src/data/pageDigits.ts)
 * the first time a cell does, and tells the cell how far the download has got.
 */
import type { DigitSet } from "../../data/digits";
import type { DigitProgress } from "../../data/fetchDigits";
import { loadPageDigits } from "../../data/pageDigits";
import { enNotebook } from "../../i18n/notebook.en";
import { pageNotebookStrings } from "../../i18n/notebookStrings";
import type { NotebookStrings } from "../../i18n/types";

/** A download's progress as the cell shows it, e.g. "Loading the handwritten digits: 0.8 of 1.6 MB (50%)…". */
export function describeDigitProgress({ loaded, total }: DigitProgress, s: NotebookStrings = enNotebook): string {
  const megabytes = (bytes: number) => (bytes / 1e6).toFixed(1);
  if (total === null || total === 0) return s.digitsLoadingSoFar({ loaded: megabytes(loaded) });
  return s.digitsLoadingOf({ loaded: megabytes(loaded), total: megabytes(total), percent: Math.round((100 * loaded) / total) });
}

/** Loads the digits once per page, shared with the chapter's widget (a failed load is tried again on the next request). */
export function loadDigitsForKernel(onProgress: (text: string) => void): Promise<DigitSet> {
  const s = pageNotebookStrings();
  onProgress(s.digitsLoading);
  return loadPageDigits((progress) => onProgress(describeDigitProgress(progress, s)));
}
