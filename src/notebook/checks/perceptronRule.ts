/** Checks the reader's `applyPerceptronRule(w, b, x, target, learningRate)` from chapter 1 against the engine. */
import type { Checker } from "./types";
import { createPerceptron, perceptronUpdate, createRandom } from "../../engine/index";
import { en } from "../../i18n/en";
import type { Strings } from "../../i18n/types";

/** One example shown to a perceptron with given weights and bias. */
export interface RuleCase {
  w: number[];
  b: number;
  x: number[];
  target: number;
  learningRate: number;
}

// Hand-picked cases first, so the feedback names the simplest example that shows the fault.
const HAND_CASES: RuleCase[] = [
  { w: [1, 1], b: -1.5, x: [1, 1], target: 1, learningRate: 0.5 }, // right, y = 1
  { w: [1, 1], b: -1.5, x: [0, 1], target: 0, learningRate: 0.5 }, // right, y = 0
  { w: [1, 1], b: -1.5, x: [1, 0], target: 1, learningRate: 0.5 }, // wrong: t = 1, y = 0
  { w: [0.5, -0.25], b: 0.25, x: [1, 1], target: 0, learningRate: 0.25 }, // wrong: t = 0, y = 1
  { w: [1, -1], b: 0, x: [2, 2], target: 1, learningRate: 1 }, // z = 0 exactly: y = 1, right
  { w: [1, -1], b: 0, x: [1, 1], target: 0, learningRate: 1 }, // z = 0 exactly: y = 1, wrong
  { w: [0.25, 0.25], b: 0.125, x: [-1, -0.5], target: 1, learningRate: 2 }, // negative inputs
  { w: [0.2, -0.4, 0.1], b: -0.3, x: [1, -2, 0.5], target: 0, learningRate: 0.1 }, // three inputs
];

/** The hand-picked cases and 40 seeded random ones (1 to 4 inputs, both classes, several learning rates). */
export function listRuleCases(): RuleCase[] {
  const random = createRandom(1958);
  const cases = [...HAND_CASES];
  const round = (v: number) => Math.round(v * 8) / 8; // eighths are exact in binary, so expected values are exact
  for (let i = 0; i < 40; i++) {
    const size = 1 + random.integer(4);
    cases.push({
      w: Array.from({ length: size }, () => round(random.uniform(-2, 2))),
      b: round(random.uniform(-1, 1)),
      x: Array.from({ length: size }, () => round(random.uniform(-2, 2))),
      target: random.integer(2),
      learningRate: [0.125, 0.5, 1, 2][random.integer(4)],
    });
  }
  return cases;
}

/** What the engine's perceptronUpdate does to a case: the new weights and bias, and z and y before. */
export function applyEngineRule(ruleCase: RuleCase): { w: number[]; b: number; z: number; y: number } {
  const perceptron = createPerceptron({ inputSize: ruleCase.w.length });
  perceptron.weights.set(ruleCase.w);
  perceptron.bias = ruleCase.b;
  const z = ruleCase.w.reduce((sum, wi, i) => sum + wi * ruleCase.x[i], ruleCase.b);
  const y = z >= 0 ? 1 : 0;
  perceptronUpdate(perceptron, ruleCase.x, ruleCase.target, ruleCase.learningRate);
  return { w: Array.from(perceptron.weights), b: perceptron.bias, z, y };
}

const format = (v: number) => String(Number(v.toPrecision(6)));
const formatList = (values: readonly number[]) => `[${values.map(format).join(", ")}]`;
const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
const allClose = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((v, i) => close(v, b[i]));

