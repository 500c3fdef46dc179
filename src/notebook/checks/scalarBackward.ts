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
import { en } from "../../i18n/en";
import type { Strings } from "../../i18n/types";

/** Length of the chain that must not overflow the stack. */
export const CHAIN_LENGTH = 10_000;
/** A longer chain tried only to tell a recursive sort that got lucky from an iterative one. */
export const LONG_CHAIN_LENGTH = 200_000;

/** Passes when backward() gives the engine's gradients on every test graph and survives a long chain. */
export const checkScalarBackward: Checker = (scope, s = en) => {
  const ops = checkScalarOps(scope, s);
  if (!ops.passed) return { passed: false, message: requireEarlier(ops.message, s.scalarStep1, s) };
  if (typeof scope.backward !== "function") return { passed: false, message: s.backDefine };
  const Scalar = scope.Scalar as ScalarClass;
  const backward = scope.backward as BackwardFunction;
  const make = (x: number) => new Scalar(x);
  for (const test of [checkSeedAndReach, checkOrder, checkSquare, checkDiamond, checkVisitedOnce]) {
    const verdict = guard(() => test(make, backward, s), s);
    if (!verdict.passed) return verdict;
  }
  const random = guard(() => compareRandomGradients(make, backward, s), s);
  if (!random.passed) return random;
  const chain = checkChain(make, backward, s);
  if (!chain.passed) return chain;
  return { passed: true, message: s.backPassed({ count: RANDOM_COUNT, chain: chain.message, secondCall: describeSecondCall(make, backward, s) }) };
};

function guard(test: () => CheckResult, s: Strings): CheckResult {
  try {
    return test();
  } catch (error) {
    return { passed: false, message: s.backThrew({ error: describeThrow(error, s) }) };
  }
}

function checkSeedAndReach(make: (x: number) => ScalarNode, backward: BackwardFunction, s: Strings): CheckResult {
  const x = make(1.5);
  const y = make(-2);
  const out = x.mul(y);
  backward(out);
  if (out.grad !== 1) return { passed: false, message: s.backNoSeed({ grad: format(out.grad) }) };
  if (close(x.grad, 0) && close(y.grad, 0)) return { passed: false, message: s.backNothingReached };
  if (close(x.grad, -2) && close(y.grad, 1.5)) return { passed: true, message: "" };
  return { passed: false, message: s.backMulWrong({ x: format(x.grad), y: format(y.grad) }) };
}

// In a chain x → a → b → out, visiting the inputs first passes on gradients that are still 0.
function checkOrder(make: (x: number) => ScalarNode, backward: BackwardFunction, s: Strings): CheckResult {
  const x = make(0.4);
  const a = x.mul(3);
  const b = a.tanh();
  const out = b.mul(2);
  backward(out);
  const expected = 2 * (1 - Math.tanh(1.2) ** 2) * 3;
  if (close(x.grad, expected)) return { passed: true, message: "" };
  if (close(b.grad, 2) && close(x.grad, 0)) {
    return { passed: false, message: s.backOrder({ grad: format(x.grad) }) };
  }
  return { passed: false, message: s.backChainWrong({ grad: format(x.grad), expected: format(expected) }) };
}

function checkSquare(make: (x: number) => ScalarNode, backward: BackwardFunction, s: Strings): CheckResult {
  const a = make(3);
  const out = a.mul(a);
  backward(out);
  if (close(a.grad, 6)) return { passed: true, message: "" };
  if (close(a.grad, 3)) return { passed: false, message: s.backAssignNotAdd };
  return { passed: false, message: s.backSquareWrong({ grad: format(a.grad) }) };
}

// a fans out to b = 2a and c = a + 1; d = b·c reaches a along two paths.
function checkDiamond(make: (x: number) => ScalarNode, backward: BackwardFunction, s: Strings): CheckResult {
  const a = make(1.5);
  const b = a.mul(2);
  const c = a.add(1);
  const d = b.mul(c);
  backward(d);
  const viaB = c.data * 2;
  const viaC = b.data * 1;
  if (close(a.grad, viaB + viaC)) return { passed: true, message: "" };
  if (close(a.grad, viaB) || close(a.grad, viaC)) {
    return { passed: false, message: s.backOnePath({ grad: format(a.grad), viaB: format(viaB), viaC: format(viaC), sum: format(viaB + viaC) }) };
  }
  return { passed: false, message: s.backDiamondWrong({ grad: format(a.grad), expected: format(viaB + viaC) }) };
}

// An intermediate node used twice must pass its gradient on once; without a visited set it is listed twice.
function checkVisitedOnce(make: (x: number) => ScalarNode, backward: BackwardFunction, s: Strings): CheckResult {
  const x = make(0.5);
  const h = x.mul(3);
  const out = h.mul(h);
  backward(out);
  const expected = 2 * h.data * 3;
  if (close(x.grad, expected)) return { passed: true, message: "" };
  if (close(x.grad, 2 * expected)) return { passed: false, message: s.backVisitedTwice({ grad: format(x.grad), expected: format(expected) }) };
  return { passed: false, message: s.backFanWrong({ grad: format(x.grad), expected: format(expected) }) };
}

const RANDOM_COUNT = 20;

function compareRandomGradients(make: (x: number) => ScalarNode, backward: BackwardFunction, s: Strings): CheckResult {
  for (let seed = 1; seed <= RANDOM_COUNT; seed++) {
    const expression = makeRandomExpression(seed);
    const nodes = buildExpression(expression, make);
    backward(nodes[nodes.length - 1]);
    const reference = buildReference(expression);
    const wrong = nodes.findIndex((node, i) => !close(node.grad, reference[i].grad));
    if (wrong >= 0) {
      return { passed: false, message: s.backExpressionGrad({ expression: describeExpression(expression), node: `x${wrong}`, got: format(nodes[wrong].grad), expected: format(reference[wrong].grad) }) };
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
export function checkChain(make: (x: number) => ScalarNode, backward: BackwardFunction, s: Strings = en): CheckResult {
  const length = CHAIN_LENGTH.toLocaleString("en");
  const { x, out } = buildChain(make, CHAIN_LENGTH);
  try {
    backward(out);
  } catch (error) {
    if (error instanceof RangeError) {
      return { passed: false, message: s.backRecursive({ length, error: error.message }) };
    }
    return { passed: false, message: s.backChainThrew({ length, error: describeThrow(error, s) }) };
  }
  if (!close(x.grad, 1)) return { passed: false, message: s.backChainGrad({ length, grad: format(x.grad) }) };
  const long = buildChain(make, LONG_CHAIN_LENGTH);
  try {
    backward(long.out);
  } catch (error) {
    if (error instanceof RangeError) return { passed: true, message: s.backLuckyRecursion({ length, longLength: LONG_CHAIN_LENGTH.toLocaleString("en") }) };
    throw error;
  }
  return { passed: true, message: s.backIterative({ longLength: LONG_CHAIN_LENGTH.toLocaleString("en") }) };
}

/** Says what a second backward() without zeroing did to the leaves: doubled them (as PyTorch does), more, or nothing. */
export function describeSecondCall(make: (x: number) => ScalarNode, backward: BackwardFunction, s: Strings = en): string {
  const x = make(0.4);
  const out = x.mul(3).tanh().mul(2);
  backward(out);
  const first = x.grad;
  backward(out);
  const ratio = x.grad / first;
  const slots = { ratio: format(ratio) };
  if (close(ratio, 2, 1e-9)) return s.backTwiceAccumulates(slots);
  if (close(ratio, 1, 1e-9)) return s.backTwiceResets(slots);
  return s.backTwiceOther(slots);
}
