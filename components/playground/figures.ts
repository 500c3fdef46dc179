/**
 * The playground's figures with Observable Plot: data in, SVG out. They take the `document` to draw
 * in, so the same functions render the saved view at build time (linkedom) and the live one.
 * Colours of points, edges and lines come from CSS classes (so both themes work without redrawing);
 * only the heatmap's colour ramp needs concrete colours, passed in as a `Palette`.
 */
import * as Plot from "@observablehq/plot";
import type { Dataset, GridBox } from "../../src/engine/index.ts";
import { asImage } from "../kit/charts";
import { edgeWidth, toSubscript, toSuperscript, type DiagramEdge, type DiagramNode } from "./diagram";
import { centredEdges, createSvg, renderShadedCells } from "./shadedCells";
import type { GradientRecord, LossRecord } from "./session";
import { en } from "../../src/i18n/en";
import type { Strings } from "../../src/i18n/types";

/** A data point for the plots: inputs and class. */
export interface PointRow {
  x1: number;
  x2: number;
  t: number;
}

/** A data set's examples as plot rows; none for a missing set. */
export function toPointRows(dataset: Dataset | null): PointRow[] {
  return dataset ? Array.from({ length: dataset.count }, (_, i) => ({ x1: dataset.inputs[2 * i], x2: dataset.inputs[2 * i + 1], t: dataset.targets[i] })) : [];
}

/** Concrete colours for the heatmap: class 0, the paper between, class 1, and the boundary line. */
export interface Palette {
  class0: string;
  paper: string;
  class1: string;
  ink: string;
}

/** The light theme's colours, used when no page is there to ask (and as fallbacks). */
export const LIGHT_PALETTE: Palette = { class0: "#a4461f", paper: "#ffffff", class1: "#1c4f8c", ink: "#1f2328" };

/** Parses "#rgb", "#rrggbb" or "rgb(r, g, b)" into [r, g, b]; undefined otherwise. */
export function parseColor(text: string): [number, number, number] | undefined {
  const value = text.trim();
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(value);
  if (hex) {
    const digits = hex[1].length === 3 ? [...hex[1]].map((d) => d + d).join("") : hex[1];
    return [0, 2, 4].map((i) => parseInt(digits.slice(i, i + 2), 16)) as [number, number, number];
  }
  const rgb = /^rgba?\(\s*(\d+)[ ,]+(\d+)[ ,]+(\d+)/i.exec(value);
  return rgb ? [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])] : undefined;
}

/** The colour a share `amount` of the way from `from` to `to`, as "rgb(r, g, b)". */
export function mixColors(from: string, to: string, amount: number): string {
  const a = parseColor(from) ?? [255, 255, 255];
  const b = parseColor(to) ?? [0, 0, 0];
  const mixed = a.map((channel, i) => Math.round(channel + (b[i] - channel) * amount));
  return `rgb(${mixed.join(", ")})`;
}

/** How far the hidden units' thumbnails mix from the paper toward a class colour at the ends of their range. */
export const RAMP_STRENGTH = 0.85;

/** How far the heatmap mixes from the paper (y = ½) toward a class colour at y = 0 and y = 1. */
export const HEATMAP_STRENGTH = 0.55;

/** 256 RGBA entries from class 0 (index 0) through paper (127.5) to class 1 (255), for canvas thumbnails. */
export function buildRamp(palette: Palette, strength = RAMP_STRENGTH): Uint8ClampedArray {
  const ramp = new Uint8ClampedArray(256 * 4);
  const paper = parseColor(palette.paper) ?? [255, 255, 255];
  const low = parseColor(palette.class0) ?? [164, 70, 31];
  const high = parseColor(palette.class1) ?? [28, 79, 140];
  for (let i = 0; i < 256; i++) {
    const s = (i - 127.5) / 127.5; // −1 … 1
    const end = s < 0 ? low : high;
    const amount = Math.abs(s) * strength;
    for (let c = 0; c < 3; c++) ramp[4 * i + c] = Math.round(paper[c] + (end[c] - paper[c]) * amount);
    ramp[4 * i + 3] = 255;
  }
  return ramp;
}

