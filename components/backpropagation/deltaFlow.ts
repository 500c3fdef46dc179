/**
 * How big the errors δ are in each layer of a deep network after one backward pass: the data
 * behind the chapter's vanishing-gradient chart. Uses the engine's forward and backward passes.
 */
import { en } from "../../src/i18n/en";
import type { Strings } from "../../src/i18n/types";
import * as Plot from "@observablehq/plot";
import { backward, createNetwork, createRandom, forward, makeDataset } from "../../src/engine/index.ts";
import { asImage, logAxis } from "../kit/charts";

/** The hidden activations the chart offers. */
export const FLOW_ACTIVATIONS = ["sigmoid", "tanh", "relu"] as const;

/** The network to measure: `depth` hidden layers of `FLOW_WIDTH` units, weights U(−scale, scale) from `seed`. */
export interface FlowOptions {
  depth: number;
  activation: (typeof FLOW_ACTIVATIONS)[number];
  scale: number;
  seed: number;
}

/** Units in every hidden layer. */
export const FLOW_WIDTH = 8;
/** Examples from the "circles" data set in the batch. */
export const FLOW_EXAMPLES = 64;
/** The seed of the saved chart's weights; the depth, activation and scale come from the page's params. */
export const FIRST_SEED = 1;

/** One weight layer l: mean |δ^l_j| over units and examples, and mean |∂E/∂w^l_jk| over its weights. */
export interface FlowLayer {
  layer: number;
  meanDelta: number;
  meanGradient: number;
}

/** Runs one forward and one backward pass of the network on the batch and measures each layer. */
export function measureDeltaFlow(options: FlowOptions): { layers: FlowLayer[]; error: number } {
  const sizes = [2, ...Array.from({ length: options.depth }, () => FLOW_WIDTH), 1];
  const network = createNetwork({
    sizes, hiddenActivation: options.activation, outputActivation: "sigmoid", loss: "squaredError",
    init: "uniform", initScale: options.scale, random: createRandom(options.seed),
  });
  // The data stay the same when the weights are redrawn, so only the network changes.
  const data = makeDataset("circles", { count: FLOW_EXAMPLES, random: createRandom(2017) });
  forward(network, data.inputs);
  const error = backward(network, data.targets);
  const layers = network.layers.map((layer, index) => ({
    layer: index + 1,
    meanDelta: meanAbsolute(layer.delta),
    meanGradient: meanAbsolute(layer.weightGradient),
  }));
  return { layers, error };
}

function meanAbsolute(values: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += Math.abs(values[i]);
  return sum / values.length;
}

/** The chart's width on a wide screen. */
export const FLOW_CHART_WIDTH = 380;

/** Plots both measures per layer on a log scale, `width` px wide; layers whose value is 0 or not finite are left out (the page says which). */
export function plotDeltaFlow(layers: readonly FlowLayer[], document?: Document, s: Strings = en, width = FLOW_CHART_WIDTH): SVGSVGElement | HTMLElement {
  const rows = layers.flatMap((row) => [
    { layer: row.layer, measure: "mean |δ|", value: row.meanDelta },
    { layer: row.layer, measure: "mean |∂E/∂w|", value: row.meanGradient },
  ]).filter((row) => row.value > 0 && Number.isFinite(row.value));
  const last = layers.length;
  const description = s.bpFlowChart({ layers: last });
  const chart = Plot.plot({
    document,
    width,
    height: 290,
    marginLeft: 56,
    marginTop: 30,
    marginBottom: 42,
    style: { background: "transparent", color: "currentColor", fontSize: "12px" },
    x: { label: s.bpFlowX({ last }), domain: [0.5, last + 0.5], ticks: layers.map((row) => row.layer), tickFormat: "d" },
    y: { type: "log", label: s.bpFlowY, grid: true, ...logAxis(rows.map((row) => row.value)), tickFormat: "~e" },
    color: { domain: ["mean |δ|", "mean |∂E/∂w|"], range: ["var(--accent)", "var(--warm)"], legend: true },
    marks: [
      Plot.line(rows, { x: "layer", y: "value", stroke: "measure", strokeWidth: 2 }),
      Plot.dot(rows, { x: "layer", y: "value", fill: "measure", r: 3.5 }),
    ],
  }) as SVGSVGElement | HTMLElement;
  return asImage(chart, description);
}

/** A sentence about the spread: how much smaller (or larger) the first layer's deltas are than the output's. */
export function summarizeFlow(layers: readonly FlowLayer[], s: Strings = en): string {
  const first = layers[0].meanDelta;
  const output = layers[layers.length - 1].meanDelta;
  if (!Number.isFinite(first) || !Number.isFinite(output)) return s.bpFlowNotFinite;
  if (first === 0) return s.bpFlowZero;
  const ratio = first / output;
  if (ratio < 1) return s.bpFlowSmaller({ ratio: formatRatio(1 / ratio) });
  return s.bpFlowLarger({ ratio: formatRatio(ratio) });
}

function formatRatio(ratio: number): string {
  if (ratio >= 1000) {
    const [mantissa, exponent] = ratio.toExponential(1).split("e+");
    return `${mantissa} × 10${[...exponent].map((digit) => "⁰¹²³⁴⁵⁶⁷⁸⁹"[Number(digit)]).join("")}`;
  }
  return ratio >= 100 ? String(Math.round(ratio)) : ratio.toPrecision(2);
}
