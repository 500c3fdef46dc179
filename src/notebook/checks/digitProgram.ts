/**
 * Checks the reader's whole training program from chapter 7: after at most EPOCH_BUDGET epochs on
 * the 8,000 training digits, the reader's `predict(image)` must read at least ACCURACY_FLOOR of the
 * 2,000 test digits right. The checker measures the accuracy itself, on its own copy of the test
 * split, so the number is not the reader's claim.
 */
import { loadedDigits } from "../digits/digitsModule";
import type { DigitPart } from "../../data/digits";
import type { Checker, CheckResult } from "./types";

/** The most epochs the program may train for. */
export const EPOCH_BUDGET = 3;
/** The test accuracy it must reach. */
export const ACCURACY_FLOOR = 0.9;

/** What the reader's predict says about every test digit; a string when it cannot be used. */
export function readTestDigits(predict: (image: Float64Array) => unknown, test: DigitPart): number[] | string {
  const size = test.images.length / test.count;
  const answers: number[] = [];
  for (let n = 0; n < test.count; n++) {
    const image = new Float64Array(size);
    for (let i = 0; i < size; i++) image[i] = test.images[n * size + i] / 255;
    const answer = predict(image);
    if (typeof answer !== "number" || !Number.isInteger(answer) || answer < 0 || answer > 9) {
      return `predict(image) returned ${String(answer)} for test digit ${n}; it should return the digit it reads, an integer 0 to 9 (the index of the largest output)`;
    }
    answers.push(answer);
  }
  return answers;
}

/** Expects `epochs` ≤ EPOCH_BUDGET and `predict` to classify at least ACCURACY_FLOOR of the test digits. */
export const checkDigitProgram: Checker = (scope): CheckResult => {
  const digits = loadedDigits();
  if (!digits) return { passed: false, message: "the digits are not loaded yet: the program should start with const digits = await loadDigits()" };
  const { predict, epochs } = scope as Record<string, unknown>;
  if (typeof predict !== "function") return { passed: false, message: "define a function predict(image) that returns the digit (0 to 9) your trained network reads in a 784-number image" };
  if (typeof epochs !== "number" || !Number.isInteger(epochs) || epochs < 1) return { passed: false, message: `epochs should be the number of passes over the training digits your loop made, an integer of at least 1; yours is ${String(epochs)}` };
  if (epochs > EPOCH_BUDGET) return { passed: false, message: `you trained for ${epochs} epochs; the budget is ${EPOCH_BUDGET}. A correct program gets there in fewer: check the learning rate and the initialisation rather than training longer` };
  const answers = readTestDigits(predict as (image: Float64Array) => unknown, digits.test);
  if (typeof answers === "string") return { passed: false, message: answers };
  const correct = answers.filter((answer, n) => answer === digits.test.labels[n]).length;
  const accuracy = correct / digits.test.count;
  const percent = (value: number) => `${(100 * value).toFixed(1)}%`;
  if (accuracy >= ACCURACY_FLOOR) {
    return { passed: true, message: `Your network reads ${correct} of the ${digits.test.count} test digits right (${percent(accuracy)}) after ${epochs} epoch${epochs === 1 ? "" : "s"}, digits it never trained on; the floor is ${percent(ACCURACY_FLOOR)} within ${EPOCH_BUDGET} epochs.` };
  }
  const counts = Array.from({ length: 10 }, (_, d) => answers.filter((answer) => answer === d).length);
  const favourite = counts.indexOf(Math.max(...counts));
  if (counts[favourite] > 0.5 * digits.test.count) {
    return { passed: false, message: `your network answers ${favourite} for ${counts[favourite]} of the ${digits.test.count} test digits (${percent(accuracy)} right): it has not learned to tell them apart. Is the loss at the start about ln 10 ≈ 2.3, and does it fall? A learning rate too large, a missing φ′ or zero weights give this` };
  }
  return { passed: false, message: `your network reads ${percent(accuracy)} of the test digits right after ${epochs} epoch${epochs === 1 ? "" : "s"}; the floor is ${percent(ACCURACY_FLOOR)}. Check the gradient with the layer checker of step 5, then the learning rate (0.5 works for sigmoid units with this loss)` };
};