/** Points a side at which y is sampled for the heatmap: 48² forward passes fit a frame's drawing budget. */
export const DECISION_RESOLUTION = 48;

/** Margins shared by the plane and its heatmap, so the two layers line up pixel for pixel. */
const PLANE_MARGINS = { marginLeft: 36, marginBottom: 34, marginTop: 22, marginRight: 10 };

interface PlaneOptions {
  document: Document;
  width: number;
  box: GridBox;
  train: PointRow[];
  test: PointRow[];
  /** The keyboard cursor for adding points, when the custom data set is active. */
  cursor?: { x1: number; x2: number } | null;
  /** The language of the labels; default English. */
  strings?: Strings;
}

/** The data plane's top layer: axes, training points filled, test points hollow, and the keyboard cursor. */
export function plotPlane(options: PlaneOptions): SVGSVGElement | HTMLElement {
  const { document, width, box, train, test, cursor } = options;
  const marks: Plot.Markish[] = [];
  // The points are described by the SVG's label and the status line, so each mark's own group is hidden from screen readers.
  for (const t of [0, 1]) {
    marks.push(Plot.dot(train.filter((point) => point.t === t), { x: "x1", y: "x2", r: 3.5, strokeWidth: 1, className: `pg-train-${t}`, ariaHidden: "true" }));
    marks.push(Plot.dot(test.filter((point) => point.t === t), { x: "x1", y: "x2", r: 3.5, strokeWidth: 1.6, className: `pg-test-${t}`, ariaHidden: "true" }));
  }
  if (cursor) marks.push(Plot.dot([cursor], { x: "x1", y: "x2", r: 8, symbol: "plus", strokeWidth: 2, className: "pg-cursor", ariaHidden: "true" }));
  return asImage(Plot.plot({
    document,
    width,
    height: width,
    ...PLANE_MARGINS,
    x: { domain: [box.xMin, box.xMax], label: "x₁", ticks: 5 },
    y: { domain: [box.yMin, box.yMax], label: "x₂", ticks: 5 },
    marks,
  }), (options.strings ?? en).pgPlaneLabel);
}

/** The heatmap's frame: the plane's, without axes, so the two layers line up. */
function heatmapFrame(width: number, box: GridBox) {
  return { width, height: width, ...PLANE_MARGINS, axis: null, x: { domain: [box.xMin, box.xMax] }, y: { domain: [box.yMin, box.yMax] } };
}

/** Where Plot's dense raster and contour put evaluateGrid's values (top row first). */
function denseGrid(box: GridBox) {
  const { xMin, xMax, yMin, yMax, resolution } = box;
  // evaluateGrid samples the box's corners; Plot's dense grids put values at cell centres, so widen by half a cell.
  const dx = (xMax - xMin) / (resolution - 1) / 2;
  const dy = (yMax - yMin) / (resolution - 1) / 2;
  return { width: resolution, height: resolution, x1: xMin - dx, x2: xMax + dx, y1: yMax + dy, y2: yMin - dy };
}

/** y = ½ as a line over the grid's values. */
function boundaryMark(box: GridBox, values: ArrayLike<number>, stroke: string): Plot.Markish {
  return Plot.contour(values as number[], { ...denseGrid(box), value: (v: number) => v, interpolate: "none", thresholds: [0.5], fill: "none", stroke, strokeWidth: 1.5, clip: true });
}

