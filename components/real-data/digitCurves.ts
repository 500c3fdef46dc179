/** The loss and accuracy curves of a digit run, training against test, as Plot figures from plain points. */
import { en } from "../../src/i18n/en";
import type { Strings } from "../../src/i18n/types";
import * as Plot from "@observablehq/plot";
import { asImage } from "../kit/charts";
import type { DigitPoint } from "./digitRun";

/** Which curve: cross-entropy loss, or the fraction of digits read correctly. */
export type CurveKind = "loss" | "accuracy";

interface CurvePoint {
  epoch: number;
  value: number;
  series: "training" | "test";
}

const SERIES_COLOUR = { training: "var(--accent)", test: "var(--warm)" };

/** The curves' size on a wide screen: drawn at 400 × 200 and shown at most that wide. */
export const CURVE_WIDTH = 400;
const CURVE_HEIGHT = 200;
/**
 * The width the saved curves are also drawn at for a phone: a 360 px screen leaves 310 px for them,
 * so a chart drawn at 280 is shown at its own size and its 12 px text stays 12 px (the 400-wide one
 * would be shrunk to 9.3 px).
 */
export const PHONE_CURVE_WIDTH = 280;

/** The size to draw the curves at in a box `available` px wide: as wide as the box up to 400, 200 high, scaled down as the phone chart would be below 280. */
export function fitCurveSize(available: number): { width: number; height: number } {
  const width = Math.max(160, Math.min(CURVE_WIDTH, Math.floor(available)));
  return { width, height: width < PHONE_CURVE_WIDTH ? Math.round((CURVE_HEIGHT * width) / PHONE_CURVE_WIDTH) : CURVE_HEIGHT };
}

/** The training and test points of one measure, skipping the first point's missing training value. */
export function listCurvePoints(history: readonly DigitPoint[], kind: CurveKind): CurvePoint[] {
  const points: CurvePoint[] = [];
  for (const point of history) {
    const training = kind === "loss" ? point.trainLoss : point.trainAccuracy;
    const test = kind === "loss" ? point.testLoss : point.testAccuracy;
    if (Number.isFinite(training)) points.push({ epoch: point.epoch, value: training, series: "training" });
    if (Number.isFinite(test)) points.push({ epoch: point.epoch, value: test, series: "test" });
  }
  return points;
}

/** One measure against epochs, training (solid) and test (dashed), each line named at its end, drawn at `size` (400 × 200 unless given). */
export function plotCurve(history: readonly DigitPoint[], kind: CurveKind, document?: Document, s: Strings = en, size = { width: CURVE_WIDTH, height: CURVE_HEIGHT }): SVGSVGElement | HTMLElement {
  const points = listCurvePoints(history, kind);
  const lastEpoch = Math.max(1, history.at(-1)?.epoch ?? 1);
  const ends = (["training", "test"] as const).map((series) => points.filter((p) => p.series === series).at(-1)).filter((p) => p !== undefined);
  const accuracy = kind === "accuracy";
  const description = describeCurve(history, kind, s);
  return asImage(
    Plot.plot({
      document,
      width: size.width,
      height: size.height,
      // Room for "100 %" and its tick at 12 px: at 44 its first digit was cut off at the figure's edge.
      marginLeft: 50,
      marginRight: 58,
      style: { background: "transparent", color: "currentColor", fontSize: "12px" },
      x: { domain: [0, lastEpoch], label: s.rdEpochsAxis, labelAnchor: "right" },
      y: accuracy
        ? { domain: [0, 1], label: s.rdAccuracyAxis, grid: true, tickFormat: (v: number) => `${Math.round(v * 100)} %`, ticks: [0, 0.25, 0.5, 0.75, 1] }
        : { domain: [0, Math.max(2.5, ...points.map((p) => p.value))], label: s.rdLossAxis, grid: true },
      marks: [
        Plot.line(points.filter((p) => p.series === "training"), { x: "epoch", y: "value", stroke: SERIES_COLOUR.training, strokeWidth: 2 }),
        Plot.line(points.filter((p) => p.series === "test"), { x: "epoch", y: "value", stroke: SERIES_COLOUR.test, strokeWidth: 2, strokeDasharray: "5 3" }),
        // Each end label sits on the outer side of its line: the higher line's above it, the lower's below.
        ...ends.map((end) => Plot.text([end], { x: "epoch", y: "value", text: (end: { series: "training" | "test" }) => (end.series === "training" ? s.rdTraining : s.rdTest), dx: 4, textAnchor: "start", fill: SERIES_COLOUR[end.series], dy: (end.series === "test") === accuracy ? 8 : -8 })),
      ],
    }),
    description,
  );
}

/** The curve's name and its last values, for readers who cannot see it. */
export function describeCurve(history: readonly DigitPoint[], kind: CurveKind, s: Strings = en): string {
  const last = history.at(-1);
    if (!last || history.length < 2) return kind === "loss" ? s.rdLossCurvesEmpty : s.rdAccuracyCurvesEmpty;
  const show = (v: number) => (kind === "loss" ? v.toFixed(3) : `${(v * 100).toFixed(1)} %`);
  const training = kind === "loss" ? last.trainLoss : last.trainAccuracy;
  const test = kind === "loss" ? last.testLoss : last.testAccuracy;
  return (kind === "loss" ? s.rdLossCurves : s.rdAccuracyCurves)({ epochs: Number(last.epoch.toFixed(2)), training: show(training), test: show(test) });
}

