/**
 * The ring that marks the current point on a surface plot (and, for the shapes gallery, the
 * downhill arrow from it), laid over a Plot figure through the figure's own scales. The build
 * draws it into the saved figure and the live widget moves it, so both show the same mark.
 */

/** A Plot figure: an SVG element with the `scale()` Plot attaches to it. */
export type ScaledFigure = SVGSVGElement & { scale(name: string): { apply(value: number): number; invert?(pixel: number): number } };

const SVG = "http://www.w3.org/2000/svg";

/** Appends an empty marker (two rings, black under white, and optionally an arrow) to `figure`; `placeMarker` positions it. */
export function addMarker(figure: SVGSVGElement, withArrow: boolean, document: Document = figure.ownerDocument): SVGGElement {
  const marker = document.createElementNS(SVG, "g") as SVGGElement;
  marker.setAttribute("class", "es-marker");
  marker.setAttribute("aria-hidden", "true");
  if (withArrow) {
    const arrow = document.createElementNS(SVG, "path");
    arrow.setAttribute("class", "es-arrow");
    marker.append(arrow);
  }
  for (const [stroke, width] of [["black", 3.5], ["white", 1.75]] as const) {
    const ring = document.createElementNS(SVG, "circle");
    ring.setAttribute("r", "7");
    ring.setAttribute("fill", "none");
    ring.setAttribute("stroke", stroke);
    ring.setAttribute("stroke-width", String(width));
    marker.append(ring);
  }
  figure.append(marker);
  return marker;
}

/** Moves the marker's rings to `point`, and its arrow (if any) to `tip`, both in the plot's data units. */
export function placeMarker(figure: ScaledFigure, marker: SVGGElement, point: { x: number; y: number }, tip?: { x: number; y: number }): void {
  const cx = figure.scale("x").apply(point.x);
  const cy = figure.scale("y").apply(point.y);
  for (const ring of marker.querySelectorAll("circle")) {
    ring.setAttribute("cx", String(cx));
    ring.setAttribute("cy", String(cy));
  }
  const arrow = marker.querySelector("path");
  if (!arrow || !tip) return;
  const ex = figure.scale("x").apply(tip.x);
  const ey = figure.scale("y").apply(tip.y);
  const angle = Math.atan2(ey - cy, ex - cx);
  const length = Math.hypot(ex - cx, ey - cy);
  const head = length > 8 ? `M${ex},${ey}L${ex - 7 * Math.cos(angle - 0.45)},${ey - 7 * Math.sin(angle - 0.45)}L${ex - 7 * Math.cos(angle + 0.45)},${ey - 7 * Math.sin(angle + 0.45)}Z` : "";
  arrow.setAttribute("d", length > 1 ? `M${cx},${cy}L${ex},${ey}${head}` : "");
}