/** Expects y = step(w·x + b) (1 when z ≥ 0) and, when y ≠ t, w ← w + η(t − y)x and b ← b + η(t − y). */
export const checkPerceptronRule: Checker = (scope, s = en) => {
  const rule = scope.applyPerceptronRule;
  if (typeof rule !== "function") {
    return { passed: false, message: s.percDefine };
  }
  const cases = listRuleCases();
  for (const ruleCase of cases) {
    const verdict = judgeCase(rule as (...args: unknown[]) => unknown, ruleCase, s);
    if (verdict) return { passed: false, message: verdict };
  }
  return {
    passed: true,
    message: s.percPassed({ cases: cases.length }),
  };
};

/** Runs the reader's rule on one case; returns what is wrong, or undefined when it matches the engine. */
export function judgeCase(rule: (...args: unknown[]) => unknown, ruleCase: RuleCase, s: Strings = en): string | undefined {
  const { w, b, x, target, learningRate: eta } = ruleCase;
  const call = `applyPerceptronRule(${formatList(w)}, ${format(b)}, ${formatList(x)}, ${target}, ${format(eta)})`;
  let result: unknown;
  try {
    result = rule([...w], b, [...x], target, eta);
  } catch (error) {
    return s.percThrew({ call, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
  }
  if (typeof result !== "object" || result === null) return s.percNotObject({ call, result: String(result) });
  const { w: gotW, b: gotB } = result as { w?: unknown; b?: unknown };
  if (!Array.isArray(gotW) && !ArrayBuffer.isView(gotW)) return s.percWNotArray({ call, w: String(gotW) });
  const newW = Array.from(gotW as ArrayLike<unknown>);
  if (newW.length !== w.length) return s.percWeightCount({ call, got: newW.length, expected: w.length });
  if (!newW.every((v) => typeof v === "number")) return s.percWNotNumbers({ call, w: `[${newW.map(String).join(", ")}]` });
  if (typeof gotB !== "number") return s.percBNotNumber({ call, b: String(gotB) });
  const numbers = newW as number[];
  if (!numbers.every(Number.isFinite) || !Number.isFinite(gotB)) return s.percNotFinite({ call, w: formatList(numbers), b: format(gotB) });

  const expected = applyEngineRule(ruleCase);
  if (allClose(numbers, expected.w) && close(gotB, expected.b)) return undefined;

  const where = s.percWhere({ call, z: format(expected.z), y: expected.y, t: target });
  const stepW = numbers.map((v, i) => v - w[i]);
  const stepB = gotB - b;
  const wantW = expected.w.map((v, i) => v - w[i]);
  const wantB = expected.b - b;
  const error = target - expected.y;
  const unchanged = stepW.every((v) => close(v, 0)) && close(stepB, 0);
  const tie = expected.z === 0;

  if (error === 0) {
    if (tie) return s.percTieRight({ where });
    return s.percUpdatedRight({ where, w: formatList(numbers), b: format(gotB) });
  }
  if (unchanged) {
    if (tie) return s.percTieWrong({ where });
    return s.percUnchanged({ where, stepW: formatList(wantW), stepB: format(wantB) });
  }
  if (allClose(stepW, wantW.map((v) => -v)) && close(stepB, -wantB)) {
    return s.percWrongDirection({ where, error });
  }
  if (allClose(stepW, wantW)) {
    if (close(stepB, 0)) return s.percBiasUnchanged({ where, stepB: format(wantB) });
    if (close(stepB, -wantB)) return s.percBiasWrongWay({ where, stepB: format(wantB), got: format(stepB) });
    return s.percBiasWrong({ where, stepB: format(wantB), got: format(stepB) });
  }
  if (eta !== 1 && allClose(stepW, wantW.map((v) => v / eta))) {
    return s.percNoLearningRate({ where, got: formatList(stepW), stepW: formatList(wantW) });
  }
  if (stepW.every((v) => close(v, eta * error)) && !allClose(wantW, stepW)) {
    return s.percSameStep({ where, step: format(eta * error), stepW: formatList(wantW) });
  }
  return s.percExpected({ where, w: formatList(expected.w), b: format(expected.b), gotW: formatList(numbers), gotB: format(gotB) });
}
