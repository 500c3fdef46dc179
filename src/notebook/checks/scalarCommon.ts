/**
 * What the checkers of the "your own autograd" chapter share: how they read the reader's `Scalar`
 * (duck-typed, because re-running a cell makes a new class), build the same random expression with
 * it and with the engine's `Value`, and compare numbers to 1e-12.
 */
import { Value, createRandom, type Random } from "../../engine/index";
import { en } from "../../i18n/en";
import type { Strings } from "../../i18n/types";

/** The reader's node as the checkers see it: the fields the chapter's starter code declares. */
export interface ScalarNode extends Operations<ScalarNode> {
  data: number;
  grad: number;
  operands: ScalarNode[];
  localGrads: number[];
}

/** `new Scalar(x)` for the reader's class. */
export type ScalarClass = new (data: number) => ScalarNode;

/** The reader's `backward(output)`. */
export type BackwardFunction = (output: ScalarNode) => void;

/** Relative agreement the chapter promises: the same arithmetic in the same order gives the same doubles, up to rounding. */
export const TOLERANCE = 1e-12;

/** True when `got` is a number within TOLERANCE (relative, absolute below 1) of `expected`. */
export function close(got: unknown, expected: number, tolerance = TOLERANCE): got is number {
  if (typeof got !== "number") return false;
  if (Number.isNaN(expected)) return Number.isNaN(got);
  return Math.abs(got - expected) <= tolerance * Math.max(1, Math.abs(expected));
}

/** A number as a reader would write it: at most six significant digits. */
export function format(x: unknown): string {
  if (typeof x === "number") return String(Number(x.toPrecision(6)));
  if (Array.isArray(x)) return `[${x.map(format).join(", ")}]`;
  return x === undefined ? "undefined" : x === null ? "null" : typeof x;
}

/** True when `value` looks like a node of the reader's Scalar (data, grad, operands, localGrads). */
export function isScalarNode(value: unknown): value is ScalarNode {
  if (typeof value !== "object" || value === null) return false;
  const node = value as Partial<ScalarNode>;
  return typeof node.data === "number" && Array.isArray(node.operands) && Array.isArray(node.localGrads);
}

/** The first thing wrong with the scope's `Scalar` class, or undefined when it is a constructor. */
export function findScalarProblem(scope: Readonly<Record<string, unknown>>, s: Strings = en): string | undefined {
  if (typeof scope.Scalar !== "function") return s.scalarDefine;
  let node: unknown;
  try {
    node = new (scope.Scalar as ScalarClass)(1.5);
  } catch (error) {
    return s.scalarNewThrew({ error: error instanceof Error ? error.message : String(error) });
  }
  if (!isScalarNode(node)) return s.scalarNotNode;
  if (node.data !== 1.5 || node.grad !== 0 || node.operands.length !== 0) return s.scalarBadLeaf({ data: format(node.data), grad: format(node.grad), operands: node.operands.length });
  return undefined;
}

/** One operation of a random expression: which method, and for pow its exponent. */
type Step = { op: "add" | "mul"; left: number; right: number | { constant: number } } | { op: "pow"; left: number; p: number } | { op: "exp" | "tanh" | "relu"; left: number };

/** A seeded random expression over three inputs, as a list of steps that may reuse any earlier node (so values fan out). */
export interface RandomExpression {
  inputs: number[];
  steps: Step[];
}

/** Draws an expression of `length` operations whose values stay moderate (no overflowing exp, no pow of a negative base to a fraction). */
export function makeRandomExpression(seed: number, length = 12): RandomExpression {
  const random = createRandom(seed);
  const inputs = [random.uniform(-1.5, 1.5), random.uniform(-1.5, 1.5), random.uniform(0.3, 1.5)];
  const values = [...inputs];
  const steps: Step[] = [];
  const pick = (r: Random) => Math.max(0, values.length - 1 - r.integer(Math.min(values.length, 4)));
  while (steps.length < length) {
    const left = pick(random);
    const x = values[left];
    const kind = random.integer(6);
    let step: Step;
    let y: number;
    if (kind === 0 || kind === 1) {
      const op = kind === 0 ? "add" : "mul";
      const right = random.next() < 0.25 ? { constant: Math.round(random.uniform(-2, 2) * 4) / 4 || 0.5 } : pick(random);
      const other = typeof right === "number" ? values[right] : right.constant;
      step = { op, left, right };
      y = op === "add" ? x + other : x * other;
    } else if (kind === 2) {
      const p = Math.abs(x) > 0.2 ? [2, 3, -1][random.integer(3)] : 2;
      step = { op: "pow", left, p };
      y = x ** p;
    } else {
      const op = (["exp", "tanh", "relu", "tanh"] as const)[kind - 3];
      if (op === "exp" && Math.abs(x) > 3) continue;
      step = { op, left };
      y = op === "exp" ? Math.exp(x) : op === "tanh" ? Math.tanh(x) : Math.max(0, x);
    }
    if (!Number.isFinite(y) || Math.abs(y) > 50 || (step.op === "relu" && Math.abs(x) < 1e-3)) continue;
    steps.push(step);
    values.push(y);
  }
  return { inputs, steps };
}

/** Something with the six operations, either the reader's Scalar or the engine's Value. */
interface Operations<T> {
  add(other: T | number): T;
  mul(other: T | number): T;
  pow(p: number): T;
  exp(): T;
  tanh(): T;
  relu(): T;
}

/** Builds `expression` with `leaf` (a constructor call) and returns every node, inputs first, output last. */
export function buildExpression<T extends Operations<T>>(expression: RandomExpression, leaf: (x: number) => T): T[] {
  const nodes: T[] = expression.inputs.map(leaf);
  for (const step of expression.steps) {
    const x = nodes[step.left];
    if (step.op === "add" || step.op === "mul") {
      const other = typeof step.right === "number" ? nodes[step.right] : step.right.constant;
      nodes.push(x[step.op](other));
    } else if (step.op === "pow") nodes.push(x.pow(step.p));
    else nodes.push(x[step.op]());
  }
  return nodes;
}

/** Writes the expression as a reader would, e.g. "x2 = x0.mul(x1)". */
export function describeExpression(expression: RandomExpression): string {
  const name = (i: number) => `x${i}`;
  const lines = expression.inputs.map((x, i) => `${name(i)} = new Scalar(${format(x)})`);
  expression.steps.forEach((step, s) => {
    const i = expression.inputs.length + s;
    let call: string;
    if (step.op === "add" || step.op === "mul") call = `${step.op}(${typeof step.right === "number" ? name(step.right) : format(step.right.constant)})`;
    else if (step.op === "pow") call = `pow(${step.p})`;
    else call = `${step.op}()`;
    lines.push(`${name(i)} = ${name(step.left)}.${call}`);
  });
  return lines.join("; ");
}

/** The engine's nodes for the same expression, after `backward()` on its output. */
export function buildReference(expression: RandomExpression): Value[] {
  const nodes = buildExpression(expression, (x) => new Value(x));
  nodes[nodes.length - 1].backward();
  return nodes;
}

/** The message of whatever a reader's code threw. */
export function describeThrow(error: unknown, s: Strings = en): string {
  if (error instanceof RangeError && /call stack/i.test(error.message)) return s.scalarStackOverflowed({ error: error.message });
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** The message for a cell whose earlier step fails: that step's own message, said once however far back the failure is. */
export function requireEarlier(message: string, step: string, s: Strings = en): string {
  const saidOnce = [s.scalarStep1, s.scalarStep2, s.scalarStep4].some((earlier) => message.startsWith(earlier));
  return saidOnce ? message : s.scalarRequireEarlier({ step, message });
}
