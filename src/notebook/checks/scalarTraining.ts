/**
 * Checks step 5 of the "your own autograd" chapter: the reader's `trainStep(mlp, xs, ys, learningRate)`
 * with their chosen `learningRate` and `steps`. It passes when E falls below THRESHOLD on four points
 * within the reader's steps. Before that, the checker runs single steps and compares the parameters'
 * change with −η·∂E/∂p computed by the engine, so a wrong sign, grads that are never zeroed, or a
 * missing update is found by experiment; a loss that blows up is retried with a smaller rate.
 */
import { Value } from "../../engine/index";
import type { Checker, CheckResult } from "./types";
import { checkScalarMlp, CHECK_SIZES, type MlpClass, type MlpLike, type NeuronLike } from "./scalarMlp";
import { requireEarlier, close, describeThrow, format, type ScalarNode } from "./scalarCommon";
import { en } from "../../i18n/en";
import type { Strings } from "../../i18n/types";

/** The four points the checker trains on (three inputs each) and their targets ±1. */
export const FOUR_POINTS = { xs: [[1, 2, -1], [2, -1, 0.5], [0.5, 1, 1.5], [-1, 0.5, -1]], ys: [1, -1, -1, 1] };
/** E = (1/N) Σₙ ½(tₙ − yₙ)² must fall below this. */
export const THRESHOLD = 0.01;
/** The most steps the checker will run. */
export const MAX_STEPS = 500;

type TrainStep = (mlp: MlpLike, xs: number[][], ys: number[], learningRate: number) => unknown;

/** Passes when the reader's loop brings E below THRESHOLD within their `steps`; otherwise says which usual mistake the experiments point to. */
export const checkScalarTraining: Checker = (scope, s = en) => {
  const before = checkScalarMlp(scope, s);
  if (!before.passed) return { passed: false, message: requireEarlier(before.message, s.scalarStep4, s) };
  const { trainStep, learningRate, steps } = scope;
  if (typeof trainStep !== "function") return { passed: false, message: s.trainDefine };
  if (typeof learningRate !== "number" || !(learningRate > 0) || !Number.isFinite(learningRate)) return { passed: false, message: s.trainSetRate({ got: format(learningRate) }) };
  if (typeof steps !== "number" || !Number.isInteger(steps) || steps < 1 || steps > MAX_STEPS) return { passed: false, message: s.trainSetSteps({ max: MAX_STEPS, got: format(steps) }) };
  try {
    const single = checkSingleSteps(scope.MLP as MlpClass, trainStep as TrainStep, s);
    if (!single.passed) return single;
    return checkConvergence(scope.MLP as MlpClass, trainStep as TrainStep, learningRate, steps, s);
  } catch (error) {
    return { passed: false, message: s.trainThrew({ error: describeThrow(error, s) }) };
  }
};

/** E and ∂E/∂p for every parameter, computed with the engine's Value from the MLP's current numbers (weights then bias per neuron). */
export function measureLoss(mlp: MlpLike, xs = FOUR_POINTS.xs, ys = FOUR_POINTS.ys): { loss: number; gradients: number[] } {
  const parameters: Value[] = [];
  const layers = mlp.layers.map((layer) => layer.neurons.map((neuron: NeuronLike) => {
    const w = neuron.w.map((weight) => new Value(weight.data));
    const b = new Value(neuron.b.data);
    parameters.push(...w, b);
    return { w, b };
  }));
  let loss = new Value(0);
  xs.forEach((x, n) => {
    let activations = x.map((value) => new Value(value));
    for (const layer of layers) {
      activations = layer.map(({ w, b }) => w.reduce((sum, weight, k) => sum.add(weight.mul(activations[k])), b).tanh());
    }
    loss = loss.add(new Value(ys[n]).sub(activations[0]).pow(2).mul(0.5));
  });
  loss = loss.mul(1 / xs.length);
  loss.backward();
  return { loss: loss.data, gradients: parameters.map((p) => p.grad) };
}

function readParameters(mlp: MlpLike): ScalarNode[] {
  return mlp.layers.flatMap((layer) => layer.neurons.flatMap((neuron: NeuronLike) => [...neuron.w, neuron.b]));
}

const PROBE_RATE = 0.05;

