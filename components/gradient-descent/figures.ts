/**
 * The chapter's pictures as Observable Plot figures: data in, SVG out. The same functions draw
 * the saved figure at build time (given a document from src/notebook/figureDocument.ts, whose
 * canvas encodes the raster heatmap as a PNG) and the live one in the browser, so they look the same.
 */
import * as Plot from "@observablehq/plot";
import type { Box, PathPoint } from "./descent";

/** One descent drawn on a surface: its points and the CSS class that colours it. */
export interface DrawnPath {
  points: PathPoint[];
  className: string;
  label: string;
}

/** What `plotSurface` draws. */
export interface SurfaceFigure {
  document: Document;
  box: Box;
  /** E on a resolution × resolution grid, row-major from p2Max. */
  values: ArrayLike<number>;
  resolution: number;
  /** The largest E the colour scale shows, so every panel of a set uses the same colours. */
  maxLoss: number;
  paths: DrawnPath[];
  names: [string, string];
  width: number;
  height: number;
  /** "sqrt" spreads the colours of a steep bowl's low values; default "linear". */
  colorType?: "linear" | "sqrt";
  /** Colour scale legend (off for small multiples). */
  legend?: boolean;
  title?: string;
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

/** The error surface as a heatmap (dark = low E) with contours, and each path as a line of dots. */
export function plotSurface(figure: SurfaceFigure): SVGSVGElement | HTMLElement {
  const { box, values, resolution, paths, names } = figure;
  const area = { x1: box.p1Min, x2: box.p1Max, y1: box.p2Max, y2: box.p2Min, width: resolution, height: resolution };
  const background = [
    Plot.raster(values, { ...area, fill: (value: number) => value, interpolate: "nearest", imageRendering: "auto", ariaHidden: "true" }),
    Plot.contour(values, { ...area, stroke: "white", strokeOpacity: 0.35, strokeWidth: 0.7, thresholds: 12, blur: 0, ariaHidden: "true" }),
  ];
  const pathMarks = paths.map((path) => ({ ...path, points: trimPath(path.points, box) })).flatMap((path) => [
    Plot.line(path.points, { x: "p1", y: "p2", className: `${path.className} gd-path-line`, strokeWidth: 1.5, ariaHidden: "true" }),
    Plot.dot(path.points, { x: "p1", y: "p2", r: 1.6, className: `${path.className} gd-path-dot`, ariaHidden: "true" }),
    Plot.dot(path.points.slice(0, 1), { x: "p1", y: "p2", r: 5, className: `${path.className} gd-path-start`, strokeWidth: 2, ariaHidden: "true" }),
  ]);
  return Plot.plot({
    document: figure.document,
    width: figure.width,
    height: figure.height,
    marginLeft: 40,
    marginBottom: 34,
    title: figure.title,
    // The marks are hidden from screen readers (a labelled <g> has no role); the widget's status sentence says what they show.
    ariaLabel: `Error surface over ${names[0]} and ${names[1]}, dark where E is low, with ${paths.map((path) => path.label).join(" and ")}`,
    style: { background: "transparent", fontFamily: "inherit", fontSize: "12px", overflow: "visible" },
    x: { domain: [box.p1Min, box.p1Max], label: names[0], labelAnchor: "center", labelOffset: 30, ticks: 5 },
    y: { domain: [box.p2Min, box.p2Max], label: names[1], labelAnchor: "center", ticks: 5 },
    color: { type: figure.colorType ?? "linear", scheme: "viridis", domain: [0, figure.maxLoss], clamp: true, label: "E", legend: figure.legend ?? false },
    clip: true,
    marks: [...background, Plot.frame({ stroke: "currentColor", strokeOpacity: 0.4, ariaHidden: "true" }), ...pathMarks],
  }) as SVGSVGElement | HTMLElement;
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

/** "0.0123" or "1.2e-5": numbers for status lines, short but honest. */
export function formatNumber(value: number): string {
  if (Number.isNaN(value)) return "NaN";
  if (!Number.isFinite(value)) return value > 0 ? "Infinity" : "−Infinity";
  if (value === 0) return "0";
  const size = Math.abs(value);
  const text = size >= 1e5 || size < 1e-3 ? value.toExponential(2) : String(Number(value.toPrecision(3)));
  return text.replace(/-/g, "−");
}
