const prefix = "bn-progress:";

/** The furthest fraction (0 to 1) of a chapter this browser has scrolled through. */
export function readProgress(chapterId: string): number {
  try {
    const value = Number(localStorage.getItem(prefix + chapterId));
    return Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0;
  } catch {
    return 0;
  }
}

/** Remembers how far a chapter was read; keeps the furthest point, never moves it back. */
export function saveProgress(chapterId: string, fraction: number): void {
  if (!(fraction > readProgress(chapterId))) return;
  try {
    localStorage.setItem(prefix + chapterId, fraction.toFixed(3));
  } catch {
    // Storage may be full or refused; progress is a convenience, reading goes on.
  }
}
