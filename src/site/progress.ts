import type { Locale } from "./locale";

const prefix = "bn-progress:";

/** The storage key of a chapter's progress; English keeps the key it always had, other editions add their code. */
export function progressKey(chapterId: string, locale: Locale = "en"): string {
  return locale === "en" ? prefix + chapterId : `${prefix}${locale}:${chapterId}`;
}

/** The furthest fraction (0 to 1) of a chapter, in one edition, this browser has scrolled through. */
export function readProgress(chapterId: string, locale: Locale = "en"): number {
  try {
    const value = Number(localStorage.getItem(progressKey(chapterId, locale)));
    return Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0;
  } catch {
    return 0;
  }
}

/** Remembers how far a chapter was read in one edition; keeps the furthest point, never moves it back. */
export function saveProgress(chapterId: string, fraction: number, locale: Locale = "en"): void {
  if (!(fraction > readProgress(chapterId, locale))) return;
  try {
    localStorage.setItem(progressKey(chapterId, locale), fraction.toFixed(3));
  } catch {
    // Storage may be full or refused; progress is a convenience, reading goes on.
  }
}
