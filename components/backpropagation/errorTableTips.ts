/**
 * The formulas behind the error table's numbers, as tooltips: E with the step's outputs and the
 * targets substituted, and each output as the sigmoid of its net input after that many updates.
 */
import { en } from "../../src/i18n/en";
import type { Strings } from "../../src/i18n/types";
import type { ExampleSetup } from "./workedExampleSetup";
import { formatExampleNumber } from "./exampleNumberText";
import type { TrainingCheckpoint } from "./workedExample";

/** Tooltip text for each column of one table row: E = ½(t₁ − y₁)² + ½(t₂ − y₂)², and y₁, y₂. */
export function describeCheckpoint(point: TrainingCheckpoint, setup: ExampleSetup, s: Strings = en): { error: string; y1: string; y2: string } {
  const show = formatExampleNumber;
  const after = point.step === 0 ? s.bpStartingWeights : s.bpAfterUpdates({ steps: point.step, eta: show(setup.learningRate) });
  return {
    error: `E = ½(t₁ − y₁)² + ½(t₂ − y₂)² = ½(${show(setup.t1)} − ${show(point.y1)})² + ½(${show(setup.t2)} − ${show(point.y2)})² = ${show(point.error)}${s.dlListComma}${after}`,
    y1: s.bpOutputTip({ formula: "y₁ = σ(w₅·a_h1 + w₆·a_h2 + b₂)", value: show(point.y1), x: `(${show(setup.x1)}, ${show(setup.x2)})`, after }),
    y2: s.bpOutputTip({ formula: "y₂ = σ(w₇·a_h1 + w₈·a_h2 + b₂)", value: show(point.y2), x: `(${show(setup.x1)}, ${show(setup.x2)})`, after }),
  };
}
