/** The marks DecisionLine adds to the plane: the weight vector w drawn from the origin, with a handle at its tip. */
import * as Plot from "@observablehq/plot";
import type { Box, UnitWeights } from "./geometry";

/** The largest |w₁| or |w₂| the handle can reach; the figure shows a little more. */
export const WEIGHT_LIMIT = 2;

/** The plane DecisionLine shows: big enough for the arrow of w at its longest. */
export const UNIT_BOX: Box = { xMin: -2.25, xMax: 2.25, yMin: -2.25, yMax: 2.25 };

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
