/**
 * The formulas behind the error table's numbers, as tooltips: E with the step's outputs and the
 * targets substituted, and each output as the sigmoid of its net input after that many updates.
 */
import type { ExampleSetup } from "./workedExampleSetup";
import { formatExampleNumber } from "./exampleNumberText";
import type { TrainingCheckpoint } from "./workedExample";

/** Tooltip text for each column of one table row: E = ½(t₁ − y₁)² + ½(t₂ − y₂)², and y₁, y₂. */
export function describeCheckpoint(point: TrainingCheckpoint, setup: ExampleSetup): { error: string; y1: string; y2: string } {
  const show = formatExampleNumber;
  const after = point.step === 0 ? "with the starting weights" : `after ${point.step} update${point.step === 1 ? "" : "s"} w ← w − η ∂E/∂w, η = ${show(setup.learningRate)}`;
  return {
    error: `E = ½(t₁ − y₁)² + ½(t₂ − y₂)² = ½(${show(setup.t1)} − ${show(point.y1)})² + ½(${show(setup.t2)} − ${show(point.y2)})² = ${show(point.error)}, ${after}`,
    y1: `y₁ = σ(w₅·a_h1 + w₆·a_h2 + b₂) = ${show(point.y1)} for x = (${show(setup.x1)}, ${show(setup.x2)}), ${after}`,
    y2: `y₂ = σ(w₇·a_h1 + w₈·a_h2 + b₂) = ${show(point.y2)} for x = (${show(setup.x1)}, ${show(setup.x2)}), ${after}`,
  };
}
