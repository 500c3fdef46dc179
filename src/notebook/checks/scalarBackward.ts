/**
 * Checks step 2 of the "your own autograd" chapter: the reader's `backward(output)`, a topological
 * sort followed by the chain rule in reverse. Small graphs chosen to expose one mistake each (no
 * seed, wrong order, `=` for `+=`, a node visited twice) come first, then random expressions whose
 * every gradient must match the engine's `Value` to 1e-12, then a chain of 10,000 nodes. Calling
 * backward twice is reported, not failed: it shows why frameworks have `zero_grad()`.
 */
import type { Checker, CheckResult } from "./types";
import { checkScalarOps } from "./scalarOps";
import { requireEarlier, buildExpression, buildReference, close, describeExpression, describeThrow, format, makeRandomExpression, type BackwardFunction, type ScalarClass, type ScalarNode } from "./scalarCommon";

/** Length of the chain that must not overflow the stack. */
export const CHAIN_LENGTH = 10_000;
/** A longer chain tried only to tell a recursive sort that got lucky from an iterative one. */
export const LONG_CHAIN_LENGTH = 200_000;

/** Passes when backward() gives the engine's gradients on every test graph and survives a long chain. */
export const checkScalarBackward: Checker = (scope) => {
  const ops = checkScalarOps(scope);
  if (!ops.passed) return { passed: false, message: requireEarlier(ops.message, "step 1, the Scalar cell") };
  if (typeof scope.backward !== "function") return { passed: false, message: "define a function backward(output: Scalar) in this cell and run it" };
  const Scalar = scope.Scalar as ScalarClass;
  const backward = scope.backward as BackwardFunction;
  const make = (x: number) => new Scalar(x);
  for (const test of [checkSeedAndReach, checkOrder, checkSquare, checkDiamond, checkVisitedOnce]) {
    const verdict = guard(() => test(make, backward));
    if (!verdict.passed) return verdict;
  }
  const random = guard(() => compareRandomGradients(make, backward));
  if (!random.passed) return random;
  const chain = checkChain(make, backward);
  if (!chain.passed) return chain;
  return { passed: true, message: `every gradient agrees with the engine's Value to 1e-12 on the test graphs and on ${RANDOM_COUNT} random expressions, and ${chain.message} ${describeSecondCall(make, backward)}` };
};

function guard(test: () => CheckResult): CheckResult {
  try {
    return test();
  } catch (error) {
    return { passed: false, message: `backward threw ${describeThrow(error)}` };
  }
}

function checkSeedAndReach(make: (x: number) => ScalarNode, backward: BackwardFunction): CheckResult {
  const x = make(1.5);
  const y = make(-2);
  const out = x.mul(y);
  backward(out);
  if (out.grad !== 1) return { passed: false, message: `after backward(out) for out = x.mul(y), out.grad = ${format(out.grad)}; seed it with 1 first, because ∂out/∂out = 1.` };
  if (close(x.grad, 0) && close(y.grad, 0)) return { passed: false, message: "out.grad is 1 but nothing reached its operands: for each node, from the output back, add node.localGrads[i] * node.grad into node.operands[i].grad." };
  if (close(x.grad, -2) && close(y.grad, 1.5)) return { passed: true, message: "" };
  return { passed: false, message: `for out = x.mul(y) with x = 1.5, y = −2, backward gave x.grad = ${format(x.grad)}, y.grad = ${format(y.grad)}; they should be y = −2 and x = 1.5 (each operand gets localGrads[i] · out.grad).` };
}

// In a chain x → a → b → out, visiting the inputs first passes on gradients that are still 0.
function checkOrder(make: (x: number) => ScalarNode, backward: BackwardFunction): CheckResult {
  const x = make(0.4);
  const a = x.mul(3);
  const b = a.tanh();
  const out = b.mul(2);
  backward(out);
  const expected = 2 * (1 - Math.tanh(1.2) ** 2) * 3;
  if (close(x.grad, expected)) return { passed: true, message: "" };
  if (close(b.grad, 2) && close(x.grad, 0)) {
    return { passed: false, message: `in the chain x → x·3 → tanh → ·2, b.grad is right but x.grad = ${format(x.grad)}: visit the nodes from the output back to the inputs (the topological order reversed), so a node's grad is complete before it passes it on.` };
  }
  return { passed: false, message: `in the chain out = 2·tanh(3x) at x = 0.4, x.grad = ${format(x.grad)}, it should be 2·(1 − tanh²1.2)·3 = ${format(expected)}.` };
}

function checkSquare(make: (x: number) => ScalarNode, backward: BackwardFunction): CheckResult {
  const a = make(3);
  const out = a.mul(a);
  backward(out);
  if (close(a.grad, 6)) return { passed: true, message: "" };
  if (close(a.grad, 3)) return { passed: false, message: "for out = a.mul(a) with a = 3, a.grad = 3 but it should be 6: you wrote = where the chain rule needs +=. a is both operands, so it receives two products, 3·1 and 3·1, and = keeps only the last." };
  return { passed: false, message: `for out = a.mul(a) with a = 3, a.grad = ${format(a.grad)}; it should be 2a = 6.` };
}

