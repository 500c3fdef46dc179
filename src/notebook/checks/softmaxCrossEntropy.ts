/**
 * Checks the reader's `softmaxCrossEntropy(logits, label)` from chapter 7: the loss
 * E = log Σ_k e^{z_k} − z_label and its gradient δ = y − t, against the engine on ordinary logits
 * (a gradient that fits no known mistake is compared with central differences of the reader's own
 * loss), and on logits of ±1000, where exp overflows.
 */
import { createNetwork, forward, backward } from "../../engine/index";
import type { Checker, CheckResult } from "./types";
import { formatNumber } from "./wording";

/** One softmax and cross-entropy case: logits, label and the engine's answer. */
interface SoftmaxCase {
  logits: number[];
  label: number;
  loss: number;
  gradient: number[];
}

/** The engine's loss and δ for `logits`: a one-layer identity network whose z is the logits. */
export function engineSoftmaxCrossEntropy(logits: number[], label: number): SoftmaxCase {
  const size = logits.length;
  const network = createNetwork({ sizes: [size, size], outputActivation: "softmax", loss: "softmaxCrossEntropy", init: "zeros" });
  const layer = network.layers[0];
  layer.biases.set(logits); // zero weights: z = b = the logits, whatever the input
  forward(network, new Float64Array(size));
  const targets = new Float64Array(size);
  targets[label] = 1;
  const loss = backward(network, targets);
  return { logits, label, loss, gradient: Array.from(layer.delta) };
}

const ORDINARY = [
  engineSoftmaxCrossEntropy([0.5, -1.2, 2.0, 0.1, -0.3, 1.1, -2.2, 0.7, 0.0, -0.9], 2),
  engineSoftmaxCrossEntropy([1.5, 0.3, -0.4, 2.2, -1.0, 0.8, 0.2, -0.6, 1.9, 0.4], 7),
  engineSoftmaxCrossEntropy([-3, 4, 1], 0),
];
const HUGE = [
  engineSoftmaxCrossEntropy([1000, -1000, 0, 10, -5, 3, 1000, 2, -1, 0], 1),
  engineSoftmaxCrossEntropy([-1000, -1000, -999, -1001, -1000, -1000, -1000, -1000, -1000, -1000], 3),
];
const TOLERANCE = 1e-9;
const EPSILON = 1e-5;

const close = (a: unknown, b: number, tolerance = TOLERANCE) => typeof a === "number" && Math.abs(a - b) <= tolerance * Math.max(1, Math.abs(b));
const toArray = (value: unknown): unknown[] | undefined => (Array.isArray(value) || ArrayBuffer.isView(value) ? Array.from(value as ArrayLike<unknown>) : undefined);
const matches = (actual: unknown[] | undefined, expected: number[], tolerance = TOLERANCE) => actual !== undefined && actual.length === expected.length && expected.every((value, i) => close(actual[i], value, tolerance));
const listed = (values: number[]) => `[${values.map((value) => formatNumber(value)).join(", ")}]`;

type Softmax = (logits: number[], label: number) => unknown;

function call(f: Softmax, c: SoftmaxCase): { loss: unknown; gradient: unknown[] | undefined } | string {
  const result = f(c.logits.slice(), c.label) as Record<string, unknown> | undefined;
  if (typeof result !== "object" || result === null) return `softmaxCrossEntropy returned ${String(result)}; return an object { loss, gradient }`;
  return { loss: result.loss, gradient: toArray(result.gradient) };
}

/** Names what went wrong on logits as large as ±1000, where e^z leaves the range of a float64. */
function judgeHuge(loss: unknown, gradient: unknown[] | undefined, c: SoftmaxCase): string | undefined {
  const finite = typeof loss === "number" && Number.isFinite(loss) && gradient !== undefined && gradient.every((g) => typeof g === "number" && Number.isFinite(g));
  if (!finite) {
    const large = Math.max(...c.logits);
    const cause = large > 709
      ? `e^${large} overflows: a float64 holds at most about 1.8·10^308, and e^z is Infinity for z above 709.78, so the sum is Infinity and Infinity / Infinity is NaN`
      : `every e^z underflows to 0 for logits near ${large}, so the sum is 0 and log 0 = −Infinity (0 / 0 = NaN in the gradient)`;
    return `On logits like ${listed(c.logits.slice(0, 4))}… your result holds ${String(loss)} or a NaN/Infinity in the gradient: ${cause}. Subtract the largest logit from every logit before exponentiating (log-sum-exp); the answer does not change`;
  }
  if (!close(loss, c.loss, 1e-6) || !matches(gradient, c.gradient, 1e-6)) {
    return `On logits of ±1000 (label ${c.label}) the loss should be ${formatNumber(c.loss)} and the gradient ${listed(c.gradient)}; yours gives ${formatNumber(loss)} and ${listed(gradient as number[])}`;
  }
  return undefined;
}

