/** The geometry of one threshold unit in the plane: its line w₁x₁ + w₂x₂ + b = 0, its "yes" half and its truth table. */
import { en } from "../../src/i18n/en";
import type { Strings } from "../../src/i18n/types";

/** A square or rectangle of the plane: [xMin, xMax] × [yMin, yMax]. */
export interface Box {
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
}

/** A unit's weights and bias: z = w1·x1 + w2·x2 + b. */
export interface UnitWeights {
  w1: number;
  w2: number;
  b: number;
}

/** A point of the plane. */
export type Point = [number, number];

/** z = w·x + b for one point. */
export function findWeightedInput(unit: UnitWeights, [x1, x2]: Point): number {
  return unit.w1 * x1 + unit.w2 * x2 + unit.b;
}

function corners(box: Box): Point[] {
  return [
    [box.xMin, box.yMin],
    [box.xMax, box.yMin],
    [box.xMax, box.yMax],
    [box.xMin, box.yMax],
  ];
}

// One side p → q of the box, with z = w·x + b at both ends.
interface Side {
  p: Point;
  q: Point;
  zp: number;
  zq: number;
}

// The box's four sides in order round it, so a walk meets the crossings of the boundary in order.
function sidesOf(box: Box, unit: UnitWeights): Side[] {
  const square = corners(box);
  return square.map((p, i) => {
    const q = square[(i + 1) % square.length];
    return { p, q, zp: findWeightedInput(unit, p), zq: findWeightedInput(unit, q) };
  });
}

// Where z crosses 0 along a side whose ends have z of opposite signs.
function crossingOf({ p, q, zp, zq }: Side): Point {
  const s = zp / (zp - zq);
  return [p[0] + s * (q[0] - p[0]), p[1] + s * (q[1] - p[1])];
}

/**
 * The part of the box where z = w·x + b ≥ 0, as a closed polygon (first point repeated), or [] when
 * that part is empty. One pass of Sutherland–Hodgman clipping against the half-plane.
 */
export function findPositiveRegion(unit: UnitWeights, box: Box): Point[] {
  const region: Point[] = [];
  for (const side of sidesOf(box, unit)) {
    if (side.zp >= 0) region.push(side.p);
    if ((side.zp >= 0) !== (side.zq >= 0)) region.push(crossingOf(side));
  }
  return region.length >= 3 ? [...region, region[0]] : [];
}

/** The visible piece of the line w·x + b = 0 inside the box, or undefined when it misses the box or w = 0. */
export function findBoundarySegment(unit: UnitWeights, box: Box): [Point, Point] | undefined {
  if (unit.w1 === 0 && unit.w2 === 0) return undefined;
  const crossings: Point[] = [];
  for (const side of sidesOf(box, unit)) {
    if (side.zp === 0) crossings.push(side.p);
    else if (side.zp * side.zq < 0) crossings.push(crossingOf(side));
  }
  if (crossings.length < 2) return undefined;
  return [crossings[0], crossings[crossings.length - 1]];
}

/** An arrow of length `length` along w/‖w‖ from the middle of the visible boundary: the direction in which z grows. */
export function findNormalArrow(unit: UnitWeights, box: Box, length: number): { x1: number; y1: number; x2: number; y2: number } | undefined {
  const segment = findBoundarySegment(unit, box);
  if (!segment) return undefined;
  const norm = Math.hypot(unit.w1, unit.w2);
  const x1 = (segment[0][0] + segment[1][0]) / 2;
  const y1 = (segment[0][1] + segment[1][1]) / 2;
  return { x1, y1, x2: x1 + (length * unit.w1) / norm, y2: y1 + (length * unit.w2) / norm };
}

/** The four corners of the unit square in truth-table order: (0,0), (0,1), (1,0), (1,1). */
export const GATE_INPUTS: readonly Point[] = [
  [0, 0],
  [0, 1],
  [1, 0],
  [1, 1],
];

/** The name of the logic function whose outputs on (0,0), (0,1), (1,0), (1,1) are `outputs`, e.g. [0,0,0,1] → "AND". */
export function nameGate(outputs: readonly number[], s: Strings = en): string {
  return s.gateName({ outputs: outputs.join("") });
}
