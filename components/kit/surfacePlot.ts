/**
 * The one surface figure: a function of two numbers sampled on a grid, drawn as a heatmap with
 * white contours and a frame, one image with one name. Chapter 2 draws its error surfaces and
 * shapes with it, chapter 3 its descents on top of it (as `marks`).
 */
import * as Plot from "@observablehq/plot";
import { asImage } from "./charts";

/** A rectangle of the plane sampled at resolution × resolution points, row-major from yMax. */
export interface SurfaceBox {
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
}

/** What `plotSurface` draws. */
export interface SurfacePlotOptions {
  /** The values, resolution × resolution, row-major from yMax (as the engine's `evaluateLossSurface` writes them). */
  values: ArrayLike<number>;
  box: SurfaceBox;
  resolution: number;
  /** Axis labels, across then up, e.g. ["w₁", "w₂"]. */
  labels: [string, string];
  /** The colour scale: e.g. `{ type: "threshold", domain: thresholds, scheme: "viridis" }` or a clamped linear one. */
  color: Plot.ScaleOptions;
  /** Contour heights, or how many Plot should choose. */
  contours: number | number[];
  /** What the figure shows, for screen readers (the marks themselves are hidden from them). */
  ariaLabel: string;
  width: number;
  height: number;
  /** Marks drawn over the surface, e.g. a descent's path. */
  marks?: Plot.Markish[];
  /** The server's document from `createFigureDocument()`; the page's own when omitted. */
  document?: Document;
}

/** The surface as a Plot figure (an svg with Plot's `scale()`), drawn the same on the server and in the page. */
export function plotSurface(options: SurfacePlotOptions): SVGSVGElement {
  const { box, values, resolution, labels } = options;
  const area = { x1: box.xMin, x2: box.xMax, y1: box.yMax, y2: box.yMin, width: resolution, height: resolution };
  return asImage(Plot.plot({
    document: options.document,
    width: options.width,
    height: options.height,
    marginLeft: 40,
    marginBottom: 36,
    marginTop: 24,
    marginRight: 12,
    ariaLabel: options.ariaLabel,
    style: { background: "transparent", fontFamily: "inherit", fontSize: "12px", overflow: "visible" },
    x: { domain: [box.xMin, box.xMax], label: labels[0], labelAnchor: "center", labelOffset: 30, ticks: 5 },
    y: { domain: [box.yMin, box.yMax], label: labels[1], labelAnchor: "center", ticks: 5 },
    color: options.color,
    clip: true,
    marks: [
      Plot.raster(values as number[], { ...area, fill: (value: number) => value, imageRendering: "auto" }),
      Plot.contour(values as number[], { ...area, thresholds: options.contours, blur: 0, stroke: "white", strokeOpacity: 0.5, strokeWidth: 0.8 }),
      Plot.frame({ stroke: "currentColor", strokeOpacity: 0.35 }),
      ...(options.marks ?? []),
    ],
  }) as SVGSVGElement);
}
