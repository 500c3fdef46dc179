/**
 * Small helpers every widget figure uses, in the build and in the page. (Server-side figures are
 * drawn on `createFigureDocument()` from ./figureDocument.ts, kept apart because it needs Node.)
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

/**
 * A log axis over `values` that runs from decade to decade, 10^⌊log₁₀ min⌋ to 10^⌈log₁₀ max⌉, with one tick and grid
 * line per decade (every other one or more past eight decades). The domain is set with the ticks: left to the data's
 * own extent, the outer decades fell off the frame, over the title or beyond the figure's edge.
 */
export function logAxis(values: readonly number[]): { domain?: [number, number]; ticks: number[] } {
  const positive = values.filter((value) => value > 0 && Number.isFinite(value));
  if (positive.length === 0) return { ticks: [] };
  const low = Math.floor(Math.log10(Math.min(...positive)));
  const high = Math.max(low + 1, Math.ceil(Math.log10(Math.max(...positive))));
  const step = Math.max(1, Math.ceil((high - low) / 8));
  const ticks: number[] = [];
  // From the decimal literal, since 10 ** -5 is 9.999999999999999e-6 and would sit a hair below its decade.
  const decade = (power: number) => Number(`1e${power}`);
  for (let power = low; power <= high; power += step) ticks.push(decade(power));
  return { domain: [decade(low), decade(high)], ticks };
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

/** Below this box width widget.css shows a figure's phone copy: a wide screen gives a widget 382 px or more, a 360 px phone 310. */
export const PHONE_BOX_WIDTH = 360;
/** The width a widget's phone copy is drawn at: a 360 px screen gives a widget's figure box 310 px. */
export const PHONE_FIGURE_WIDTH = 300;

/**
 * A widget's saved figure at two sizes, as the markup of its figure box (which carries the class
 * `widget-two-sizes`): `wide` where the box is at least PHONE_BOX_WIDTH px wide (widget.css), `phone` (drawn
 * PHONE_FIGURE_WIDTH wide) below, so a phone shows 12 px text at 12 px, not shrunk. The live figure,
 * drawn at the box's width (fitFigureWidth), replaces both.
 */
export function pairFigureSizes(wide: Element, phone: Element): string {
  wide.setAttribute("class", `${wide.getAttribute("class") ?? ""} figure-wide`.trim());
  phone.setAttribute("class", `${phone.getAttribute("class") ?? ""} figure-phone`.trim());
  return wide.outerHTML + phone.outerHTML;
}

/** The width to draw a live figure at in `box`: the box's own width, at most `wide` (the saved size) and at least `least`. */
export function fitFigureWidth(box: Element, wide: number, least = 240): number {
  return Math.max(least, Math.min(wide, Math.floor(box.clientWidth || wide)));
}
