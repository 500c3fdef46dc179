/** The worked example's error against the number of update steps, as an Observable Plot figure. */
import { en } from "../../src/i18n/en";
import type { Strings } from "../../src/i18n/types";
import * as Plot from "@observablehq/plot";
import type { TrainingCheckpoint } from "./workedExample";
import { asImage, logAxis } from "../kit/charts";
import { formatNumber } from "../kit/formatNumber";

/** The chart's width on a wide screen. */
export const ERROR_CHART_WIDTH = 460;

/** Draws E after each checkpointed step on log–log axes (step 0 is left to the table), `width` px wide; `document` is createFigureDocument's at build time. */
export function plotErrorCurve(checkpoints: readonly TrainingCheckpoint[], document?: Document, s: Strings = en, width = ERROR_CHART_WIDTH): SVGSVGElement | HTMLElement {
  const points = checkpoints.filter((point) => point.step >= 1 && point.error > 0 && Number.isFinite(point.error));
  const last = points[points.length - 1];
  const description = last ? s.bpErrorChart({ error: formatNumber(last.error), steps: last.step }) : s.bpErrorChartEmpty;
  const chart = Plot.plot({
    document,
    width,
    height: 250,
    marginLeft: 64,
    marginBottom: 40,
    style: { background: "transparent", color: "currentColor", fontSize: "12px" },
    x: { type: "log", label: s.bpErrorChartX, domain: [1, 10000], grid: true },
    y: { type: "log", label: s.bpErrorChartY, grid: true, ...logAxis(points.map((point) => point.error)), tickFormat: "~e" },
    marks: [
      Plot.line(points, { x: "step", y: "error", stroke: "var(--accent)", strokeWidth: 2 }),
      Plot.dot(points.filter((point) => Number.isInteger(Math.log10(point.step))), { x: "step", y: "error", fill: "var(--warm)", r: 4 }),
    ],
  }) as SVGSVGElement | HTMLElement;
  return asImage(chart, description);
}
