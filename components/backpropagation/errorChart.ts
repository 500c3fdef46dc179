/** The worked example's error against the number of update steps, as an Observable Plot figure. */
import * as Plot from "@observablehq/plot";
import type { TrainingCheckpoint } from "./workedExample";
import { asImage, logTicks } from "../kit/charts";
import { formatNumber } from "../kit/formatNumber";

/** Draws E after each checkpointed step on log–log axes (step 0 is left to the table); `document` is createFigureDocument's at build time. */
export function plotErrorCurve(checkpoints: readonly TrainingCheckpoint[], document?: Document): SVGSVGElement | HTMLElement {
  const points = checkpoints.filter((point) => point.step >= 1 && point.error > 0 && Number.isFinite(point.error));
  const last = points[points.length - 1];
  const description = last ? `Total error against update steps on log–log axes, falling to ${formatNumber(last.error)} after ${last.step} steps` : "Total error against update steps: no finite values to draw";
  const chart = Plot.plot({
    document,
    width: 460,
    height: 250,
    marginLeft: 64,
    marginBottom: 40,
    style: { background: "transparent", color: "currentColor", fontSize: "12px" },
    x: { type: "log", label: "update steps →", domain: [1, 10000], grid: true },
    y: { type: "log", label: "↑ total error E", grid: true, ticks: logTicks(points.map((point) => point.error)), tickFormat: "~e" },
    marks: [
      Plot.line(points, { x: "step", y: "error", stroke: "var(--accent)", strokeWidth: 2 }),
      Plot.dot(points.filter((point) => Number.isInteger(Math.log10(point.step))), { x: "step", y: "error", fill: "var(--warm)", r: 4 }),
    ],
  }) as SVGSVGElement | HTMLElement;
  return asImage(chart, description);
}
