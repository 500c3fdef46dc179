/** The boxes the widgets show and the sentences they say about a descent, built from engine results. */
import { classifyLearningRate, describeDivergence, type BatchRun, type Box, type DescentPath } from "./descent";
import { formatNumber } from "../kit/formatNumber";
import type { ShrinkFactors } from "./shrinkFactors";

/** The part of the (w₁, w₂) plane the sigmoid unit's surface shows, as in chapter 2. */
export const UNIT_BOX: Box = { p1Min: -8, p1Max: 8, p2Min: -8, p2Max: 8 };
/** The top of the colour scale for the sigmoid unit: squared error on 0/1 targets never exceeds ½. */
export const UNIT_MAX_LOSS = 0.5;
/** Grid side of the sigmoid unit's surface: 64² losses over 40 examples, a few frames of work in a browser. */
export const UNIT_RESOLUTION = 64;
/** The part of the plane the valley widgets show. */
export const VALLEY_BOX: Box = { p1Min: -3, p1Max: 3, p2Min: -3, p2Max: 3 };
/** Grid side of the valley heatmaps; 48² evaluations of a 4-example loss take about a millisecond. */
export const VALLEY_RESOLUTION = 48;
/** Unrecorded steps a learning-rate panel keeps taking to see whether its descent diverges. */
export const WATCH_STEPS = 3000;

/** The colour-scale top for a valley: E at the corners (±3, ±3) of its box. */
export function findValleyMaxLoss(c1: number, c2: number): number {
  return 4.5 * (c1 + c2);
}

function point(p1: number, p2: number): string {
  return `(${formatNumber(p1)}, ${formatNumber(p2)})`;
}

/** "From (−6, −4), 100 steps of η = 5 reach (…) with E = … (E was … at the start)." */
export function describeSurfaceDescent(path: DescentPath, learningRate: number): string {
  const first = path.points[0];
  const last = path.points[path.points.length - 1];
  const head = `From (w₁, w₂) = ${point(first.p1, first.p2)}, η = ${formatNumber(learningRate)}: `;
  if (path.divergedAt !== null) return `${head}${describeDivergence(path.divergedAt)}.`;
  return `${head}after ${last.step} steps (w₁, w₂) = ${point(last.p1, last.p2)} and E = ${formatNumber(last.loss)} (E was ${formatNumber(first.loss)} at the start).`;
}

/** A learning-rate panel's caption: its factors 1 − ηc, what they predict, and what the engine's descent did. */
export function describeRatePanel(path: DescentPath, learningRate: number, c1: number, c2: number): { title: string; detail: string; regime: string } {
  const across = classifyLearningRate(learningRate, c1);
  const along = classifyLearningRate(learningRate, c2);
  // The steep direction decides the kind of motion unless the shallow one diverges (only when c₂ > c₁).
  const regime = along.regime === "diverging" ? "diverging" : across.regime;
  const factors = `1 − ηc₁ = ${formatNumber(across.factor)}, 1 − ηc₂ = ${formatNumber(along.factor)}`;
  const last = path.points[path.points.length - 1];
  const outcome = path.divergedAt !== null
    ? `${describeDivergence(path.divergedAt)} (η = ${formatNumber(learningRate)} > 2/c₁ = ${formatNumber(2 / c1)}).`
    : `after ${last.step} steps E = ${formatNumber(last.loss)} at ${point(last.p1, last.p2)}.`;
  return { title: `η = ${formatNumber(learningRate)}: ${regime}`, detail: `${factors}; ${outcome}`, regime };
}

/** The momentum widget's caption: the stability limit for plain descent, and both descents' results. */
export function describeMomentum(plain: DescentPath, heavy: DescentPath, learningRate: number, momentum: number, c1: number): string {
  const limit = 2 / c1;
  const stable = learningRate < limit
    ? `η = ${formatNumber(learningRate)} is below 2/c₁ = ${formatNumber(limit)}, so plain descent is stable`
    : `η = ${formatNumber(learningRate)} is not below 2/c₁ = ${formatNumber(limit)}, so plain descent cannot converge`;
  const result = (name: string, path: DescentPath) => {
    const last = path.points[path.points.length - 1];
    return path.divergedAt !== null ? `${name} ${describeDivergence(path.divergedAt)}` : `${name}: E = ${formatNumber(last.loss)} at ${point(last.p1, last.p2)}`;
  };
  const steps = plain.points[plain.points.length - 1].step;
  return `${stable}. After ${steps} steps, ${result("plain descent", plain)}; ${result(`momentum α = ${formatNumber(momentum)}`, heavy)}.`;
}

/** The learning-rate panels' shared setting: the curvatures, the start and the number of steps. */
export function describeValleySetting(c1: number, c2: number, start: [number, number], steps: number): string {
  return `All four: c₁ = ${formatNumber(c1)}, c₂ = ${formatNumber(c2)}, start (w₁, w₂) = ${point(start[0], start[1])}, ${steps} steps; the limit 2/c₁ = ${formatNumber(2 / c1)}.`;
}

/** The batch widget's status: where each curve stands after `epoch` epochs, and any divergence. */
export function describeBatchRuns(runs: readonly BatchRun[], epoch: number, learningRate: number): string {
  const parts = runs.map((run) => {
    const steps = run.trainer.steps;
    if (run.divergedAt !== null) return `${run.label}: ${describeDivergence(run.divergedAt)}`;
    const last = run.curve[run.curve.length - 1];
    return `${run.label}: E = ${formatNumber(last.loss)} after ${steps} steps`;
  });
  return `η = ${formatNumber(learningRate)}. After ${epoch} epoch${epoch === 1 ? "" : "s"}: ${parts.join("; ")}.`;
}

/** One row of the momentum widget's shrink-factor table: a direction and its factor per step, plain and with momentum. */
export interface ShrinkRow {
  direction: string;
  plain: string;
  momentum: string;
}

/** The shrink-factor table's rows: w₁ across the valley (c₁), w₂ along it (c₂). */
export function listShrinkRows(factors: ShrinkFactors, c1: number, c2: number): ShrinkRow[] {
  return [
    { direction: `w₁, across (c₁ = ${formatNumber(c1)})`, plain: formatNumber(factors.plain[0]), momentum: formatNumber(factors.momentum[0]) },
    { direction: `w₂, along (c₂ = ${formatNumber(c2)})`, plain: formatNumber(factors.plain[1]), momentum: formatNumber(factors.momentum[1]) },
  ];
}