/** Names the usual wrong answers on an ordinary case; a gradient that fits no known mistake is compared with the reader's own loss. */
function judgeOrdinary(f: Softmax, loss: unknown, gradient: unknown[] | undefined, c: SoftmaxCase): string | undefined {
  const probabilities = c.gradient.map((g, j) => g + (j === c.label ? 1 : 0));
  if (gradient === undefined || gradient.length !== c.logits.length) return `the gradient should hold ${c.logits.length} numbers, one per logit; yours is ${gradient === undefined ? "not an array" : `${gradient.length} long`}`;
  if (typeof loss !== "number") return `loss should be a number; yours is ${typeof loss}`;
  const problems: string[] = [];
  const lossRight = close(loss, c.loss);
  if (!lossRight) {
    if (close(loss, -c.loss)) problems.push(`loss has the wrong sign: E = −log y_label = ${formatNumber(c.loss)}, a positive number`);
    else if (close(loss, probabilities[c.label])) problems.push(`loss is the probability y_label = ${formatNumber(probabilities[c.label])}; the loss is −log y_label = ${formatNumber(c.loss)}`);
    else if (close(loss, c.loss / Math.LN2)) problems.push("loss uses log base 2; cross-entropy here uses the natural log (Math.log)");
    else problems.push(`for label ${c.label}, loss is ${formatNumber(loss)}, expected log Σ_k e^{z_k} − z_label = ${formatNumber(c.loss)}`);
  }
  if (!matches(gradient, c.gradient)) {
    if (matches(gradient, c.gradient.map((g) => -g))) problems.push("the gradient has the wrong sign: ∂E/∂z = y − t, the probabilities minus the one-hot target");
    else if (matches(gradient, probabilities)) problems.push(`the gradient is the softmax y itself; subtract the one-hot target t (1 at index ${c.label})`);
    else if (matches(gradient, c.logits.map((z, j) => z - (j === c.label ? 1 : 0)))) problems.push("the gradient is z − t, the logits minus the target; it should be y − t, the probabilities after softmax");
    else {
      const j = c.gradient.findIndex((g, i) => !close(gradient[i], g));
      // With the loss right, the reader's own loss is the fairest judge of the gradient.
      problems.push((lossRight && judgeFiniteDifferences(f, c, gradient)) || `gradient[${j}] is ${formatNumber(gradient[j])}, expected y_${j} − t_${j} = ${formatNumber(c.gradient[j])}`);
    }
  }
  return problems.length > 0 ? `On logits ${listed(c.logits)} with label ${c.label}: ${problems.join("; ")}` : undefined;
}

/** Compares the reader's gradient with central differences of the reader's own loss. */
function judgeFiniteDifferences(f: Softmax, c: SoftmaxCase, gradient: unknown[]): string | undefined {
  for (let j = 0; j < c.logits.length; j++) {
    const at = (shift: number) => Number((f(c.logits.map((z, i) => (i === j ? z + shift : z)), c.label) as { loss?: unknown } | undefined)?.loss);
    const numeric = (at(EPSILON) - at(-EPSILON)) / (2 * EPSILON);
    const analytic = Number(gradient[j]);
    if (!(Math.abs(numeric - analytic) <= 1e-6 * Math.max(1, Math.abs(numeric)))) {
      return `your gradient[${j}] = ${formatNumber(analytic)} disagrees with central differences of your own loss, (E(z + ε) − E(z − ε)) / 2ε = ${formatNumber(numeric)}: the loss is right, so the gradient is not its derivative (y_${j} − t_${j} = ${formatNumber(c.gradient[j])})`;
    }
  }
  return undefined;
}

/** Expects `softmaxCrossEntropy(logits, label)` to return `{ loss, gradient }` equal to the engine's, even for logits of ±1000. */
export const checkSoftmaxCrossEntropy: Checker = (scope): CheckResult => {
  const f = scope.softmaxCrossEntropy;
  if (typeof f !== "function") return { passed: false, message: "define a function softmaxCrossEntropy(logits, label) that returns { loss, gradient }" };
  for (const c of ORDINARY) {
    const result = call(f as Softmax, c);
    if (typeof result === "string") return { passed: false, message: result };
    const problem = judgeOrdinary(f as Softmax, result.loss, result.gradient, c);
    if (problem) return { passed: false, message: `${problem}.` };
  }
  for (const c of HUGE) {
    const result = call(f as Softmax, c);
    if (typeof result === "string") return { passed: false, message: result };
    const problem = judgeHuge(result.loss, result.gradient, c);
    if (problem) return { passed: false, message: `${problem}.` };
  }
  return {
    passed: true,
    message: `Loss and gradient match the engine on three sets of logits, so the gradient is the derivative of the loss; on logits of ±1000 you return a loss of ${formatNumber(HUGE[0].loss)} and a finite gradient, where the plain formula gives NaN.`,
  };
};

