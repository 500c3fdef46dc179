/** The boxes the widgets show and the sentences they say about a descent, built from engine results. */
import { classifyLearningRate, describeDivergence, type BatchRun, type Box, type DescentPath } from "./descent";
import { formatNumber } from "../kit/formatNumber";
import type { ShrinkFactors } from "./shrinkFactors";
import { en } from "../../src/i18n/en";
import type { Strings } from "../../src/i18n/types";

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

/** The valley's stability limit for plain descent and what it rests on: the curvature, its name, and a coordinate that never moves. */
export interface StabilityLimit {
  curvature: number;
  limit: number;
  steep: "c₁" | "c₂";
  /** A coordinate that starts at 0, where its gradient c·w is 0 for good, so its curvature sets no limit. */
  idle: "w₁" | "w₂" | null;
}

/**
 * Plain descent's stability limit from `start`, η < 2 / max c over the coordinates that move: the reader may make c₂
 * the larger, or start on an axis, where the other coordinate stays 0. Null when the start is the bottom, (0, 0).
 */
export function findStabilityLimit(c1: number, c2: number, start: readonly [number, number]): StabilityLimit | null {
  const moving = ([[c1, "c₁", "w₁"], [c2, "c₂", "w₂"]] as const).filter((_, k) => start[k] !== 0);
  if (moving.length === 0) return null;
  const [curvature, steep] = moving.reduce((a, b) => (b[0] > a[0] ? b : a));
  const idle = moving.length === 1 ? (moving[0][2] === "w₁" ? "w₂" : "w₁") : null;
  return { curvature, limit: 2 / curvature, steep, idle };
}

/** The limit's wording: its value, the curvature it comes from, and the coordinate left out. */
function limitSlots(limit: StabilityLimit, s: Strings): { limit: string; steep: string; note: string } {
  return { limit: formatNumber(limit.limit), steep: limit.steep, note: limit.idle ? s.gdIdle({ w: limit.idle }) : "" };
}

function point(p1: number, p2: number): string {
  return `(${formatNumber(p1)}, ${formatNumber(p2)})`;
}

/** "From (−6, −4), 100 steps of η = 5 reach (…) with E = … (E was … at the start)." */
export function describeSurfaceDescent(path: DescentPath, learningRate: number, s: Strings = en): string {
  const first = path.points[0];
  const last = path.points[path.points.length - 1];
  const head = s.gdSurfaceHead({ start: point(first.p1, first.p2), eta: formatNumber(learningRate) });
  if (path.divergedAt !== null) return s.gdHeadDiverged({ head, diverged: describeDivergence(path.divergedAt, s) });
  return s.gdSurfaceResult({ head, steps: last.step, end: point(last.p1, last.p2), loss: formatNumber(last.loss), first: formatNumber(first.loss) });
}

/** A learning-rate panel's caption: its factors 1 − ηc, what they predict, and what the engine's descent did. */
export function describeRatePanel(path: DescentPath, learningRate: number, c1: number, c2: number, s: Strings = en): { title: string; detail: string; regime: string } {
  const first = path.points[0];
  const limit = findStabilityLimit(c1, c2, [first.p1, first.p2]);
  // The steeper of the moving directions decides the kind of motion: whenever a shallower one diverges, so does it.
  const regime = limit ? classifyLearningRate(learningRate, limit.curvature).regime : "at the bottom";
  const factors = `1 − ηc₁ = ${formatNumber(1 - learningRate * c1)}, 1 − ηc₂ = ${formatNumber(1 - learningRate * c2)}`;
  const last = path.points[path.points.length - 1];
  const outcome = path.divergedAt !== null && limit
    ? s.gdRateDiverged({ diverged: describeDivergence(path.divergedAt, s), eta: formatNumber(learningRate), ...limitSlots(limit, s) })
    : s.gdRateResult({ steps: last.step, loss: formatNumber(last.loss), end: point(last.p1, last.p2) });
  return { title: s.gdRateTitle({ eta: formatNumber(learningRate), regime: s.gdRegime({ regime }) }), detail: s.gdRateDetail({ factors, outcome }), regime };
}

