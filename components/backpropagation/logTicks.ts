/** Ticks for the chapter's logarithmic axes. */
/** The powers of ten that span `values`, for log axes with one tick and one grid line per decade. */
export function findDecades(values: readonly number[]): number[] {
  const positive = values.filter((value) => value > 0 && Number.isFinite(value));
  if (positive.length === 0) return [];
  const low = Math.floor(Math.log10(Math.min(...positive)));
  const high = Math.ceil(Math.log10(Math.max(...positive)));
  const step = Math.max(1, Math.ceil((high - low) / 8)); // at most about eight labels
  const decades: number[] = [];
  for (let power = low; power <= high; power += step) decades.push(10 ** power);
  return decades;
}
