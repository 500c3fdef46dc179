/**
 * Chapter 3's "Your turn": the reader's `momentumStep(w, step, gradient, learningRate, momentum)`
 * must return what the engine's momentum optimizer does, Δw ← αΔw − η∇E and w ← w + Δw, as
 * `{ w, step }`. A wrong answer is matched against the usual mistakes so the message can name one.
 */
import { applyOptimizer, createNetwork, createOptimizer } from "../../engine/index";
import type { Checker } from "./types";
import { en } from "../../i18n/en";
import type { Strings } from "../../i18n/types";

interface MomentumCase {
  w: number;
  step: number;
  gradient: number;
  learningRate: number;
  momentum: number;
}

/** Cases chosen so every mistake below gives a different answer from the right one (non-zero step, α ≠ η, α ≠ 1 − α). */
const CASES: MomentumCase[] = [
  { w: 1, step: 0.2, gradient: 2, learningRate: 0.1, momentum: 0.9 },
  { w: -0.5, step: -0.3, gradient: -1, learningRate: 0.05, momentum: 0.6 },
  { w: 2, step: 0.5, gradient: 0.4, learningRate: 0.3, momentum: 0.2 },
];

/** The engine's answer: one momentum update of a one-weight network whose stored step is `step`. */
function runEngine({ w, step, gradient, learningRate, momentum }: MomentumCase): { w: number; step: number } {
  const network = createNetwork({ sizes: [1, 1], outputActivation: "identity", init: "zeros" });
  const layer = network.layers[0];
  layer.weights[0] = w;
  layer.weightGradient[0] = gradient;
  layer.biasGradient[0] = 0;
  const optimizer = createOptimizer({ kind: "momentum", learningRate, momentum });
  // Velocity arrays in the engine's order [W, b], so applyOptimizer keeps them instead of starting from zero.
  optimizer.velocity = [Float64Array.of(step), new Float64Array(1)];
  optimizer.secondMoment = [new Float64Array(1), new Float64Array(1)];
  applyOptimizer(optimizer, network);
  return { w: layer.weights[0], step: optimizer.velocity[0][0] };
}

/** The usual wrong steps Δw, each with what to tell the reader. */
function listStepMistakes(c: MomentumCase, s: Strings): [number, string][] {
  const { step, gradient: g, learningRate: eta, momentum: alpha } = c;
  return [
    [alpha * step + eta * g, s.momUphill],
    [-eta * g, s.momNoCarry],
    [step - eta * g, s.momWholeStep],
    [eta * step - alpha * g, s.momSwapped],
    [alpha * (step - eta * g), s.momAlphaOnGradient],
    [alpha * step - (1 - alpha) * eta * g, s.momAveraging],
    [-alpha * step - eta * g, s.momSubtracted],
  ];
}

/**
 * The usual mistake the reader's step matches. Two mistakes can give the same number on one case
 * (on the first, step − η·g and α(step − η·g) are both 0), so the other cases decide between them.
 */
function describeStepMistake(c: MomentumCase, got: number, stepOn: (other: MomentumCase) => unknown, s: Strings): string | null {
  const matches = (other: MomentumCase, value: unknown, index: number) => typeof value === "number" && Math.abs(value - listStepMistakes(other, s)[index][0]) < 1e-9;
  const candidates = listStepMistakes(c, s).flatMap(([, message], index) => (matches(c, got, index) ? [{ index, message }] : []));
  if (candidates.length <= 1) return candidates[0]?.message ?? null;
  const everywhere = candidates.find(({ index }) => CASES.every((other) => other === c || matches(other, stepOn(other), index)));
  return (everywhere ?? candidates[0]).message;
}

function format(x: number): string {
  return String(Number(x.toPrecision(6)));
}

/** Compares `scope.momentumStep` with the engine's momentum optimizer on every case, naming the first mistake found. */
export const checkGradientDescentMomentum: Checker = (scope, s = en) => {
  const momentumStep = scope.momentumStep;
  if (typeof momentumStep !== "function") {
    return { passed: false, message: s.momDefine };
  }
  for (const c of CASES) {
    const call = `momentumStep(${c.w}, ${c.step}, ${c.gradient}, ${c.learningRate}, ${c.momentum})`;
    const expected = runEngine(c);
    const result: unknown = momentumStep(c.w, c.step, c.gradient, c.learningRate, c.momentum);
    if (typeof result !== "object" || result === null) return { passed: false, message: s.momNotObject({ call, result: String(result) }) };
    const { w, step } = result as { w?: unknown; step?: unknown };
    if (typeof step !== "number" || typeof w !== "number") {
      const keys = Object.keys(result).join(", ") || s.momNoKeys;
      return { passed: false, message: s.momWrongKeys({ call, keys }) };
    }
    if (!Number.isFinite(step) || !Number.isFinite(w)) return { passed: false, message: s.momNotFinite({ call, w: String(w), step: String(step) }) };
    if (Math.abs(step - expected.step) > 1e-9) {
      const mistake = describeStepMistake(c, step, (other) => {
        try {
          return (momentumStep(other.w, other.step, other.gradient, other.learningRate, other.momentum) as { step?: unknown } | null)?.step;
        } catch {
          return undefined;
        }
      }, s);
      const detail = s.momStepDetail({ call, got: format(step), expected: format(expected.step) });
      return { passed: false, message: mistake ? s.chkWhyDetail({ why: mistake, detail }) : s.momStepRule({ detail }) };
    }
    if (Math.abs(w - expected.w) > 1e-9) {
      const detail = s.momWeightDetail({ call, got: format(w), expected: format(expected.w) });
      let why = s.momWeightRule;
      if (Math.abs(w - (c.w + c.step)) < 1e-9) why = s.momWeightOldStep;
      else if (Math.abs(w - (c.w - c.learningRate * c.gradient)) < 1e-9) why = s.momWeightNoMomentum;
      else if (Math.abs(w - (c.w - expected.step)) < 1e-9) why = s.momWeightSubtracted;
      return { passed: false, message: s.chkWhyDetail({ why, detail }) };
    }
  }
  return { passed: true, message: s.momPassed({ cases: CASES.length }) };
};
