/**
 * When the loss stays flat: noticing it, and what usually helps, as one-click changes. Pure
 * functions of the session and the configuration, so they test in Node.
 */
import { LIMITS, type PlaygroundConfig } from "./config";
import type { Session } from "./session";
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

/** True when the training loss has barely moved for PLATEAU_STEPS steps while still high. */
export function isLossFlat(session: Session): boolean {
  const latest = session.losses[session.losses.length - 1];
  if (!latest || session.steps < PLATEAU_STEPS || session.divergence) return false;
  const earlier = [...session.losses].reverse().find((record) => record.step <= latest.step - PLATEAU_STEPS);
  if (!earlier) return false;
  const drop = (earlier.trainLoss - latest.trainLoss) / earlier.trainLoss;
  return drop < PLATEAU_DROP && latest.trainLoss > PLATEAU_LEVEL * session.initialLoss;
}

/** The sentence above the suggestions, with the numbers of this run. */
export function describePlateau(session: Session, s: Strings = en): string {
  const latest = session.losses[session.losses.length - 1];
  const earlier = [...session.losses].reverse().find((record) => record.step <= latest.step - PLATEAU_STEPS) ?? latest;
  const shown = (value: number) => String(Number(value.toPrecision(3)));
  return s.pgPlateau({ loss: shown(latest.trainLoss), steps: PLATEAU_STEPS.toLocaleString("en"), earlier: shown(earlier.trainLoss) });
}

/** What usually helps a network that does not learn: more units, another layer, another learning rate, another activation. */
export function suggestChanges(config: PlaygroundConfig, s: Strings = en): Suggestion[] {
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
