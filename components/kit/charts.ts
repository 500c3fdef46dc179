/**
 * Small helpers every widget figure uses, in the page and on the server. The rule for server-side
 * figures: draw them on `createFigureDocument()` (src/notebook/figureDocument.ts, imported by the
 * .astro component only, since it needs Node), never on a hand-made linkedom document, so a saved
 * raster heatmap is the very PNG the browser draws.
 */

/**
 * Makes a Plot figure one image with one name: `role="img"` on it, `description` as its label,
 * and Plot's per-mark aria-labels removed (they are not allowed on plain groups inside an image).
 */
export function asImage<T extends Element>(figure: T, description?: string): T {
  // With a legend Plot returns a <figure> whose last svg is the chart; the figure is the image.
  figure.setAttribute("role", "img");
  if (description !== undefined) figure.setAttribute("aria-label", description);
  for (const child of figure.querySelectorAll("[aria-label]")) child.removeAttribute("aria-label");
  return figure;
}

/** The powers of ten that span `values`, for log axes with one tick and one grid line per decade (at most about eight labels). */
export function logTicks(values: readonly number[]): number[] {
  const positive = values.filter((value) => value > 0 && Number.isFinite(value));
  if (positive.length === 0) return [];
  const low = Math.floor(Math.log10(Math.min(...positive)));
  const high = Math.ceil(Math.log10(Math.max(...positive)));
  const step = Math.max(1, Math.ceil((high - low) / 8));
  const decades: number[] = [];
  for (let power = low; power <= high; power += step) decades.push(10 ** power);
  return decades;
}

/** Round ticks from `min` to `max` for a linear axis: about `count` of them, on steps of 1, 2 or 5 times a power of ten. */
export function linearTicks(min: number, max: number, count = 5): number[] {
  if (!(max > min) || count < 1) return [min];
  const rough = (max - min) / count;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((factor) => factor * power).find((candidate) => candidate >= rough)!;
  const ticks: number[] = [];
  for (let tick = Math.ceil(min / step) * step; tick <= max + step * 1e-9; tick += step) ticks.push(Number(tick.toPrecision(12)));
  return ticks;
}
