/**
 * Plot figures for a training run, from plain data. The same functions draw the saved SVG at build
 * time (cells: raster needs a canvas, which linkedom lacks) and the live figures (raster).
 */
import * as Plot from "@observablehq/plot";
import type { BoundarySample, DataPoint } from "./trainingRun";
import { en } from "../../i18n/en";
import type { Strings } from "../../i18n/types";

/** How to draw the boundary: a raster in the browser, a grid of cells in saved SVG. */
export type BoundaryStyle = "raster" | "cells";

const SIZE = 280;

/** The decision-boundary heatmap with the data points on top. */
export function plotBoundary(sample: BoundarySample, points: DataPoint[], style: BoundaryStyle, document?: Document, s: Strings = en): SVGSVGElement | HTMLElement {
  const { resolution, extent, values } = sample;
  const step = (2 * extent) / (resolution - 1);
  const heat =
    style === "raster"
      ? Plot.raster(values, { width: resolution, height: resolution, x1: -extent, x2: extent, y1: extent, y2: -extent, fill: (d: number) => d, interpolate: "nearest" })
      : Plot.rect(
          Array.from(values, (value, index) => ({ value, column: index % resolution, row: Math.floor(index / resolution) })),
          {
            x1: (d) => -extent + d.column * step - step / 2,
            x2: (d) => -extent + d.column * step + step / 2,
            y1: (d) => extent - d.row * step + step / 2,
            y2: (d) => extent - d.row * step - step / 2,
            fill: "value",
          },
        );
  return asImage(Plot.plot({
    document,
    width: SIZE,
    height: SIZE,
    x: { domain: [-extent, extent], label: "x₁" },
    y: { domain: [-extent, extent], label: "x₂" },
    color: { type: "linear", domain: [0, 1], scheme: "rdbu", legend: false },
    marks: [
      heat,
      Plot.dot(points, { x: "x", y: "y", r: 3.5, fill: (d: DataPoint) => (d.label > 0.5 ? "#b2182b" : "#2166ac"), stroke: "white", strokeWidth: 1 }),
    ],
    ariaLabel: s.trainBoundaryLabel,
  }));
}

/** The loss per step, on a log scale. */
export function plotLoss(points: { step: number; loss: number }[], document?: Document, s: Strings = en): SVGSVGElement | HTMLElement {
  const finite = points.filter((p) => p.loss > 0 && Number.isFinite(p.loss));
  return asImage(Plot.plot({
    document,
    width: SIZE + 40,
    height: SIZE,
    x: { label: s.trainAxisStep, domain: [0, Math.max(10, finite.at(-1)?.step ?? 10)] },
    y: { type: "log", label: s.trainAxisLoss, grid: true, domain: finite.length > 1 ? undefined : [1e-3, 1] },
    marks: [Plot.lineY(finite, { x: "step", y: "loss", stroke: "currentColor" }), Plot.ruleY([finite.at(-1)?.loss ?? 1], { strokeOpacity: 0 })],
    ariaLabel: s.trainLossLabel,
  }));
}

/**
 * A chart is one labelled image for assistive technology (as in the error-surface chapter's plots): Plot's labels on
 * each mark's group are prohibited on a group without a role, and would be read as noise.
 */
function asImage<T extends Element>(chart: T): T {
  chart.setAttribute("role", "img");
  for (const child of chart.querySelectorAll("[aria-label]")) child.removeAttribute("aria-label");
  return chart;
}
