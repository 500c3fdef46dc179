/**
 * Checks the reader's `mulBackward(x, y, outGrad)` and `tanhBackward(x, outGrad)` from the chain-rule
 * chapter by gradient checking: each answer is compared with central differences of the operation
 * times outGrad, and a wrong answer is matched against the usual mistakes so the message says which.
 */
import type { Checker, CheckResult } from "./types";
import { createRandom } from "../../engine/index";

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
export const checkLocalBackward: Checker = (scope) => {
  const cases = makeBackwardCases();
  const mul = checkMulBackward(scope.mulBackward, cases);
  if (!mul.passed) return mul;
  const tanh = checkTanhBackward(scope.tanhBackward, cases);
  if (!tanh.passed) return tanh;
  return { passed: true, message: `both backward steps agree with central differences on ${cases.length} inputs each: mulBackward passes outGrad·y to x and outGrad·x to y, and tanhBackward passes outGrad·(1 − tanh²x).` };
};

/** Gradient-checks `mulBackward(x, y, outGrad)` → [∂E/∂x, ∂E/∂y] for r = x·y. */
export function checkMulBackward(candidate: unknown, cases: readonly BackwardCase[]): CheckResult {
  if (typeof candidate !== "function") {
    return { passed: false, message: "define a function mulBackward(x, y, outGrad) that returns [∂E/∂x, ∂E/∂y] for r = x·y" };
  }
  for (const { x, y, outGrad } of cases) {
    const call = `mulBackward(${x}, ${y}, ${outGrad})`;
    const result: unknown = candidate(x, y, outGrad);
    if (!Array.isArray(result) || result.length !== 2) {
      return { passed: false, message: `${call} returned ${describe(result)}; return an array of two numbers, [∂E/∂x, ∂E/∂y]` };
    }
    const [gradX, gradY] = result as unknown[];
    const expectedX = outGrad * centralDifference((s) => s * y, x);
    const expectedY = outGrad * centralDifference((s) => x * s, y);
    if (close(gradX, expectedY) && close(gradY, expectedX) && !close(gradX, expectedX)) {
      return { passed: false, message: `${call} returned [${format(gradX)}, ${format(gradY)}]: the two are swapped. ∂E/∂x comes first, and it is outGrad · ∂(x·y)/∂x = outGrad · y.` };
    }
    for (const [name, other, got, expected] of [["x", "y", gradX, expectedX], ["y", "x", gradY, expectedY]] as const) {
      if (close(got, expected)) continue;
      const own = name === "x" ? x : y;
      const partner = name === "x" ? y : x;
      const wrong = `${call} gave ∂E/∂${name} = ${format(got)}, but gradient checking gives ${format(expected)}`;
      const mistakes: [number, string][] = [
        [outGrad * own, `∂(x·y)/∂${name} should use ${other}, you used ${name}: nudging ${name} changes x·y by ${other} times the nudge, so ∂E/∂${name} = outGrad · ${other}.`],
        [partner, `you forgot to multiply by the gradient flowing in: ∂E/∂${name} = ∂E/∂r · ∂r/∂${name} = outGrad · ${other}, not ${other} alone.`],
        [own, `two slips: ∂(x·y)/∂${name} is ${other}, not ${name}, and it must be multiplied by outGrad, the gradient flowing in.`],
        [-outGrad * partner, `the sign is flipped: the local derivative of x·y with respect to ${name} is +${other}, so ∂E/∂${name} = outGrad · ${other}.`],
        [outGrad, `you passed outGrad through unchanged, as an addition would; for a multiplication the local derivative is ${other}, so ∂E/∂${name} = outGrad · ${other}.`],
        [outGrad * x * y, `you multiplied outGrad by the product x·y itself; the local derivative of x·y with respect to ${name} is just ${other}.`],
      ];
      return { passed: false, message: `${wrong}. ${(typeof got === "number" ? diagnose(got, mistakes) : `∂E/∂${name} is ${describe(got)}, not a number.`) ?? `By the chain rule ∂E/∂${name} = outGrad · ∂(x·y)/∂${name}.`}` };
    }
  }
  return { passed: true, message: "mulBackward agrees with central differences." };
}

/** Gradient-checks `tanhBackward(x, outGrad)` → ∂E/∂x for r = tanh(x). */
export function checkTanhBackward(candidate: unknown, cases: readonly BackwardCase[]): CheckResult {
  if (typeof candidate !== "function") {
    return { passed: false, message: "mulBackward is right. Now define a function tanhBackward(x, outGrad) that returns ∂E/∂x for r = tanh(x)" };
  }
  for (const { x, outGrad } of cases) {
    const call = `tanhBackward(${x}, ${outGrad})`;
    const got: unknown = candidate(x, outGrad);
    const expected = outGrad * centralDifference(Math.tanh, x);
    if (close(got, expected)) continue;
    if (typeof got !== "number") return { passed: false, message: `${call} returned ${describe(got)}; return one number, ∂E/∂x` };
    const r = Math.tanh(x);
    const mistakes: [number, string][] = [
      [outGrad * (1 - x * x), "you used 1 − x², but the local derivative is 1 − tanh²(x): square the output r = tanh(x), not the input x."],
      [1 - r * r, "you forgot to multiply by the gradient flowing in: ∂E/∂x = outGrad · (1 − tanh²x)."],
      [outGrad * (1 - r), "you forgot to square: the local derivative of tanh is 1 − tanh²(x), not 1 − tanh(x)."],
      [outGrad * r, "you multiplied outGrad by tanh(x) itself; the local derivative is 1 − tanh²(x)."],
      [outGrad * (r * r - 1), "the sign is flipped: the local derivative is 1 − tanh²(x), which is positive."],
      [outGrad, "you passed outGrad through unchanged, as if tanh were the identity; multiply by 1 − tanh²(x)."],
      [outGrad * (1 + r * r), "the derivative of tanh is 1 − tanh²(x), with a minus sign."],
    ];
    const wrong = `${call} gave ${format(got)}, but gradient checking gives ${format(expected)}`;
    return { passed: false, message: `${wrong}. ${diagnose(got, mistakes) ?? "By the chain rule ∂E/∂x = outGrad · ∂tanh(x)/∂x."}` };
  }
  return { passed: true, message: "tanhBackward agrees with central differences." };
}

// The first known mistake whose answer matches what the reader returned, if any.
function diagnose(got: number, mistakes: readonly [number, string][]): string | undefined {
  if (!Number.isFinite(got)) return "That is not a finite number: check for a division by zero or an undefined name.";
  return mistakes.find(([answer]) => close(got, answer))?.[1];
}

function close(got: unknown, expected: number): got is number {
  return typeof got === "number" && Math.abs(got - expected) <= TOLERANCE * Math.max(1, Math.abs(expected));
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

function format(x: unknown): string {
  return typeof x === "number" ? String(Number(x.toPrecision(5))) : describe(x);
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return `an array of ${value.length}`;
  return value === undefined ? "undefined" : typeof value === "number" ? String(value) : typeof value;
}
