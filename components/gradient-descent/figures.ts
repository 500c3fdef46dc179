/**
 * The chapter's pictures as Observable Plot figures: data in, SVG out. The same functions draw
 * the saved figure at build time (given a document from src/notebook/figureDocument.ts, whose
 * canvas encodes the raster heatmap as a PNG) and the live one in the browser, so they look the same.
 */
import * as Plot from "@observablehq/plot";
import { plotSurface } from "../kit/surfacePlot";
import type { Box, PathPoint } from "./descent";

/** One descent drawn on a surface: its points, its class (gd-plain or gd-heavy, which picks its colour) and its name. */
export interface DrawnPath {
  points: PathPoint[];
  className: string;
  label: string;
}

/** What `plotDescents` draws: descents on a model's error surface. */
export interface DescentFigure {
  document?: Document;
  box: Box;
  /** E on a resolution × resolution grid, row-major from p2Max. */
  values: ArrayLike<number>;
  resolution: number;
  /** The largest E the colour scale shows, so every panel of a set uses the same colours. */
  maxLoss: number;
  paths: DrawnPath[];
  width: number;
  height: number;
  /** "sqrt" spreads the colours of a steep bowl's low values; default "linear". */
  colorType?: "linear" | "sqrt";
}

/**
 * The part of a path a figure needs: up to where it first leaves the box grown by its own size on
 * every side, ending at that edge. A diverging path reaches coordinates like 1e150, and an SVG
 * element that large, though clipped, makes layout-walking tools (axe's contrast check) crawl.
 */
export function trimPath(points: readonly PathPoint[], box: Box): PathPoint[] {
  const dx = box.p1Max - box.p1Min;
  const dy = box.p2Max - box.p2Min;
  const [x0, x1, y0, y1] = [box.p1Min - dx, box.p1Max + dx, box.p2Min - dy, box.p2Max + dy];
  const inside = (p: PathPoint) => p.p1 >= x0 && p.p1 <= x1 && p.p2 >= y0 && p.p2 <= y1;
  const kept: PathPoint[] = [];
  for (const point of points) {
    if (inside(point)) {
      kept.push(point);
      continue;
    }
    const last = kept[kept.length - 1];
    if (last) {
      // The largest fraction t of the step from `last` that stays inside on both axes.
      const limit = (from: number, to: number, low: number, high: number) => (to > high ? (high - from) / (to - from) : to < low ? (low - from) / (to - from) : 1);
      const t = Math.min(limit(last.p1, point.p1, x0, x1), limit(last.p2, point.p2, y0, y1));
      if (Number.isFinite(t)) kept.push({ ...point, p1: last.p1 + t * (point.p1 - last.p1), p2: last.p2 + t * (point.p2 - last.p2) });
    }
    break;
  }
  return kept;
}

/** Path colours: white for plain descent, orange for momentum, both readable on every colour of the surface. */
const PATH_COLOURS: Record<string, string> = { "gd-plain": "#fff", "gd-heavy": "#ff8c42" };

/** The error surface (dark = low E) from the kit's `plotSurface`, with each path as a line of dots from a ringed start. */
export function plotDescents(figure: DescentFigure): SVGSVGElement {
  const { box, paths } = figure;
  const marks = paths.map((path) => ({ ...path, points: trimPath(path.points, box) })).flatMap((path) => {
    const colour = PATH_COLOURS[path.className] ?? "currentColor";
    return [
      Plot.line(path.points, { x: "p1", y: "p2", className: `${path.className} gd-path-line`, stroke: colour, strokeWidth: 1.5 }),
      Plot.dot(path.points, { x: "p1", y: "p2", r: 1.6, className: `${path.className} gd-path-dot`, fill: colour }),
      Plot.dot(path.points.slice(0, 1), { x: "p1", y: "p2", r: 5, className: `${path.className} gd-path-start`, stroke: colour, fill: "none", strokeWidth: 2 }),
    ];
  });
  return plotSurface({
    document: figure.document,
    values: figure.values,
    box: { xMin: box.p1Min, xMax: box.p1Max, yMin: box.p2Min, yMax: box.p2Max },
    resolution: figure.resolution,
    labels: ["w₁", "w₂"],
    color: { type: figure.colorType ?? "linear", scheme: "viridis", domain: [0, figure.maxLoss], clamp: true, label: "E" },
    contours: 12,
    // The marks are hidden from screen readers; the widget's status sentence says what they show.
    ariaLabel: `Error surface over w₁ and w₂, dark where E is low, with ${paths.map((path) => path.label).join(" and ")}`,
    width: figure.width,
    height: figure.height,
    marks,
  });
}

/** One loss curve of the batch comparison. */
export interface DrawnCurve {
  label: string;
  curve: { epoch: number; loss: number }[];
}

/** Loss curves: E over the whole data set against epochs, one line per batch size, on a log scale. */
export function plotLossCurves(options: { document: Document; curves: DrawnCurve[]; epochs: number; width: number; height: number }): SVGSVGElement | HTMLElement {
  const rows = options.curves.flatMap(({ label, curve }) => curve.filter((point) => point.loss > 0 && Number.isFinite(point.loss)).map((point) => ({ ...point, label })));
  return Plot.plot({
    document: options.document,
    width: options.width,
    height: options.height,
    marginLeft: 52,
    marginBottom: 34,
    style: { background: "transparent", fontFamily: "inherit", fontSize: "12px" },
    x: { domain: [0, options.epochs], label: "epoch", labelAnchor: "center", labelOffset: 30 },
    y: { type: "log", label: "E over the whole data set", grid: true, tickFormat: "~g" },
    color: { domain: options.curves.map((curve) => curve.label), range: ["#d9480f", "#1c7ed6", "#2b8a3e"], legend: true },
    ariaLabel: `Loss curves over epochs: ${options.curves.map((curve) => curve.label).join(", ")}`,
    marks: [Plot.line(rows, { x: "epoch", y: "loss", stroke: "label", strokeWidth: 2, ariaHidden: "true" }), Plot.ruleX([0], { strokeOpacity: 0.3, ariaHidden: "true" })],
  }) as SVGSVGElement | HTMLElement;
}
