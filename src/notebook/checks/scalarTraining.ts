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

/** The four points the checker trains on (three inputs each) and their targets ±1. */
export const FOUR_POINTS = { xs: [[1, 2, -1], [2, -1, 0.5], [0.5, 1, 1.5], [-1, 0.5, -1]], ys: [1, -1, -1, 1] };
/** E = (1/N) Σₙ ½(tₙ − yₙ)² must fall below this. */
export const THRESHOLD = 0.01;
/** The most steps the checker will run. */
export const MAX_STEPS = 500;

type TrainStep = (mlp: MlpLike, xs: number[][], ys: number[], learningRate: number) => unknown;

/** Passes when the reader's loop brings E below THRESHOLD within their `steps`; otherwise says which usual mistake the experiments point to. */
export const checkScalarTraining: Checker = (scope) => {
  const before = checkScalarMlp(scope);
  if (!before.passed) return { passed: false, message: requireEarlier(before.message, "step 4, the MLP cell") };
  const { trainStep, learningRate, steps } = scope;
  if (typeof trainStep !== "function") return { passed: false, message: "define a function trainStep(mlp, xs, ys, learningRate) that takes one step and returns the loss E" };
  if (typeof learningRate !== "number" || !(learningRate > 0) || !Number.isFinite(learningRate)) return { passed: false, message: `set const learningRate to a positive number (it is ${format(learningRate)})` };
  if (typeof steps !== "number" || !Number.isInteger(steps) || steps < 1 || steps > MAX_STEPS) return { passed: false, message: `set const steps to a whole number from 1 to ${MAX_STEPS} (it is ${format(steps)})` };
  try {
    const single = checkSingleSteps(scope.MLP as MlpClass, trainStep as TrainStep);
    if (!single.passed) return single;
    return checkConvergence(scope.MLP as MlpClass, trainStep as TrainStep, learningRate, steps);
  } catch (error) {
    return { passed: false, message: `trainStep threw ${describeThrow(error)}` };
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
function checkSingleSteps(MLP: MlpClass, trainStep: TrainStep): CheckResult {
  const mlp = new MLP(3, CHECK_SIZES);
  const parameters = readParameters(mlp);
  const { xs, ys } = FOUR_POINTS;
  const first = measureLoss(mlp);
  const p0 = parameters.map((p) => p.data);
  const returned = trainStep(mlp, xs.map((x) => x.slice()), ys.slice(), PROBE_RATE);
  if (typeof returned !== "number") return { passed: false, message: `trainStep returned ${format(returned)}; return the loss E (its .data, a number) computed before the update.` };
  if (!close(returned, first.loss, 1e-9)) {
    const variants: [number, string][] = [
      [2 * first.loss, "Σ(t − y)²/N, without the ½"],
      [xs.length * first.loss, "Σ ½(t − y)², without dividing by N"],
      [2 * xs.length * first.loss, "Σ (t − y)², without the ½ and the 1/N"],
    ];
    const variant = variants.find(([value]) => close(returned, value, 1e-9));
    return { passed: false, message: `trainStep returned E = ${format(returned)} for the first step, but E = (1/N) Σₙ ½(tₙ − yₙ)² is ${format(first.loss)} there${variant ? `: you computed ${variant[1]}` : ""}. Return the loss before the update.` };
  }
  const step1 = parameters.map((p, i) => p.data - p0[i]);
  const check = compareStep(step1, first.gradients, PROBE_RATE, parameters);
  if (check) return { passed: false, message: check };
  const second = measureLoss(mlp);
  const p1 = parameters.map((p) => p.data);
  trainStep(mlp, xs.map((x) => x.slice()), ys.slice(), PROBE_RATE);
  const step2 = parameters.map((p, i) => p.data - p1[i]);
  if (matches(step2, second.gradients.map((g) => -PROBE_RATE * g))) return { passed: true, message: "" };
  if (matches(step2, second.gradients.map((g, i) => -PROBE_RATE * (g + first.gradients[i])))) {
    return { passed: false, message: "the grads are never zeroed: the second step moved the weights by −η times the sum of the first and the second gradient. Since backward adds into p.grad, set every parameter's grad to 0 before each backward (what zero_grad() does)." };
  }
  return { passed: false, message: "the first step was right, but the second was not −learningRate · ∂E/∂p at the new weights; does trainStep keep something between calls?" };
}

function matches(got: number[], expected: number[]): boolean {
  return got.every((value, i) => close(value, expected[i], 1e-7));
}

function compareStep(step: number[], gradients: number[], rate: number, parameters: ScalarNode[]): string | undefined {
  if (matches(step, gradients.map((g) => -rate * g))) return undefined;
  if (step.every((value) => value === 0)) {
    if (parameters.every((p) => p.grad === 0)) return "no parameter changed, and every grad is 0 after the step: zero the grads before backward, not between backward and the update.";
    return "no parameter changed: the update is missing; for each p of mlp.parameters(), p.data −= learningRate * p.grad.";
  }
  if (matches(step, gradients.map((g) => rate * g))) return "the update goes uphill: the weights moved by +learningRate · ∂E/∂p. Gradient descent subtracts: p.data −= learningRate * p.grad.";
  if (matches(step, gradients.map((g) => -g))) return "the weights moved by −∂E/∂p: multiply the gradient by learningRate.";
  if (matches(step, gradients.map((g) => g))) return "the weights moved by +∂E/∂p: subtract, and multiply by learningRate: p.data −= learningRate * p.grad.";
  return `one step with learningRate ${rate} should move every parameter by −${rate} · ∂E/∂p (the engine's gradient of E = (1/N) Σₙ ½(tₙ − yₙ)² at the same weights), but it moved parameter 0 by ${format(step[0])} instead of ${format(-rate * gradients[0])}.`;
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

function checkConvergence(MLP: MlpClass, trainStep: TrainStep, learningRate: number, steps: number): CheckResult {
  const { losses, final, reachedAt } = run(MLP, trainStep, learningRate, steps);
  if (Number.isFinite(final) && final < THRESHOLD) {
    return { passed: true, message: `E fell from ${format(losses[0])} to ${format(final)} in ${steps} steps with learningRate ${learningRate} (below ${THRESHOLD} after step ${reachedAt}): your own autograd trains a network.` };
  }
  const blewUp = !Number.isFinite(final) || losses.some((loss) => !Number.isFinite(loss)) || final > losses[0];
  // A rate that saturates every tanh can stall instead of blowing up; smaller rates tell the two apart.
  let smaller = { rate: learningRate / 10, final: Infinity };
  for (const divisor of [10, 100, 1000]) {
    smaller = { rate: learningRate / divisor, final: run(MLP, trainStep, learningRate / divisor, steps).final };
    if (smaller.final < 0.8 * final) break;
  }
  if (blewUp || smaller.final < 0.8 * final) {
    const fix = smaller.final < THRESHOLD ? `with learningRate ${smaller.rate} the same loop reaches E = ${format(smaller.final)}` : `with learningRate ${smaller.rate} it gets to E = ${format(smaller.final)}; try smaller still`;
    const what = blewUp ? `diverges: E went from ${format(losses[0])} to ${format(final)}` : `is too large: E only got from ${format(losses[0])} to ${format(final)}`;
    return { passed: false, message: `the learning rate ${learningRate} ${what} in ${steps} steps, each step overshooting the valley or saturating the tanh units, while ${fix}. Your loop is right; the rate is too large.` };
  }
  const longer = Math.min(steps * 4, MAX_STEPS);
  const retry = longer > steps ? run(MLP, trainStep, learningRate, longer) : run(MLP, trainStep, learningRate * 3, steps);
  const advice = retry.final >= THRESHOLD ? "raise the learning rate a little, or the number of steps" : longer > steps ? `with ${longer} steps it reaches E = ${format(retry.final)}` : `with learningRate ${learningRate * 3} it reaches E = ${format(retry.final)}`;
  return { passed: false, message: `E fell from ${format(losses[0])} to ${format(final)} in ${steps} steps, not yet below ${THRESHOLD}: the loop is right but slow; ${advice}.` };
}
