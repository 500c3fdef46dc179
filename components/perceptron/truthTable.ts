/** A single unit's truth table on the four corners of the unit square, computed by the engine. */
import { createPerceptron, perceptronWeightedInput, predictPerceptron } from "../../src/engine/index";
import { GATE_INPUTS, nameGate, type UnitWeights } from "./geometry";
import { en } from "../../src/i18n/en";
import type { Strings } from "../../src/i18n/types";
import { formatNumber } from "../kit/formatNumber";

/** One row: the inputs, the weighted input z = w·x + b, and the output y = step(z). */
export interface TruthRow {
  x1: number;
  x2: number;
  z: number;
  y: number;
}

/** The rows for (0,0), (0,1), (1,0), (1,1) and the name of the logic function they make, e.g. "AND". */
export function makeTruthTable(unit: UnitWeights, s: Strings = en): { rows: TruthRow[]; gate: string } {
  const perceptron = createPerceptron({ inputSize: 2 });
  perceptron.weights.set([unit.w1, unit.w2]);
  perceptron.bias = unit.b;
  const rows = GATE_INPUTS.map(([x1, x2]) => ({
    x1,
    x2,
    // The engine's own z: 1 + 0.1 − 1.1 is 0, but its −1.1 + 1 + 0.1 is −8e−17, and that sum decides y.
    z: perceptronWeightedInput(perceptron, [x1, x2]),
    y: predictPerceptron(perceptron, [x1, x2]),
  }));
  return { rows, gate: nameGate(rows.map((row) => row.y), s) };
}

/**
 * z for display: rounded to 2 decimals with a true minus sign; −0 shows as 0.00, but a negative z that rounds to 0
 * keeps its sign (−0.00), since the sign is what decides y: a tie that round-off left below 0 must not read as 0.
 */
export function formatZ(z: number): string {
  const text = formatNumber(z, { decimals: 2, keepZeros: true });
  return z < 0 && !text.startsWith("−") ? `−${text}` : text;
}
