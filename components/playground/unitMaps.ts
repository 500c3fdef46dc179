/**
 * Each hidden unit's activation a^l_j over the plane as a small square, blue where it is high and
 * orange where it is low: a canvas in the live page, shaded SVG cells in the saved view, both
 * coloured by one rule so the page does not change when the live squares replace the saved ones.
 */
import type { PlaygroundActivation } from "./config";
import { toSubscript, toSuperscript } from "./diagram";
import { RAMP_STRENGTH } from "./figures";
import { createSvg, renderShadedCells, spanEdges } from "./shadedCells";
import type { Strings } from "../../src/i18n/types";

/** Points a side at which each unit is sampled: 24² per unit, shown as a 42 px square. */
export const UNIT_RESOLUTION = 24;

/** The activations shown at the two ends of the colour range. */
export interface UnitRange {
  low: number;
  high: number;
}

/** sigmoid lives in (0, 1) around ½, tanh in (−1, 1); unbounded activations are scaled by their largest |a|. */
export function findUnitRange(map: ArrayLike<number>, activation: PlaygroundActivation): UnitRange {
  if (activation === "sigmoid") return { low: 0, high: 1 };
  if (activation === "tanh") return { low: -1, high: 1 };
  let largest = 1e-9;
  for (let p = 0; p < map.length; p++) largest = Math.max(largest, Math.abs(map[p]));
  return { low: -largest, high: largest };
}

/** One row per hidden layer: its name, then one square per unit from `drawUnit`, named for screen readers. */
export function renderUnitRows(document: Document, hidden: readonly number[], s: Strings, drawUnit: (l: number, j: number) => Element): HTMLElement[] {
  return hidden.map((units, l) => {
    const row = document.createElement("div");
    row.className = "pg-unit-row";
    const label = document.createElement("p");
    label.className = "pg-unit-label";
    label.textContent = `a${toSuperscript(l + 1)}`;
    row.append(label);
    for (let j = 0; j < units; j++) {
      const name = `a${toSuperscript(l + 1)}${toSubscript(j + 1)}`;
      const square = drawUnit(l, j);
      square.setAttribute("class", "pg-unit");
      square.setAttribute("role", "img");
      square.setAttribute("aria-label", s.pgUnitLabel({ name }));
      square.setAttribute("title", name);
      row.append(square);
    }
    return row;
  });
}

/** Paints a unit's map (resolution² values, top row first) into its canvas through a colour ramp from buildRamp. */
export function paintUnitCanvas(canvas: HTMLCanvasElement, map: ArrayLike<number>, range: UnitRange, ramp: Uint8ClampedArray): void {
  const context = canvas.getContext("2d");
  if (!context) return;
  const image = context.createImageData(canvas.width, canvas.height);
  for (let p = 0; p < map.length; p++) {
    const shade = Math.max(0, Math.min(255, Math.round(((map[p] - range.low) / (range.high - range.low)) * 255))) || 0;
    image.data.set(ramp.subarray(4 * shade, 4 * shade + 4), 4 * p);
  }
  context.putImageData(image, 0, 0);
}

/** The saved view's square for a unit: the same colours as the canvas, as SVG cells over a resolution × resolution box. */
export function renderSavedUnit(document: Document, map: ArrayLike<number>, range: UnitRange, resolution: number): SVGSVGElement {
  const svg = createSvg(document, "svg", { viewBox: `0 0 ${resolution} ${resolution}`, preserveAspectRatio: "none" }) as SVGSVGElement;
  const shades = Array.from(map, (value) => RAMP_STRENGTH * (((value - range.low) / (range.high - range.low)) * 2 - 1));
  const edges = spanEdges(resolution, 0, resolution);
  svg.append(renderShadedCells(document, shades, edges, edges));
  return svg;
}