// Two single steps with a small rate: the first shows the sign and size of the update, the second whether old grads were added in.
function checkSingleSteps(MLP: MlpClass, trainStep: TrainStep, s: Strings): CheckResult {
  const mlp = new MLP(3, CHECK_SIZES);
  const parameters = readParameters(mlp);
  const { xs, ys } = FOUR_POINTS;
  const first = measureLoss(mlp);
  const p0 = parameters.map((p) => p.data);
  const returned = trainStep(mlp, xs.map((x) => x.slice()), ys.slice(), PROBE_RATE);
  if (typeof returned !== "number") return { passed: false, message: s.trainNotNumber({ got: format(returned) }) };
  if (!close(returned, first.loss, 1e-9)) {
    const variants: [number, string][] = [
      [2 * first.loss, s.trainLossNoHalf],
      [xs.length * first.loss, s.trainLossNoMean],
      [2 * xs.length * first.loss, s.trainLossNeither],
    ];
    const variant = variants.find(([value]) => close(returned, value, 1e-9));
    return { passed: false, message: s.trainWrongLoss({ got: format(returned), expected: format(first.loss), computed: variant ? s.trainYouComputed({ what: variant[1] }) : "" }) };
  }
  const step1 = parameters.map((p, i) => p.data - p0[i]);
  const check = compareStep(step1, first.gradients, PROBE_RATE, parameters, s);
  if (check) return { passed: false, message: check };
  const second = measureLoss(mlp);
  const p1 = parameters.map((p) => p.data);
  trainStep(mlp, xs.map((x) => x.slice()), ys.slice(), PROBE_RATE);
  const step2 = parameters.map((p, i) => p.data - p1[i]);
  if (matches(step2, second.gradients.map((g) => -PROBE_RATE * g))) return { passed: true, message: "" };
  if (matches(step2, second.gradients.map((g, i) => -PROBE_RATE * (g + first.gradients[i])))) {
    return { passed: false, message: s.trainNeverZeroed };
  }
  return { passed: false, message: s.trainSecondWrong };
}

function matches(got: number[], expected: number[]): boolean {
  return got.every((value, i) => close(value, expected[i], 1e-7));
}

function compareStep(step: number[], gradients: number[], rate: number, parameters: ScalarNode[], s: Strings): string | undefined {
  if (matches(step, gradients.map((g) => -rate * g))) return undefined;
  if (step.every((value) => value === 0)) {
    if (parameters.every((p) => p.grad === 0)) return s.trainZeroedTooLate;
    return s.trainNoUpdate;
  }
  if (matches(step, gradients.map((g) => rate * g))) return s.trainUphill;
  if (matches(step, gradients.map((g) => -g))) return s.trainNoRate;
  if (matches(step, gradients.map((g) => g))) return s.trainUphillNoRate;
  return s.trainStepWrong({ rate, got: format(step[0]), expected: format(-rate * gradients[0]) });
}

/** Runs `steps` steps on a fresh MLP and returns E before and after each (from trainStep), plus the engine's final E. */
function run(MLP: MlpClass, trainStep: TrainStep, learningRate: number, steps: number): { losses: number[]; final: number; reachedAt: number } {
  const mlp = new MLP(3, CHECK_SIZES);
  const losses: number[] = [];
  let reachedAt = -1;
  for (let s = 0; s < steps; s++) {
    losses.push(Number(trainStep(mlp, FOUR_POINTS.xs.map((x) => x.slice()), FOUR_POINTS.ys.slice(), learningRate)));
    if (!Number.isFinite(losses[s])) break;
  }
  const final = measureLoss(mlp).loss;
  if (final < THRESHOLD) reachedAt = losses.findIndex((loss) => loss < THRESHOLD);
  return { losses, final, reachedAt: reachedAt < 0 && final < THRESHOLD ? losses.length : reachedAt };
}

function checkConvergence(MLP: MlpClass, trainStep: TrainStep, learningRate: number, steps: number, s: Strings): CheckResult {
  const { losses, final, reachedAt } = run(MLP, trainStep, learningRate, steps);
  if (Number.isFinite(final) && final < THRESHOLD) {
    return { passed: true, message: s.trainPassed({ from: format(losses[0]), to: format(final), steps, rate: learningRate, threshold: THRESHOLD, reachedAt }) };
  }
  const blewUp = !Number.isFinite(final) || losses.some((loss) => !Number.isFinite(loss)) || final > losses[0];
  // A rate that saturates every tanh can stall instead of blowing up; smaller rates tell the two apart.
  let smaller = { rate: learningRate / 10, final: Infinity };
  for (const divisor of [10, 100, 1000]) {
    smaller = { rate: learningRate / divisor, final: run(MLP, trainStep, learningRate / divisor, steps).final };
    if (smaller.final < 0.8 * final) break;
  }
  if (blewUp || smaller.final < 0.8 * final) {
    const reached = { rate: smaller.rate, loss: format(smaller.final) };
    const fix = smaller.final < THRESHOLD ? s.trainSmallerReaches(reached) : s.trainSmallerStill(reached);
    const moved = { from: format(losses[0]), to: format(final) };
    const what = blewUp ? s.trainDiverges(moved) : s.trainTooLarge(moved);
    return { passed: false, message: s.trainRateTooLarge({ rate: learningRate, what, steps, fix }) };
  }
  const longer = Math.min(steps * 4, MAX_STEPS);
  const retry = longer > steps ? run(MLP, trainStep, learningRate, longer) : run(MLP, trainStep, learningRate * 3, steps);
  const loss = format(retry.final);
  const advice = retry.final >= THRESHOLD ? s.trainRaise : longer > steps ? s.trainLonger({ steps: longer, loss }) : s.trainFaster({ rate: learningRate * 3, loss });
  return { passed: false, message: s.trainSlow({ from: format(losses[0]), to: format(final), steps, threshold: THRESHOLD, advice }) };
}
