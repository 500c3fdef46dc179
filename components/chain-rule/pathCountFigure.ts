/** Plots reverse-mode work against the sum over paths, by depth, on a log scale (Observable Plot; the build and the page share it). */
import * as Plot from "@observablehq/plot";
import type { DepthCount } from "./layeredGraph.ts";
import { asImage } from "../kit/charts";
import { en } from "../../src/i18n/en";
import type { Strings } from "../../src/i18n/types";

/** The figure for `counts` (one row per depth), `width` pixels wide; series colours come from CSS classes. */
export function renderPathCountFigure(counts: readonly DepthCount[], width: number, document?: Document, s: Strings = en): SVGSVGElement | HTMLElement {
  const last = counts[counts.length - 1];
  const series = [
    { key: "naivePaths" as const, label: s.pcSumOverPaths, className: "pc-naive" },
    { key: "reverseMode" as const, label: s.pcReverseMode, className: "pc-reverse" },
  ];
  const maxLayers = Math.max(2, last?.layers ?? 1);
  const svg = Plot.plot({
    document,
    width,
    height: Math.round(Math.min(320, Math.max(220, width * 0.62))),
    marginLeft: 56,
    marginRight: 16,
    marginTop: 24,
    style: { fontSize: "12px" },
    ariaLabel: s.pcFigureLabel,
    ariaDescription: last ? s.pcFigureDescription({ layers: last.layers, reverse: last.reverseMode, naive: last.naivePaths }) : "",
    x: { label: s.pcAxisLayers, domain: [1, maxLayers], ticks: Math.min(maxLayers, 10), tickFormat: "d" },
    y: { type: "log", label: s.pcAxisEvaluated, grid: true, domain: [1, Math.max(10, ...counts.map((c) => c.naivePaths)) * 1.5], tickFormat: formatPowerOfTen },
    marks: series.flatMap(({ key, label, className }) => [
      Plot.lineY(counts, { x: "layers", y: key, stroke: "currentColor", strokeWidth: 2.5, className }),
      Plot.dot(counts, { x: "layers", y: key, fill: "currentColor", r: 3.5, className, tip: false }),
      Plot.text(counts.slice(-1), { x: "layers", y: key, text: () => label, dy: -12, textAnchor: counts.length > 1 ? "end" : "start", fontWeight: 700, fontSize: 12, className }),
    ]),
  }) as SVGSVGElement;
  return asImage(svg);
}

const SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹";

// Log-axis labels: 1, 10, 100, 1000, then 10⁴, 10⁵, …; the ticks between powers stay unlabelled.
function formatPowerOfTen(value: number): string {
  const exponent = Math.log10(value);
  if (Math.abs(exponent - Math.round(exponent)) > 1e-9) return "";
  const whole = Math.round(exponent);
  return whole <= 3 ? String(10 ** whole) : `10${[...String(whole)].map((digit) => SUPERSCRIPTS[Number(digit)]).join("")}`;
}
