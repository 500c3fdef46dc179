/** Draws the lab's plane and its mistakes-per-epoch chart with Observable Plot, from plain data, in Node or the browser. */
import * as Plot from "@observablehq/plot";
import { asImage } from "../kit/charts";
import type { PlotFigure } from "../kit/pointer";
import { findBoundarySegment, findNormalArrow, findPositiveRegion, type Box, type Point, type UnitWeights } from "./geometry";
import type { LabPoint } from "./lab";
import { en } from "../../src/i18n/en";
import type { Strings } from "../../src/i18n/types";

/** What the plane shows: the box, the unit, the examples, and the rings and crosshair the widget adds. */
export interface PlaneScene {
  box: Box;
  unit: UnitWeights;
  points: readonly LabPoint[];
  /** The example the next step visits. */
  next?: number;
  /** The example the last step visited, and whether the unit got it wrong. */
  last?: { index: number; mistake: boolean };
  /** Where the keyboard's crosshair is, when it is shown. */
  crosshair?: Point;
  /** Whether to draw the arrow along w from the middle of the line (default true). */
  normal?: boolean;
  /** Extra marks drawn on top, e.g. the four gate corners' outputs. */
  extraMarks?: Plot.Markish[];
  width: number;
  ariaLabel: string;
}

/** A figure drawn by Plot, with its scales, which map data to the figure's own pixels and back (as the kit's pickPoint reads them). */
export type ScaledFigure = ReturnType<typeof Plot.plot> & PlotFigure;

/** The plane as an SVG element: shaded "y = 1" half, the line w·x + b = 0, the arrow along w, the examples. */
export function drawPlane(document: Document, scene: PlaneScene): ScaledFigure {
  const { box, unit, points } = scene;
  const region = findPositiveRegion(unit, box);
  const segment = findBoundarySegment(unit, box);
  const arrow = scene.normal === false ? undefined : findNormalArrow(unit, box, (box.xMax - box.xMin) / 8);
  const positives = points.filter((point) => point.target === 1);
  const negatives = points.filter((point) => point.target === 0);
  const ring = (index: number | undefined) => (index === undefined || !points[index] ? [] : [points[index]]);
  const marks: Plot.Markish[] = [
    region.length ? Plot.line(region, { fill: "currentColor", stroke: null, className: "pl-region" }) : null,
    Plot.ruleX([0], { className: "pl-axis" }),
    Plot.ruleY([0], { className: "pl-axis" }),
    segment ? Plot.line(segment, { strokeWidth: 2.5, className: "pl-boundary" }) : null,
    arrow ? Plot.arrow([arrow], { x1: "x1", y1: "y1", x2: "x2", y2: "y2", strokeWidth: 2, headLength: 10, className: "pl-normal" }) : null,
    Plot.dot(negatives, { x: "x1", y: "x2", r: 5, symbol: "square", strokeWidth: 2, className: "pl-class0" }),
    Plot.dot(positives, { x: "x1", y: "x2", r: 5.5, symbol: "circle", strokeWidth: 1.5, className: "pl-class1" }),
    Plot.dot(ring(scene.next), { x: "x1", y: "x2", r: 10, strokeWidth: 2, strokeDasharray: "3 2", className: "pl-next" }),
    scene.last ? Plot.dot(ring(scene.last.index), { x: "x1", y: "x2", r: 10, strokeWidth: 2.5, className: scene.last.mistake ? "pl-last-mistake" : "pl-last-right" }) : null,
    scene.crosshair ? Plot.dot([scene.crosshair], { x: (p: Point) => p[0], y: (p: Point) => p[1], r: 9, symbol: "plus", strokeWidth: 2.5, className: "pl-crosshair" }) : null,
    ...(scene.extraMarks ?? []),
  ];
  const size = Math.max(220, Math.min(scene.width, 520));
  return asImage(Plot.plot({
    document,
    width: size,
    height: size,
    // Room for "−1.5" and its tick at 12 px; at 36 the minus sign stood outside the figure.
    marginLeft: 40,
    marginBottom: 34,
    marginTop: 26,
    marginRight: 14,
    style: { background: "transparent", color: "inherit", fontSize: "12px" },
    ariaLabel: scene.ariaLabel,
    x: { domain: [box.xMin, box.xMax], label: "x₁", labelAnchor: "right", ticks: 6 },
    y: { domain: [box.yMin, box.yMax], label: "x₂", labelAnchor: "top", ticks: 6 },
    marks: marks.filter((mark) => mark !== null),
  })) as ScaledFigure;
}

/** The bar chart of mistakes in each finished epoch. */
export function drawMistakes(document: Document, mistakesPerEpoch: readonly number[], width: number, s: Strings = en): SVGSVGElement | HTMLElement {
  const epochs = mistakesPerEpoch.map((mistakes, i) => ({ epoch: i + 1, mistakes }));
  const last = Math.max(10, epochs.length);
  return asImage(Plot.plot({
    document,
    width: Math.max(220, Math.min(width, 520)),
    height: 140,
    marginLeft: 36,
    marginBottom: 34,
    marginTop: 24,
    style: { background: "transparent", color: "inherit", fontSize: "12px" },
    ariaLabel: s.labMistakesChart,
    x: { domain: [1, last + 1], label: s.labAxisEpoch, labelAnchor: "right", ticks: Math.min(10, last) },
    y: { label: s.labAxisMistakes, labelAnchor: "top", domain: [0, Math.max(4, ...mistakesPerEpoch)], ticks: 4 },
    marks: [
      Plot.rectY(epochs, { x1: "epoch", x2: (d: { epoch: number }) => d.epoch + 0.85, y: "mistakes", className: "pl-bars" }),
      Plot.ruleY([0]),
      epochs.length === 0 ? Plot.text([s.labNoEpochYet], { frameAnchor: "middle", className: "pl-note" }) : null,
    ].filter((mark) => mark !== null),
  }));
}
