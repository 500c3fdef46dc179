/**
 * When the loss stays flat: noticing it, and what usually helps, as one-click changes. Pure
 * functions of the session and the configuration, so they test in Node.
 */
import { LIMITS, type PlaygroundConfig } from "./config";
import type { LossRecord, Session } from "./session";
import { en } from "../../src/i18n/en";
import type { Strings } from "../../src/i18n/types";

/** Steps the training loss is watched over before it counts as flat. */
export const PLATEAU_STEPS = 1000;
/** Flat: the training loss fell by less than this fraction over the last PLATEAU_STEPS steps. */
export const PLATEAU_DROP = 0.05;
/** Only a loss still above this fraction of its starting value is "not learning"; a low flat loss is a finished run. */
export const PLATEAU_LEVEL = 0.5;

/** One suggested change: the button's words and the settings it applies. */
export interface Suggestion {
  label: string;
  patch: Partial<PlaygroundConfig>;
}

// The latest loss record and the newest one at least PLATEAU_STEPS steps before it, if there is one.
function findWindow(session: Session): { latest: LossRecord; earlier: LossRecord | undefined } | undefined {
  const latest = session.losses[session.losses.length - 1];
  if (!latest) return undefined;
  return { latest, earlier: [...session.losses].reverse().find((record) => record.step <= latest.step - PLATEAU_STEPS) };
}

// The fraction by which the training loss fell over the last PLATEAU_STEPS steps (negative when it rose),
// or undefined while there is no such window or no high loss to worry about.
function recentDrop(session: Session): number | undefined {
  const span = findWindow(session);
  if (!span?.earlier || session.steps < PLATEAU_STEPS || session.divergence) return undefined;
  const { latest, earlier } = span;
  if (latest.trainLoss <= PLATEAU_LEVEL * session.initialLoss) return undefined;
  return (earlier.trainLoss - latest.trainLoss) / earlier.trainLoss;
}

/** True when the loss is flat or rising (isLossFlat or isLossRising): the run should be offered advice. */
export function needsAdvice(session: Session): boolean {
  const drop = recentDrop(session);
  return drop !== undefined && drop < PLATEAU_DROP;
}

/** True when the training loss has barely moved, up or down, for PLATEAU_STEPS steps while still high. */
export function isLossFlat(session: Session): boolean {
  const drop = recentDrop(session);
  return drop !== undefined && Math.abs(drop) < PLATEAU_DROP;
}

/** True when the training loss has grown by PLATEAU_DROP or more over the last PLATEAU_STEPS steps and is high. */
export function isLossRising(session: Session): boolean {
  const drop = recentDrop(session);
  return drop !== undefined && drop <= -PLATEAU_DROP;
}

/** The sentence above the suggestions, with the numbers of this run: a flat loss, or a rising one blamed on η. */
export function describePlateau(session: Session, s: Strings = en): string {
  const { latest, earlier = latest } = findWindow(session)!;
  const shown = (value: number) => String(Number(value.toPrecision(3)));
  const numbers = { loss: shown(latest.trainLoss), steps: PLATEAU_STEPS.toLocaleString("en"), earlier: shown(earlier.trainLoss) };
  return isLossRising(session) ? s.pgLossRising({ ...numbers, rate: session.config.learningRate }) : s.pgPlateau(numbers);
}

/**
 * What usually helps a network that does not learn: more units, another layer, another learning rate,
 * another activation; or, when the loss is `rising`, only a smaller learning rate.
 */
export function suggestChanges(config: PlaygroundConfig, s: Strings = en, rising = false): Suggestion[] {
  if (rising) {
    const smaller = Number(Math.max(LIMITS.learningRate.min, config.learningRate / 10).toPrecision(3));
    return smaller < config.learningRate ? [{ label: s.pgSmallerRate({ from: config.learningRate, to: smaller }), patch: { learningRate: smaller } }] : [];
  }
  const suggestions: Suggestion[] = [];
  const { hidden } = config;
  if (hidden.some((units) => units < LIMITS.unitsPerLayer)) {
    const wider = hidden.map((units) => Math.min(LIMITS.unitsPerLayer, units * 2));
    suggestions.push({ label: s.pgMoreUnits({ from: hidden.join(", "), to: wider.join(", ") }), patch: { hidden: wider } });
  }
  if (hidden.length < LIMITS.hiddenLayers) {
    const deeper = [...hidden, hidden[hidden.length - 1] ?? 4];
    suggestions.push({ label: s.pgAnotherLayer({ from: hidden.length, to: deeper.length }), patch: { hidden: deeper } });
  }
  const rate = config.learningRate;
  const changedRate = rate < 1 ? Math.min(LIMITS.learningRate.max, rate * 10) : Math.max(LIMITS.learningRate.min, rate / 10);
  suggestions.push({ label: (changedRate > rate ? s.pgLargerRate : s.pgSmallerRate)({ from: rate, to: Number(changedRate.toPrecision(3)) }), patch: { learningRate: Number(changedRate.toPrecision(3)) } });
  const activation = config.activation === "relu" ? "tanh" : "relu";
  if (hidden.length > 0) suggestions.push({ label: s.pgOtherActivation({ activation, instead: config.activation }), patch: { activation } });
  return suggestions;
}