/** The data plane's bottom layer: y over the box as a Plot raster, and the decision boundary y = ½ as a contour. */
export function plotHeatmap(options: { document: Document; width: number; box: GridBox; values: ArrayLike<number>; palette: Palette; strings?: Strings }): SVGSVGElement | HTMLElement {
  const { document, width, box, values, palette } = options;
  return asImage(Plot.plot({
    document,
    ...heatmapFrame(width, box),
    color: {
      type: "linear",
      domain: [0, 0.5, 1],
      range: [mixColors(palette.paper, palette.class0, HEATMAP_STRENGTH), palette.paper, mixColors(palette.paper, palette.class1, HEATMAP_STRENGTH)],
      clamp: true,
    },
    marks: [
      Plot.raster(values as number[], { ...denseGrid(box), fill: (v: number) => v, interpolate: "none", clip: true }),
      boundaryMark(box, values, palette.ink),
    ],
  }), (options.strings ?? en).pgHeatmapLabel);
}

/** The same heatmap without a canvas, for the saved view: shaded SVG cells in the theme's colours and the boundary in its ink. */
export function plotSavedHeatmap(options: { document: Document; width: number; box: GridBox; values: ArrayLike<number>; strings?: Strings }): SVGSVGElement | HTMLElement {
  const { document, width, box, values } = options;
  const shades = Array.from(values, (v) => HEATMAP_STRENGTH * (2 * v - 1));
  const cells = (_index: number[], scales: { x: (value: number) => number; y: (value: number) => number }) => {
    const [left, right, top, bottom] = [scales.x(box.xMin), scales.x(box.xMax), scales.y(box.yMax), scales.y(box.yMin)];
    // A blur of half a cell smooths the cells' steps as the browser's upscaling smooths the live raster; the frame clips the spill.
    const filter = createSvg(document, "filter", { id: "pg-heatmap-blur" });
    filter.append(createSvg(document, "feGaussianBlur", { stdDeviation: (right - left) / (box.resolution - 1) / 2 }));
    const clip = createSvg(document, "clipPath", { id: "pg-heatmap-frame" });
    clip.append(createSvg(document, "rect", { x: left, y: top, width: right - left, height: bottom - top }));
    const defs = createSvg(document, "defs");
    defs.append(filter, clip);
    const shaded = renderShadedCells(document, shades, centredEdges(box.resolution, left, right, 2), centredEdges(box.resolution, top, bottom, 2));
    shaded.setAttribute("filter", "url(#pg-heatmap-blur)");
    const clipped = createSvg(document, "g", { "clip-path": "url(#pg-heatmap-frame)" });
    clipped.append(shaded);
    const layer = createSvg(document, "g");
    layer.append(defs, clipped);
    return layer;
  };
  return asImage(Plot.plot({
    document,
    ...heatmapFrame(width, box),
    marks: [cells as unknown as Plot.Markish, boundaryMark(box, values, "currentColor")],
  }), (options.strings ?? en).pgHeatmapLabel);
}

/** The network: units as circles, each weight as a line coloured by its sign (dashed when negative) and as wide as |w|. */
export function plotNetwork(options: { document: Document; width: number; nodes: DiagramNode[]; edges: DiagramEdge[]; strings?: Strings }): SVGSVGElement | HTMLElement {
  const s = options.strings ?? en;
  const { document, width, nodes, edges } = options;
  const layers = Math.max(...nodes.map((node) => node.l));
  const tallest = Math.max(...nodes.map((node) => Math.abs(node.y)));
  const output = nodes.filter((node) => node.l === layers);
  const edgeMarks = (sign: "positive" | "negative") =>
    Plot.link(edges.filter((edge) => (sign === "positive" ? edge.w >= 0 : edge.w < 0)), {
      x1: "x1", y1: "y1", x2: "x2", y2: "y2",
      strokeWidth: (edge: DiagramEdge) => edgeWidth(edge.w),
      strokeOpacity: 0.8,
      strokeDasharray: sign === "negative" ? "4,2" : undefined,
      className: `pg-edge-${sign}`,
      title: (edge: DiagramEdge) => `${edge.label} = ${edge.w.toFixed(3)}`,
    });
  return asImage(Plot.plot({
    document,
    width,
    height: Math.max(140, 36 * (2 * tallest + 1) + 30),
    margin: 20,
    marginRight: 70,
    x: { axis: null, domain: [-0.15, layers + 0.15] },
    y: { axis: null, domain: [tallest + 0.5, -tallest - 0.5] },
        marks: [
      edgeMarks("positive"),
      edgeMarks("negative"),
      Plot.dot(nodes, {
        x: "x", y: "y", r: 11, strokeWidth: 1.5, className: "pg-node",
        title: (node: DiagramNode) => (node.l === 0 ? s.pgInputNode({ label: node.label }) : s.pgBiasNode({ label: node.label, bias: `b${toSuperscript(node.l)}${toSubscript(node.j + 1)}`, value: node.bias.toFixed(3) })),
      }),
      Plot.text(nodes, { x: "x", y: "y", text: "label", fontSize: 10, className: "pg-node-label" }),
      Plot.text(output, { x: "x", y: "y", dx: 16, textAnchor: "start", fontSize: 11, text: (node: DiagramNode) => `b${toSuperscript(layers)} = ${node.bias.toFixed(2)}`, className: "pg-output-bias" }),
    ],
  }), s.pgNetworkLabel({ layers }));
}

