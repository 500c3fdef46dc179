/** What the error-surface widgets say in words about the current point, the same at build time and live. */
import { formatNumber } from "../kit/formatNumber";
import { nameShape, shapeDownhill, shapeValue } from "./lossSurface";
import { en } from "../../src/i18n/en";
import type { Strings } from "../../src/i18n/types";

/** A number rounded to `digits` decimals without trailing zeros, by the kit's rule (U+2212 minus; "NaN" or "Infinity" as such). */
export function formatValue(value: number, digits = 3): string {
  return formatNumber(value, { decimals: digits });
}

/** The tip of the shapes gallery's arrow: −∇f drawn at 0.15 of its length in (u, v) units, so its length still shows how steep f is. */
export function findArrowTip(a: number, point: { x: number; y: number }): { x: number; y: number } {
  const down = shapeDownhill(a, point.x, point.y);
  return { x: point.x + 0.15 * down.u, y: point.y + 0.15 * down.v };
}

/** "w₁ = -2, w₂ = 3: squared error E = 0.0312." for the weights and each surface's error there. */
export function describeWeights(point: { x: number; y: number }, errors: { loss: string; error: number }[], s: Strings = en): string {
  const parts = errors.map(({ loss, error }) => s.esLossValue({ loss: s.esLossName({ loss }), value: formatValue(error, 4) }));
  return s.esWeightsStatus({ w1: formatValue(point.x, 2), w2: formatValue(point.y, 2), errors: parts.join(s.dlListComma) });
}

/** "u = 1.5, v = 1: f = 1.6 (c = 0.1, the centre is a valley)." for the shapes gallery. */
export function describeShapePoint(a: number, point: { x: number; y: number }, s: Strings = en): string {
  const { x, y } = point;
  return s.esShapeStatus({ u: formatValue(x, 2), v: formatValue(y, 2), f: formatValue(shapeValue(a, x, y)), c: formatValue(a, 2), shape: s.esShapeName({ shape: nameShape(a) }) });
}
