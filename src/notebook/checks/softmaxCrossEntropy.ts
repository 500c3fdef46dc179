/**
 * Checks the reader's `softmaxCrossEntropy(logits, label)` from chapter 7: the loss
 * E = log Σ_k e^{z_k} − z_label and its gradient δ = y − t, against the engine on ordinary logits
 * (a gradient that fits no known mistake is compared with central differences of the reader's own
 * loss), and on logits of ±1000, where exp overflows.
 */
import { createNetwork, forward, backward } from "../../engine/index";
import type { Checker, CheckResult } from "./types";
import { formatNumber } from "./wording";
import { en } from "../../i18n/en";
import type { Strings } from "../../i18n/types";

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

function call(f: Softmax, c: SoftmaxCase, s: Strings): { loss: unknown; gradient: unknown[] | undefined } | string {
  const result = f(c.logits.slice(), c.label) as Record<string, unknown> | undefined;
  if (typeof result !== "object" || result === null) return s.smxNotObject({ result: String(result) });
  return { loss: result.loss, gradient: toArray(result.gradient) };
}

/** Names what went wrong on logits as large as ±1000, where e^z leaves the range of a float64. */
function judgeHuge(loss: unknown, gradient: unknown[] | undefined, c: SoftmaxCase, s: Strings): string | undefined {
  const finite = typeof loss === "number" && Number.isFinite(loss) && gradient !== undefined && gradient.every((g) => typeof g === "number" && Number.isFinite(g));
  if (!finite) {
    const large = Math.max(...c.logits);
    const cause = large > 709
      ? s.smxOverflow({ large: String(large) })
      : s.smxUnderflow({ large: String(large) });
    return s.smxNotFinite({ logits: listed(c.logits.slice(0, 4)), loss: String(loss), cause });
  }
  if (!close(loss, c.loss, 1e-6) || !matches(gradient, c.gradient, 1e-6)) {
    return s.smxHugeWrong({ label: c.label, loss: formatNumber(c.loss), gradient: listed(c.gradient), yourLoss: formatNumber(loss), yourGradient: listed(gradient as number[]) });
  }
  return undefined;
}

/** Names the usual wrong answers on an ordinary case; a gradient that fits no known mistake is compared with the reader's own loss. */
function judgeOrdinary(f: Softmax, loss: unknown, gradient: unknown[] | undefined, c: SoftmaxCase, s: Strings): string | undefined {
  const probabilities = c.gradient.map((g, j) => g + (j === c.label ? 1 : 0));
  if (gradient === undefined || gradient.length !== c.logits.length) return s.smxGradientLength({ count: c.logits.length, yours: gradient === undefined ? s.smxNotAnArray : s.smxLong({ length: gradient.length }) });
  if (typeof loss !== "number") return s.smxLossNotNumber({ type: typeof loss });
  const problems: string[] = [];
  const lossRight = close(loss, c.loss);
  if (!lossRight) {
    if (close(loss, -c.loss)) problems.push(s.smxLossSign({ loss: formatNumber(c.loss) }));
    else if (close(loss, probabilities[c.label])) problems.push(s.smxLossIsProbability({ probability: formatNumber(probabilities[c.label]), loss: formatNumber(c.loss) }));
    else if (close(loss, c.loss / Math.LN2)) problems.push(s.smxLossLog2);
    else problems.push(s.smxLossWrong({ label: c.label, loss: formatNumber(loss), expected: formatNumber(c.loss) }));
  }
  if (!matches(gradient, c.gradient)) {
    if (matches(gradient, c.gradient.map((g) => -g))) problems.push(s.smxGradSign);
    else if (matches(gradient, probabilities)) problems.push(s.smxGradIsSoftmax({ label: c.label }));
    else if (matches(gradient, c.logits.map((z, j) => z - (j === c.label ? 1 : 0)))) problems.push(s.smxGradLogits);
    else {
      const j = c.gradient.findIndex((g, i) => !close(gradient[i], g));
      // With the loss right, the reader's own loss is the fairest judge of the gradient.
      problems.push((lossRight && judgeFiniteDifferences(f, c, gradient, s)) || s.smxGradWrong({ j, got: formatNumber(gradient[j]), expected: formatNumber(c.gradient[j]) }));
    }
  }
  return problems.length > 0 ? s.smxOnLogits({ logits: listed(c.logits), label: c.label, problems: problems.join(s.chkProblemSeparator) }) : undefined;
}

/** Compares the reader's gradient with central differences of the reader's own loss. */
function judgeFiniteDifferences(f: Softmax, c: SoftmaxCase, gradient: unknown[], s: Strings): string | undefined {
  for (let j = 0; j < c.logits.length; j++) {
    const at = (shift: number) => Number((f(c.logits.map((z, i) => (i === j ? z + shift : z)), c.label) as { loss?: unknown } | undefined)?.loss);
    const numeric = (at(EPSILON) - at(-EPSILON)) / (2 * EPSILON);
    const analytic = Number(gradient[j]);
    if (!(Math.abs(numeric - analytic) <= 1e-6 * Math.max(1, Math.abs(numeric)))) {
      return s.smxFiniteDifferences({ j, analytic: formatNumber(analytic), numeric: formatNumber(numeric), expected: formatNumber(c.gradient[j]) });
    }
  }
  return undefined;
}

/** Expects `softmaxCrossEntropy(logits, label)` to return `{ loss, gradient }` equal to the engine's, even for logits of ±1000. */
export const checkSoftmaxCrossEntropy: Checker = (scope, s = en): CheckResult => {
  const f = scope.softmaxCrossEntropy;
  if (typeof f !== "function") return { passed: false, message: s.smxDefine };
  for (const c of ORDINARY) {
    const result = call(f as Softmax, c, s);
    if (typeof result === "string") return { passed: false, message: result };
    const problem = judgeOrdinary(f as Softmax, result.loss, result.gradient, c, s);
    if (problem) return { passed: false, message: s.chkEndSentence({ text: problem }) };
  }
  for (const c of HUGE) {
    const result = call(f as Softmax, c, s);
    if (typeof result === "string") return { passed: false, message: result };
    const problem = judgeHuge(result.loss, result.gradient, c, s);
    if (problem) return { passed: false, message: s.chkEndSentence({ text: problem }) };
  }
  return {
    passed: true,
    message: s.smxPassed({ loss: formatNumber(HUGE[0].loss) }),
  };
};

