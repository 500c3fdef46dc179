/**
 * Checks the reader's whole training program from chapter 7: after at most EPOCH_BUDGET epochs on
 * the 8,000 training digits, the reader's `predict(image)` must read at least ACCURACY_FLOOR of the
 * 2,000 test digits right. The checker measures the accuracy itself, on its own copy of the test
 * split, so the number is not the reader's claim.
 */
import { loadedDigits } from "../digits/digitsModule";
import type { DigitPart } from "../../data/digits";
import type { Checker, CheckResult } from "./types";
import { en } from "../../i18n/en";
import type { Strings } from "../../i18n/types";

/** The most epochs the program may train for. */
export const EPOCH_BUDGET = 3;
/** The test accuracy it must reach. */
export const ACCURACY_FLOOR = 0.9;

/** What the reader's predict says about every test digit; a string when it cannot be used. */
export function readTestDigits(predict: (image: Float64Array) => unknown, test: DigitPart, s: Strings = en): number[] | string {
  const size = test.images.length / test.count;
  const answers: number[] = [];
  for (let n = 0; n < test.count; n++) {
    const image = new Float64Array(size);
    for (let i = 0; i < size; i++) image[i] = test.images[n * size + i] / 255;
    const answer = predict(image);
    if (typeof answer !== "number" || !Number.isInteger(answer) || answer < 0 || answer > 9) {
      return s.dpBadAnswer({ answer: String(answer), n });
    }
    answers.push(answer);
  }
  return answers;
}

/** Expects `epochs` ≤ EPOCH_BUDGET and `predict` to classify at least ACCURACY_FLOOR of the test digits. */
export const checkDigitProgram: Checker = (scope, s = en): CheckResult => {
  const digits = loadedDigits();
  if (!digits) return { passed: false, message: s.dpNotLoaded };
  const { predict, epochs } = scope as Record<string, unknown>;
  if (typeof predict !== "function") return { passed: false, message: s.dpDefine };
  if (typeof epochs !== "number" || !Number.isInteger(epochs) || epochs < 1) return { passed: false, message: s.dpEpochsBad({ epochs: String(epochs) }) };
  if (epochs > EPOCH_BUDGET) return { passed: false, message: s.dpOverBudget({ epochs, budget: EPOCH_BUDGET }) };
  const answers = readTestDigits(predict as (image: Float64Array) => unknown, digits.test, s);
  if (typeof answers === "string") return { passed: false, message: answers };
  const correct = answers.filter((answer, n) => answer === digits.test.labels[n]).length;
  const accuracy = correct / digits.test.count;
  const percent = (value: number) => `${(100 * value).toFixed(1)}%`;
  if (accuracy >= ACCURACY_FLOOR) {
    return { passed: true, message: s.dpPassed({ correct, count: digits.test.count, accuracy: percent(accuracy), epochs, floor: percent(ACCURACY_FLOOR), budget: EPOCH_BUDGET }) };
  }
  const counts = Array.from({ length: 10 }, (_, d) => answers.filter((answer) => answer === d).length);
  const favourite = counts.indexOf(Math.max(...counts));
  if (counts[favourite] > 0.5 * digits.test.count) {
    return { passed: false, message: s.dpOneAnswer({ favourite, times: counts[favourite], count: digits.test.count, accuracy: percent(accuracy) }) };
  }
  return { passed: false, message: s.dpBelowFloor({ accuracy: percent(accuracy), epochs, floor: percent(ACCURACY_FLOOR) }) };
};