// a fans out to b = 2a and c = a + 1; d = b·c reaches a along two paths.
function checkDiamond(make: (x: number) => ScalarNode, backward: BackwardFunction): CheckResult {
  const a = make(1.5);
  const b = a.mul(2);
  const c = a.add(1);
  const d = b.mul(c);
  backward(d);
  const viaB = c.data * 2;
  const viaC = b.data * 1;
  if (close(a.grad, viaB + viaC)) return { passed: true, message: "" };
  if (close(a.grad, viaB) || close(a.grad, viaC)) {
    return { passed: false, message: `in the diamond b = 2a, c = a + 1, d = b·c, a.grad = ${format(a.grad)}, which is only one of its two paths (${format(viaB)} through b, ${format(viaC)} through c): use += so a node's gradient sums over every path, here ${format(viaB + viaC)}.` };
  }
  return { passed: false, message: `in the diamond b = 2a, c = a + 1, d = b·c at a = 1.5, a.grad = ${format(a.grad)}; it should be 2c + b = ${format(viaB + viaC)}.` };
}

// An intermediate node used twice must pass its gradient on once; without a visited set it is listed twice.
function checkVisitedOnce(make: (x: number) => ScalarNode, backward: BackwardFunction): CheckResult {
  const x = make(0.5);
  const h = x.mul(3);
  const out = h.mul(h);
  backward(out);
  const expected = 2 * h.data * 3;
  if (close(x.grad, expected)) return { passed: true, message: "" };
  if (close(x.grad, 2 * expected)) return { passed: false, message: `for h = 3x, out = h·h, x.grad = ${format(x.grad)}, twice the right ${format(expected)}: h is in your order twice, so it passed its gradient on twice. Keep a set of visited nodes and add each node to the order once.` };
  return { passed: false, message: `for h = 3x, out = h·h at x = 0.5, x.grad = ${format(x.grad)}; it should be 2h·3 = ${format(expected)}.` };
}

const RANDOM_COUNT = 20;

function compareRandomGradients(make: (x: number) => ScalarNode, backward: BackwardFunction): CheckResult {
  for (let seed = 1; seed <= RANDOM_COUNT; seed++) {
    const expression = makeRandomExpression(seed);
    const nodes = buildExpression(expression, make);
    backward(nodes[nodes.length - 1]);
    const reference = buildReference(expression);
    const wrong = nodes.findIndex((node, i) => !close(node.grad, reference[i].grad));
    if (wrong >= 0) {
      return { passed: false, message: `in ${describeExpression(expression)}, after backward on the last node x${wrong}.grad = ${format(nodes[wrong].grad)} but the engine's Value gives ${format(reference[wrong].grad)}.` };
    }
  }
  return { passed: true, message: "" };
}

function buildChain(make: (x: number) => ScalarNode, length: number): { x: ScalarNode; out: ScalarNode } {
  const x = make(1);
  let out = x;
  for (let i = 0; i < length; i++) out = out.mul(1);
  return { x, out };
}

/** Runs backward on chains of CHAIN_LENGTH and LONG_CHAIN_LENGTH multiplications; the first must work, the second only adds a remark. */
export function checkChain(make: (x: number) => ScalarNode, backward: BackwardFunction): CheckResult {
  const { x, out } = buildChain(make, CHAIN_LENGTH);
  try {
    backward(out);
  } catch (error) {
    if (error instanceof RangeError) {
      return { passed: false, message: `on a chain of ${CHAIN_LENGTH.toLocaleString("en")} multiplications, backward threw "${error.message}": a recursive sort makes one nested call per node, and the call stack holds only some thousands. Keep your own stack (an array of nodes still to finish) and loop, so the depth lives in an array on the heap.` };
    }
    return { passed: false, message: `on a chain of ${CHAIN_LENGTH.toLocaleString("en")} multiplications, backward threw ${describeThrow(error)}` };
  }
  if (!close(x.grad, 1)) return { passed: false, message: `on a chain of ${CHAIN_LENGTH.toLocaleString("en")} multiplications by 1, x.grad = ${format(x.grad)}; it should be 1.` };
  const long = buildChain(make, LONG_CHAIN_LENGTH);
  try {
    backward(long.out);
  } catch (error) {
    if (error instanceof RangeError) return { passed: true, message: `a ${CHAIN_LENGTH.toLocaleString("en")}-node chain works, but one of ${LONG_CHAIN_LENGTH.toLocaleString("en")} overflowed the call stack: your sort is recursive, and only the stack's size saved it. An iterative sort has no such limit.` };
    throw error;
  }
  return { passed: true, message: `a chain of ${LONG_CHAIN_LENGTH.toLocaleString("en")} nodes works too, so your sort does not use the call stack for depth.` };
}

/** Says what a second backward() without zeroing did to the leaves: doubled them (as PyTorch does), more, or nothing. */
export function describeSecondCall(make: (x: number) => ScalarNode, backward: BackwardFunction): string {
  const x = make(0.4);
  const out = x.mul(3).tanh().mul(2);
  backward(out);
  const first = x.grad;
  backward(out);
  const ratio = x.grad / first;
  const prefix = `Calling backward(out) twice on out = 2·tanh(3x) left x.grad at ${format(ratio)}× the first result`;
  if (close(ratio, 2, 1e-9)) return `${prefix}: the leaves accumulate. That is why training zeroes every parameter's grad before each backward pass (PyTorch's zero_grad()).`;
  if (close(ratio, 1, 1e-9)) return `${prefix}: your backward resets every grad itself, so gradients cannot pile up, but nor can you add the gradients of several backward passes on purpose, which is why frameworks leave the zeroing to zero_grad().`;
  return `${prefix}, not 2×: the intermediate nodes kept their old grads and passed them on again. Frameworks reset the intermediate nodes and let only the leaves accumulate; either way, training must zero the grads before each backward pass (zero_grad()).`;
}
