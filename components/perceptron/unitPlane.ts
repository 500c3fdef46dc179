/** DecisionLine's figure: one unit's line over the plane, the weight vector w from the origin with a handle at its tip, and the answers on the four corners. */
import * as Plot from "@observablehq/plot";
import { drawPlane, type ScaledFigure } from "./drawLab";
import { makeTruthTable } from "./truthTable";
import type { Box, UnitWeights } from "./geometry";
import type { ParamSpec } from "../../src/notebook/params";
import { en } from "../../src/i18n/en";
import type { Strings } from "../../src/i18n/types";

/** The roles DecisionLine binds: the unit's two weights and its bias. */
export type UnitRole = "w1" | "w2" | "b";

/** How far the handle can reach: the largest |w₁| or |w₂| the bound params allow. */
export function weightReach(...specs: ParamSpec[]): number {
  return Math.max(...specs.map((spec) => (spec.kind === "number" ? Math.max(Math.abs(spec.min), Math.abs(spec.max)) : 0)));
}

/** The square the plane shows: the handle's reach and a little more, so the ring at the tip stays inside. */
export function unitBox(reach: number): Box {
  const half = reach + 0.25;
  return { xMin: -half, xMax: half, yMin: -half, yMax: half };
}

/** The arrow from (0, 0) to (w₁, w₂), its label, and the handle the reader drags (ringed when focused). */
export function drawWeightArrow(unit: UnitWeights, focused = false): Plot.Markish[] {
  const tip = [{ x: unit.w1, y: unit.w2 }];
  const long = Math.hypot(unit.w1, unit.w2) > 0.15;
  return [
    long ? Plot.arrow([{ x1: 0, y1: 0, x2: unit.w1, y2: unit.w2 }], { x1: "x1", y1: "y1", x2: "x2", y2: "y2", strokeWidth: 2.5, headLength: 0, className: "dl-w" }) : null,
    // A ring, not a disc: the tip often sits on a corner of the square, whose answer must stay visible.
    Plot.dot(tip, { x: "x", y: "y", r: 9, strokeWidth: 3, className: "dl-handle" }),
    focused ? Plot.dot(tip, { x: "x", y: "y", r: 14, strokeWidth: 2.5, className: "dl-handle-focus" }) : null,
    Plot.text(tip, { x: "x", y: "y", text: () => "w", dx: 12, dy: -10, fontSize: 14, className: "dl-w-label" }),
  ].filter((mark): mark is NonNullable<typeof mark> => mark !== null);
}

/** The whole plane for `unit`, the same at build time and in the page. */
export function drawUnitPlane(unit: UnitWeights, reach: number, options: { width: number; focused?: boolean; document?: Document; strings?: Strings }): ScaledFigure {
  const s = options.strings ?? en;
  const { rows } = makeTruthTable(unit, s);
  return drawPlane(options.document ?? document, {
    box: unitBox(reach),
    unit,
    points: rows.map((row) => ({ x1: row.x1, x2: row.x2, target: row.y === 1 ? 1 : 0 })),
    normal: false,
    extraMarks: drawWeightArrow(unit, options.focused),
    width: options.width,
    ariaLabel: s.dlPlaneLabel({ w1: unit.w1, w2: unit.w2, b: unit.b }),
  });
}
