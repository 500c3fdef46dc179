/**
 * Checks the reader's `mulBackward(x, y, outGrad)` and `tanhBackward(x, outGrad)` from the chain-rule
 * chapter by gradient checking: each answer is compared with central differences of the operation
 * times outGrad, and a wrong answer is matched against the usual mistakes so the message says which.
 */
import type { Checker, CheckResult } from "./types";
import { createRandom } from "../../engine/index";
import { en } from "../../i18n/en";
import type { Strings } from "../../i18n/types";

const EPSILON = 1e-5;
const TOLERANCE = 1e-6; // central differences of x·y and tanh agree with the exact slope to ~1e-10

/** One input to test: operands x, y and the gradient flowing in, ∂E/∂r. */
export interface BackwardCase {
  x: number;
  y: number;
  outGrad: number;
}

/**
 * Seeded cases whose numbers keep the typical mistakes apart: |x| ≠ |y|, outGrad far from 0 and ±1,
 * so "used x instead of y" and "forgot outGrad" give different answers from the right one.
 */
export function makeBackwardCases(count = 4, seed = 4): BackwardCase[] {
  const random = createRandom(seed);
  const signed = (low: number, high: number) => (random.next() < 0.5 ? -1 : 1) * random.uniform(low, high);
  const cases: BackwardCase[] = [];
  while (cases.length < count) {
    const x = round(signed(0.3, 1.6));
    const y = round(signed(0.3, 1.6));
    const outGrad = round(signed(1.5, 3));
    if (Math.abs(Math.abs(x) - Math.abs(y)) > 0.3) cases.push({ x, y, outGrad });
  }
  return cases;
}

/** Central difference (f(x + ε) − f(x − ε)) / 2ε, the numerical slope the answers are checked against. */
export function centralDifference(f: (x: number) => number, x: number): number {
  return (f(x + EPSILON) - f(x - EPSILON)) / (2 * EPSILON);
}

/** Passes when both functions agree with gradient checking on every case; otherwise names the first mistake found. */
export const checkLocalBackward: Checker = (scope, s = en) => {
  const cases = makeBackwardCases();
  const mul = checkMulBackward(scope.mulBackward, cases, s);
  if (!mul.passed) return mul;
  const tanh = checkTanhBackward(scope.tanhBackward, cases, s);
  if (!tanh.passed) return tanh;
  return { passed: true, message: s.localPassed({ cases: cases.length }) };
};

/** Gradient-checks `mulBackward(x, y, outGrad)` → [∂E/∂x, ∂E/∂y] for r = x·y. */
export function checkMulBackward(candidate: unknown, cases: readonly BackwardCase[], s: Strings = en): CheckResult {
  if (typeof candidate !== "function") {
    return { passed: false, message: s.localMulDefine };
  }
  for (const { x, y, outGrad } of cases) {
    const call = `mulBackward(${x}, ${y}, ${outGrad})`;
    const result: unknown = candidate(x, y, outGrad);
    if (!Array.isArray(result) || result.length !== 2) {
      return { passed: false, message: s.localMulNotPair({ call, result: describe(result, s) }) };
    }
    const [gradX, gradY] = result as unknown[];
    const expectedX = outGrad * centralDifference((s) => s * y, x);
    const expectedY = outGrad * centralDifference((s) => x * s, y);
    if (close(gradX, expectedY) && close(gradY, expectedX) && !close(gradX, expectedX)) {
      return { passed: false, message: s.localMulSwapped({ call, x: format(gradX, s), y: format(gradY, s) }) };
    }
    for (const [name, other, got, expected] of [["x", "y", gradX, expectedX], ["y", "x", gradY, expectedY]] as const) {
      if (close(got, expected)) continue;
      const own = name === "x" ? x : y;
      const partner = name === "x" ? y : x;
      const wrong = s.localMulWrong({ call, name, got: format(got, s), expected: format(expected, s) });
      const slots = { name, other };
      const mistakes: [number, string][] = [
        [outGrad * own, s.localMulOwn(slots)],
        [partner, s.localMulNoOutGrad(slots)],
        [own, s.localMulTwoSlips(slots)],
        [-outGrad * partner, s.localMulSign(slots)],
        [outGrad, s.localMulPassThrough(slots)],
        [outGrad * x * y, s.localMulProduct(slots)],
      ];
      const why = (typeof got === "number" ? diagnose(got, mistakes, s) : s.localMulNotNumber({ name, got: describe(got, s) })) ?? s.localMulChainRule({ name });
      return { passed: false, message: s.chkWrongWhy({ wrong, why }) };
    }
  }
  return { passed: true, message: s.localMulPassed };
}

/** Gradient-checks `tanhBackward(x, outGrad)` → ∂E/∂x for r = tanh(x). */
export function checkTanhBackward(candidate: unknown, cases: readonly BackwardCase[], s: Strings = en): CheckResult {
  if (typeof candidate !== "function") {
    return { passed: false, message: s.localTanhDefine };
  }
  for (const { x, outGrad } of cases) {
    const call = `tanhBackward(${x}, ${outGrad})`;
    const got: unknown = candidate(x, outGrad);
    const expected = outGrad * centralDifference(Math.tanh, x);
    if (close(got, expected)) continue;
    if (typeof got !== "number") return { passed: false, message: s.localTanhNotNumber({ call, got: describe(got, s) }) };
    const r = Math.tanh(x);
    const mistakes: [number, string][] = [
      [outGrad * (1 - x * x), s.localTanhSquaredInput],
      [1 - r * r, s.localTanhNoOutGrad],
      [outGrad * (1 - r), s.localTanhNoSquare],
      [outGrad * r, s.localTanhTimesItself],
      [outGrad * (r * r - 1), s.localTanhSign],
      [outGrad, s.localTanhPassThrough],
      [outGrad * (1 + r * r), s.localTanhPlus],
    ];
    const wrong = s.localTanhWrong({ call, got: format(got, s), expected: format(expected, s) });
    return { passed: false, message: s.chkWrongWhy({ wrong, why: diagnose(got, mistakes, s) ?? s.localTanhChainRule }) };
  }
  return { passed: true, message: s.localTanhPassed };
}

// The first known mistake whose answer matches what the reader returned, if any.
function diagnose(got: number, mistakes: readonly [number, string][], s: Strings): string | undefined {
  if (!Number.isFinite(got)) return s.localNotFinite;
  return mistakes.find(([answer]) => close(got, answer))?.[1];
}

function close(got: unknown, expected: number): got is number {
  return typeof got === "number" && Math.abs(got - expected) <= TOLERANCE * Math.max(1, Math.abs(expected));
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

function format(x: unknown, s: Strings): string {
  return typeof x === "number" ? String(Number(x.toPrecision(5))) : describe(x, s);
}

function describe(value: unknown, s: Strings): string {
  if (Array.isArray(value)) return s.localArrayOf({ length: value.length });
  return value === undefined ? "undefined" : typeof value === "number" ? String(value) : typeof value;
}
