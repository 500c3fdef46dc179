/**
 * The chapter's figures as Observable Plot charts: data in, picture out. The same functions draw
 * the saved figure at build time (given a document from `createFigureDocument`, whose canvas
 * encodes the raster as a PNG) and the live one in the browser, so the two look the same.
 */
import * as Plot from "@observablehq/plot";
import { INPUT_BOX, type WeightBox } from "./lossSurface";
import { asImage } from "../kit/charts";
import { plotSurface } from "../kit/surfacePlot";

/** The side of every square plot, in SVG units (CSS scales it to the column). */
export const PLOT_SIZE = 300;
/** Grid side of every surface: 61² evaluations, a few frames of work in a browser, finer than the contours need. */
export const SURFACE_RESOLUTION = 61;
/** Grid side of the fit plot's shading. */
export const OUTPUT_RESOLUTION = 41;
const MARGINS = { marginLeft: 40, marginBottom: 36, marginTop: 24, marginRight: 12 };

/**
 * Contour heights evenly spaced at a round step (1, 2, 2.5 or 5 × 10^k) giving about `count` lines,
 * strictly inside the range of `values`. Even spacing is what makes crowded contours mean "steep".
 */
export function chooseThresholds(values: ArrayLike<number>, count = 9): number[] {
  let low = Infinity;
  let high = -Infinity;
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) continue;
    if (values[i] < low) low = values[i];
    if (values[i] > high) high = values[i];
  }
  if (!(high > low)) return [];
  const raw = (high - low) / (count + 1);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = power * ([1, 2, 2.5, 5, 10].find((factor) => factor * power >= raw) ?? 10);
  const thresholds: number[] = [];
  for (let k = Math.floor(low / step) + 1; k * step < high; k++) thresholds.push(Number((k * step).toPrecision(12)));
  return thresholds;
}

/** The threshold colour scale shared by a surface and its legend. */
export function surfaceColor(thresholds: number[], label: string): Plot.ScaleOptions {
  return { type: "threshold", domain: thresholds, scheme: "viridis", label };
}

/** What a surface plot needs: its values (row-major from w2Max), its box, and axis labels. */
export interface SurfaceFigure {
  values: ArrayLike<number>;
  box: WeightBox;
  thresholds: number[];
  xLabel: string;
  yLabel: string;
  document?: Document;
  ariaLabel: string;
}

/** A surface in the chapter's look: the kit's `plotSurface` with viridis bands at `thresholds` and a contour on each. */
export function plotBandedSurface(figure: SurfaceFigure): SVGSVGElement {
  const { box, thresholds } = figure;
  return plotSurface({
    document: figure.document,
    values: figure.values,
    box: { xMin: box.w1Min, xMax: box.w1Max, yMin: box.w2Min, yMax: box.w2Max },
    resolution: box.resolution,
    labels: [figure.xLabel, figure.yLabel],
    color: surfaceColor(thresholds, "E"),
    contours: thresholds,
    ariaLabel: figure.ariaLabel,
    width: PLOT_SIZE,
    height: PLOT_SIZE,
  });
}

/** The colour legend of a surface: which colour is which error band. */
export function plotSurfaceLegend(thresholds: number[], label: string, document?: Document): Element {
  // Plot's legend reads `document` at run time, like plot(), though its types do not list it.
  const options: Plot.LegendScales & { document?: Document } = {
    document, color: surfaceColor(thresholds, label), width: PLOT_SIZE, tickFormat: (d: number) => String(d), style: { background: "transparent" },
  };
  const legend = asImage(Plot.legend(options));
  legend.setAttribute("aria-label", `Colour key of ${label}: bands from ${thresholds[0]} to ${thresholds[thresholds.length - 1]}`);
  return legend;
}

/** What the fit plot needs: the unit's output over the input plane, the examples and the current weights. */
export interface FitFigure {
  outputs: ArrayLike<number>;
  resolution: number;
  examples: { x1: number; x2: number; t: number }[];
  boundary: [{ x1: number; x2: number }, { x1: number; x2: number }] | null;
  document?: Document;
  ariaLabel: string;
}

/** The data in the input plane over the shading y = σ(w1·x1 + w2·x2), with the line y = ½. */
export function plotFit(figure: FitFigure): SVGSVGElement | HTMLElement {
  const { x1Min, x1Max, x2Min, x2Max } = INPUT_BOX;
  const shading = Plot.raster(figure.outputs as number[], { x1: x1Min, x2: x1Max, y1: x2Max, y2: x2Min, width: figure.resolution, height: figure.resolution, fill: (y: number) => y });
  const classOne = figure.examples.filter((example) => example.t === 1);
  const classZero = figure.examples.filter((example) => example.t !== 1);
  return asImage(Plot.plot({
    document: figure.document,
    width: PLOT_SIZE,
    height: PLOT_SIZE,
    ...MARGINS,
    ariaLabel: figure.ariaLabel,
    style: { background: "transparent", fontSize: "12px" },
    x: { domain: [x1Min, x1Max], label: "x₁", ticks: 5 },
    y: { domain: [x2Min, x2Max], label: "x₂", ticks: 5 },
    // Light tints at both ends, opaque, so the dark class colours stand out in light and dark themes alike.
    color: { type: "linear", domain: [0, 0.5, 1], range: ["#b7a9dc", "#f7f7f7", "#f8b97a"] },
    marks: [
      shading,
      // The line is dark in both themes because the shading under it is light in both.
      figure.boundary ? Plot.line(figure.boundary, { x: "x1", y: "x2", stroke: "#1f2328", strokeWidth: 2, clip: true }) : null,
      Plot.dot(classZero, { x: "x1", y: "x2", symbol: "square", r: 3.5, fill: "#3f2a7a", stroke: "white", strokeWidth: 0.8 }),
      Plot.dot(classOne, { x: "x1", y: "x2", symbol: "circle", r: 3.5, fill: "#b34a00", stroke: "white", strokeWidth: 0.8 }),
      Plot.frame({ stroke: "currentColor", strokeOpacity: 0.3 }),
    ],
  }));
}