function positiveOnly(value: number): boolean {
  return Number.isFinite(value) && value > 0;
}

/** Training and test loss against steps, on a log scale. */
export function plotLosses(options: { document: Document; width: number; losses: LossRecord[]; strings?: Strings }): SVGSVGElement | HTMLElement {
  const s = options.strings ?? en;
  const { document, width, losses } = options;
  const train = losses.filter((row) => positiveOnly(row.trainLoss));
  const test = losses.filter((row) => positiveOnly(row.testLoss));
  return asImage(Plot.plot({
    document,
    width,
    height: 190,
    marginLeft: 48,
    marginRight: 12,
    x: { label: s.trainAxisStep, domain: [0, Math.max(10, ...losses.map((row) => row.step))] },
    // A log axis needs two distinct values; before training there is one loss, so show a fixed decade range.
    y: { type: "log", label: s.pgAxisLoss, grid: true, ...(train.length < 2 ? { domain: [0.01, 1] } : {}) },
        marks: [
      Plot.line(train, { x: "step", y: "trainLoss", strokeWidth: 2, className: "pg-line-train" }),
      Plot.line(test, { x: "step", y: "testLoss", strokeWidth: 2, strokeDasharray: "5,3", className: "pg-line-test" }),
    ],
  }), s.pgLossesLabel);
}

/** RMS of ∂E/∂W^l per layer against steps, on a log scale: vanishing gradients show as lines far below the last layer's. */
export function plotGradients(options: { document: Document; width: number; gradients: GradientRecord[]; layers: number; strings?: Strings }): SVGSVGElement | HTMLElement {
  const s = options.strings ?? en;
  const { document, width, gradients, layers } = options;
  const marks: Plot.Markish[] = [];
  const lastStep = Math.max(10, ...gradients.map((row) => row.step));
  for (let l = 1; l <= layers; l++) {
    const rows = gradients.map((row) => ({ step: row.step, rms: row.rms[l - 1] })).filter((row) => positiveOnly(row.rms));
    marks.push(Plot.line(rows, { x: "step", y: "rms", strokeWidth: 1.8, className: `pg-layer pg-layer-${l}` }));
    const last = rows[rows.length - 1];
    if (last) marks.push(Plot.text([last], { x: "step", y: "rms", text: () => `W${toSuperscript(l)}`, dx: 4, textAnchor: "start", fontSize: 11, className: `pg-layer-label pg-layer-${l}` }));
  }
  const any = gradients.some((row) => row.rms.some(positiveOnly));
  return asImage(Plot.plot({
    document,
    width,
    height: 190,
    marginLeft: 48,
    marginRight: 30,
    x: { label: s.trainAxisStep, domain: [0, lastStep] },
    y: { type: "log", label: s.pgAxisRms, grid: true, ...(any ? {} : { domain: [1e-4, 1] }) },
    marks,
  }), s.pgGradientsLabel);
}
