/**
 * Checks the reader's `mulBackward(a, b, outGrad)` and `tanhBackward(a, outGrad)` from the chain-rule
 * chapter by gradient checking: each answer is compared with central differences of the operation
 * times outGrad, and a wrong answer is matched against the usual mistakes so the message says which.
 */
import type { Checker, CheckResult } from "./types";
import { createRandom } from "../../engine/index";

const EPSILON = 1e-5;
const TOLERANCE = 1e-6; // central differences of a·b and tanh agree with the exact slope to ~1e-10

/** One input to test: operands a, b and the gradient flowing in, ∂E/∂c. */
export interface BackwardCase {
  a: number;
  b: number;
  outGrad: number;
}

/**
 * Seeded cases whose numbers keep the typical mistakes apart: |a| ≠ |b|, outGrad far from 0 and ±1,
 * so "used a instead of b" and "forgot outGrad" give different answers from the right one.
 */
export function makeBackwardCases(count = 4, seed = 4): BackwardCase[] {
  const random = createRandom(seed);
  const signed = (low: number, high: number) => (random.next() < 0.5 ? -1 : 1) * random.uniform(low, high);
  const cases: BackwardCase[] = [];
  while (cases.length < count) {
    const a = round(signed(0.3, 1.6));
    const b = round(signed(0.3, 1.6));
    const outGrad = round(signed(1.5, 3));
    if (Math.abs(Math.abs(a) - Math.abs(b)) > 0.3) cases.push({ a, b, outGrad });
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
  return { passed: true, message: `both backward steps agree with central differences on ${cases.length} inputs each: mulBackward passes outGrad·b to a and outGrad·a to b, and tanhBackward passes outGrad·(1 − tanh²a).` };
};

/** Gradient-checks `mulBackward(a, b, outGrad)` → [∂E/∂a, ∂E/∂b] for c = a·b. */
export function checkMulBackward(candidate: unknown, cases: readonly BackwardCase[]): CheckResult {
  if (typeof candidate !== "function") {
    return { passed: false, message: "define a function mulBackward(a, b, outGrad) that returns [∂E/∂a, ∂E/∂b] for c = a·b" };
  }
  for (const { a, b, outGrad } of cases) {
    const call = `mulBackward(${a}, ${b}, ${outGrad})`;
    const result: unknown = candidate(a, b, outGrad);
    if (!Array.isArray(result) || result.length !== 2) {
      return { passed: false, message: `${call} returned ${describe(result)}; return an array of two numbers, [∂E/∂a, ∂E/∂b]` };
    }
    const [gradA, gradB] = result as unknown[];
    const expectedA = outGrad * centralDifference((x) => x * b, a);
    const expectedB = outGrad * centralDifference((x) => a * x, b);
    if (close(gradA, expectedB) && close(gradB, expectedA) && !close(gradA, expectedA)) {
      return { passed: false, message: `${call} returned [${format(gradA)}, ${format(gradB)}]: the two are swapped. ∂E/∂a comes first, and it is outGrad · ∂(a·b)/∂a = outGrad · b.` };
    }
    for (const [name, other, got, expected] of [["a", "b", gradA, expectedA], ["b", "a", gradB, expectedB]] as const) {
      if (close(got, expected)) continue;
      const own = name === "a" ? a : b;
      const partner = name === "a" ? b : a;
      const wrong = `${call} gave ∂E/∂${name} = ${format(got)}, but gradient checking gives ${format(expected)}`;
      const mistakes: [number, string][] = [
        [outGrad * own, `∂(a·b)/∂${name} should use ${other}, you used ${name}: nudging ${name} changes a·b by ${other} times the nudge, so ∂E/∂${name} = outGrad · ${other}.`],
        [partner, `you forgot to multiply by the gradient flowing in: ∂E/∂${name} = ∂E/∂c · ∂c/∂${name} = outGrad · ${other}, not ${other} alone.`],
        [own, `two slips: ∂(a·b)/∂${name} is ${other}, not ${name}, and it must be multiplied by outGrad, the gradient flowing in.`],
        [-outGrad * partner, `the sign is flipped: the local derivative of a·b with respect to ${name} is +${other}, so ∂E/∂${name} = outGrad · ${other}.`],
        [outGrad, `you passed outGrad through unchanged, as an addition would; for a multiplication the local derivative is ${other}, so ∂E/∂${name} = outGrad · ${other}.`],
        [outGrad * a * b, `you multiplied outGrad by the product a·b itself; the local derivative of a·b with respect to ${name} is just ${other}.`],
      ];
      return { passed: false, message: `${wrong}. ${(typeof got === "number" ? diagnose(got, mistakes) : `∂E/∂${name} is ${describe(got)}, not a number.`) ?? `By the chain rule ∂E/∂${name} = outGrad · ∂(a·b)/∂${name}.`}` };
    }
  }
  return { passed: true, message: "mulBackward agrees with central differences." };
}

/** Gradient-checks `tanhBackward(a, outGrad)` → ∂E/∂a for c = tanh(a). */
export function checkTanhBackward(candidate: unknown, cases: readonly BackwardCase[]): CheckResult {
  if (typeof candidate !== "function") {
    return { passed: false, message: "mulBackward is right. Now define a function tanhBackward(a, outGrad) that returns ∂E/∂a for c = tanh(a)" };
  }
  for (const { a, outGrad } of cases) {
    const call = `tanhBackward(${a}, ${outGrad})`;
    const got: unknown = candidate(a, outGrad);
    const expected = outGrad * centralDifference(Math.tanh, a);
    if (close(got, expected)) continue;
    if (typeof got !== "number") return { passed: false, message: `${call} returned ${describe(got)}; return one number, ∂E/∂a` };
    const c = Math.tanh(a);
    const mistakes: [number, string][] = [
      [outGrad * (1 - a * a), "you used 1 − a², but the local derivative is 1 − tanh²(a): square the output c = tanh(a), not the input a."],
      [1 - c * c, "you forgot to multiply by the gradient flowing in: ∂E/∂a = outGrad · (1 − tanh²a)."],
      [outGrad * (1 - c), "you forgot to square: the local derivative of tanh is 1 − tanh²(a), not 1 − tanh(a)."],
      [outGrad * c, "you multiplied outGrad by tanh(a) itself; the local derivative is 1 − tanh²(a)."],
      [outGrad * (c * c - 1), "the sign is flipped: the local derivative is 1 − tanh²(a), which is positive."],
      [outGrad, "you passed outGrad through unchanged, as if tanh were the identity; multiply by 1 − tanh²(a)."],
      [outGrad * (1 + c * c), "the derivative of tanh is 1 − tanh²(a), with a minus sign."],
    ];
    const wrong = `${call} gave ${format(got)}, but gradient checking gives ${format(expected)}`;
    return { passed: false, message: `${wrong}. ${diagnose(got, mistakes) ?? "By the chain rule ∂E/∂a = outGrad · ∂tanh(a)/∂a."}` };
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