/** The momentum widget's caption: the stability limit for plain descent, and both descents' results. */
export function describeMomentum(plain: DescentPath, heavy: DescentPath, learningRate: number, momentum: number, c1: number, c2: number, s: Strings = en): string {
  const start = plain.points[0];
  const limit = findStabilityLimit(c1, c2, [start.p1, start.p2]);
  let stable = s.gdAtBottom;
  if (limit) {
    const bound = { eta: formatNumber(learningRate), ...limitSlots(limit, s) };
    stable = learningRate < limit.limit ? s.gdStable(bound) : s.gdUnstable(bound);
  }
  const result = (name: string, path: DescentPath) => {
    const last = path.points[path.points.length - 1];
    return path.divergedAt !== null ? s.gdNamedDiverged({ name, diverged: describeDivergence(path.divergedAt, s) }) : s.gdNamedResult({ name, loss: formatNumber(last.loss), end: point(last.p1, last.p2) });
  };
  // A path that diverged stopped early: the other may have run every step.
  const steps = Math.max(plain.points[plain.points.length - 1].step, heavy.points[heavy.points.length - 1].step);
  return s.gdMomentumStatus({ stable, steps, plain: result(s.gdPlain, plain), heavy: result(s.gdMomentumAlpha({ alpha: formatNumber(momentum) }), heavy) });
}

/** The learning-rate panels' shared setting: the curvatures, the start and the number of steps. */
export function describeValleySetting(c1: number, c2: number, start: [number, number], steps: number, s: Strings = en): string {
  const limit = findStabilityLimit(c1, c2, start);
  const setting = { c1: formatNumber(c1), c2: formatNumber(c2), start: point(start[0], start[1]), steps };
  return limit ? s.gdValleySetting({ ...setting, ...limitSlots(limit, s) }) : s.gdValleySettingAtBottom(setting);
}

/** The batch widget's status: where each curve stands after `epoch` epochs, and any divergence. */
export function describeBatchRuns(runs: readonly BatchRun[], epoch: number, learningRate: number, s: Strings = en): string {
  const parts = runs.map((run) => {
    const steps = run.trainer.steps;
    if (run.divergedAt !== null) return s.gdRunDiverged({ label: run.label, diverged: describeDivergence(run.divergedAt, s) });
    const last = run.curve[run.curve.length - 1];
    return s.gdRunResult({ label: run.label, loss: formatNumber(last.loss), steps });
  });
  return s.gdBatchStatus({ eta: formatNumber(learningRate), epoch, runs: parts.join(s.chkProblemSeparator) });
}

/** One row of the momentum widget's shrink-factor table: a direction and its factor per step, plain and with momentum. */
export interface ShrinkRow {
  direction: string;
  plain: string;
  momentum: string;
}

/**
 * The shrink-factor table's rows, w₁ (c₁) then w₂ (c₂), each named across or along the valley by which curvature is
 * the steeper; with c₁ = c₂ the bowl is round and has neither.
 */
export function listShrinkRows(factors: ShrinkFactors, c1: number, c2: number, s: Strings = en): ShrinkRow[] {
  const [first, second] = c1 === c2 ? [s.gdRound, s.gdRound] : c1 > c2 ? [s.gdAcross, s.gdAlong] : [s.gdAlong, s.gdAcross];
  return [
    { direction: first({ index: "₁", c: formatNumber(c1) }), plain: formatNumber(factors.plain[0]), momentum: formatNumber(factors.momentum[0]) },
    { direction: second({ index: "₂", c: formatNumber(c2) }), plain: formatNumber(factors.plain[1]), momentum: formatNumber(factors.momentum[1]) },
  ];
}
