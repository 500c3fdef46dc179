/**
 * A grid of shades as SVG cells, for the figures saved at build time, where there is no canvas.
 * A shade s ∈ [−1, 1] paints class 1's colour (s > 0) or class 0's (s < 0) at opacity |s| over the
 * paper: the same colour a canvas ramp or a heatmap scale gives, mixed from paper toward the class.
 * The colours come from CSS classes (pg-shade-0, pg-shade-1), so both themes work without redrawing;
 * cells of equal shade are merged into one path per shade, row runs into one rectangle, to keep
 * the saved HTML small.
 */

/** Opacity steps per class: 1/20 apart, a few RGB units between neighbours, and few enough to keep the saved HTML small. */
const LEVELS = 20;

/** An SVG element with the given attributes. */
export function createSvg(document: Document, name: string, attributes: Record<string, string | number> = {}): SVGElement {
  const element = document.createElementNS("http://www.w3.org/2000/svg", name) as SVGElement;
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, String(value));
  return element;
}

/** Cell edges for `count` cells spread evenly over [from, to]: count + 1 numbers. */
export function spanEdges(count: number, from: number, to: number): number[] {
  return Array.from({ length: count + 1 }, (_, i) => from + ((to - from) * i) / count);
}

/**
 * Cell edges for `count` samples taken at `from`, …, `to` (the grid's corners): each cell is centred
 * on its sample; the two outer cells reach `overhang` cells further out, for a blur to spread into.
 */
export function centredEdges(count: number, from: number, to: number, overhang = 0): number[] {
  const step = (to - from) / (count - 1);
  return Array.from({ length: count + 1 }, (_, i) => from + (i - 0.5 + (i === 0 ? -overhang : i === count ? overhang : 0)) * step);
}

/** The signed opacity step of a shade; 0 (paper) for a number that is not finite. */
function levelOf(shade: number): number {
  return Number.isFinite(shade) ? Math.round(Math.max(-1, Math.min(1, shade)) * LEVELS) : 0;
}

/** Pixel coordinates to a tenth: finer is invisible and costs bytes. */
function round(value: number): number {
  return Math.round(value * 10) / 10;
}

/** `shades` (row-major, top row first, one per cell) as a group of paths between the given cell edges. */
export function renderShadedCells(document: Document, shades: ArrayLike<number>, xEdges: readonly number[], yEdges: readonly number[]): SVGGElement {
  const columns = xEdges.length - 1;
  const rows = yEdges.length - 1;
  const paths = new Map<number, string[]>(); // signed level → its rectangles' path commands
  for (let row = 0; row < rows; row++) {
    let column = 0;
    while (column < columns) {
      const level = levelOf(shades[row * columns + column]);
      let end = column + 1;
      while (end < columns && levelOf(shades[row * columns + end]) === level) end++;
      if (level !== 0) {
        const [x, y] = [round(xEdges[column]), round(yEdges[row])];
        // Sizes from the rounded edges, so neighbouring cells still meet exactly.
        const [width, height] = [round(round(xEdges[end]) - x), round(round(yEdges[row + 1]) - y)];
        if (!paths.has(level)) paths.set(level, []);
        paths.get(level)!.push(`M${x} ${y}h${width}v${height}h${-width}z`);
      }
      column = end;
    }
  }
  const group = createSvg(document, "g", { "shape-rendering": "crispEdges" }); // no hairline seams between neighbouring cells
  for (const [level, commands] of [...paths].sort(([a], [b]) => a - b)) {
    group.append(createSvg(document, "path", { class: level > 0 ? "pg-shade-1" : "pg-shade-0", "fill-opacity": Math.abs(level) / LEVELS, d: commands.join("") }));
  }
  return group as SVGGElement;
}
