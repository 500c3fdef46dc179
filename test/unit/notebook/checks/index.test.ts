import { describe, expect, it } from "vitest";
import { checks } from "../../../../src/notebook/checks/index";
import { toSentenceCase } from "../../../../src/notebook/checks/wording";

type Dense = (aPrev: number[], W: number[][], delta: number[]) => { gradW: unknown; gradB: unknown; deltaPrev: unknown };

const right: Dense = (aPrev, W, delta) => ({
  gradW: delta.map((d) => aPrev.map((a) => d * a)),
  gradB: delta.slice(),
  deltaPrev: aPrev.map((a, k) => W.reduce((sum, row, j) => sum + row[k] * delta[j], 0) * a * (1 - a)),
});
const back = (aPrev: number[], W: number[][], delta: number[]) => aPrev.map((_, k) => W.reduce((sum, row, j) => sum + row[k] * delta[j], 0));
const judgeDense = (denseBackward: Dense) => checks.denseBackward({ denseBackward });

describe("checker messages read as sentences", () => {
  it("capitalises a plain word that starts a sentence and leaves names of code alone", () => {
    expect(toSentenceCase("tanhBackward(1, 2) gave 3, but gradient checking gives -1.3826. you used 1 − x²")).toBe(
      "tanhBackward(1, 2) gave 3, but gradient checking gives -1.3826. You used 1 − x²",
    );
    expect(toSentenceCase("define a function f. gradW is wrong. w = 2. delta[j] is")).toBe("Define a function f. gradW is wrong. w = 2. delta[j] is");
  });

  it("reaches the reader that way through the registry the kernel uses", () => {
    const tanhBackward = (x: number, outGrad: number) => outGrad * (1 - x * x);
    const mulBackward = (x: number, y: number, outGrad: number) => [outGrad * y, outGrad * x];
    const verdict = checks.localBackward({ mulBackward, tanhBackward });
    expect(verdict.passed).toBe(false);
    expect(verdict.message).toMatch(/gives -?\d+\.\d{1,4}\. You used 1 − x²/);
    expect(checks.denseBackward({}).message).toMatch(/^Define a function denseBackward/);
  });
});

describe("every named mistake in denseBackward", () => {
  it("names gradW with its indices swapped, in the right shape, and shows no unrounded number", () => {
    const swapped: Dense = (aPrev, W, delta) => ({ ...right(aPrev, W, delta), gradW: W.map((row, j) => row.map((_, k) => delta[k] * aPrev[j])) });
    const verdict = judgeDense(swapped);
    expect(verdict.passed).toBe(false);
    expect(verdict.message).toContain("gradW has its indices swapped");
    expect(verdict.message).not.toMatch(/\d{10,}/);
  });

  it("rounds a wrong entry to six significant digits", () => {
    const off: Dense = (aPrev, W, delta) => ({ ...right(aPrev, W, delta), gradW: delta.map((d) => aPrev.map((a) => d * a + 0.0123456789)) });
    const verdict = judgeDense(off);
    expect(verdict.message).toMatch(/gradW\[0\]\[0\] is -?\d+\.\d+, expected/);
    expect(verdict.message).not.toMatch(/\d{10,}/);
  });

  it.each([
    ["gradW with the wrong sign", ((aPrev, W, delta) => ({ ...right(aPrev, W, delta), gradW: delta.map((d) => aPrev.map((a) => -d * a)) })) as Dense, "gradW has the wrong sign"],
    ["gradW from the weights", ((aPrev, W, delta) => ({ ...right(aPrev, W, delta), gradW: W.map((row, j) => row.map((w) => w * delta[j])) })) as Dense, "multiplies delta by the weights W"],
    ["gradW from the slope", ((aPrev, W, delta) => ({ ...right(aPrev, W, delta), gradW: delta.map((d) => aPrev.map((a) => d * a * (1 - a))) })) as Dense, "uses the slope aPrev·(1 − aPrev)"],
    ["gradW of the wrong shape", ((aPrev, W, delta) => ({ ...right(aPrev, W, delta), gradW: [[1]] })) as Dense, "gradW should be an array of"],
    ["gradB of the wrong length", ((aPrev, W, delta) => ({ ...right(aPrev, W, delta), gradB: [1] })) as Dense, "gradB should be an array of"],
    ["deltaPrev with only aPrev", ((aPrev, W, delta) => ({ ...right(aPrev, W, delta), deltaPrev: back(aPrev, W, delta).map((v, k) => v * aPrev[k]) })) as Dense, "not by (1 − aPrev[k])"],
    ["deltaPrev with only 1 − aPrev", ((aPrev, W, delta) => ({ ...right(aPrev, W, delta), deltaPrev: back(aPrev, W, delta).map((v, k) => v * (1 - aPrev[k])) })) as Dense, "but not by aPrev[k]"],
    ["deltaPrev with the wrong sign", ((aPrev, W, delta) => ({ ...right(aPrev, W, delta), deltaPrev: (right(aPrev, W, delta).deltaPrev as number[]).map((v) => -v) })) as Dense, "deltaPrev has the wrong sign"],
    ["deltaPrev of the wrong length", ((aPrev, W, delta) => ({ ...right(aPrev, W, delta), deltaPrev: delta })) as Dense, "Multiply by the transpose"],
  ])("names %s", (_, denseBackward, words) => {
    const verdict = judgeDense(denseBackward);
    expect(verdict.passed).toBe(false);
    expect(verdict.message).toContain(words);
  });

  it("says what to return when the result is not an object", () => {
    expect(judgeDense((() => undefined) as unknown as Dense).message).toContain("return an object { gradW, gradB, deltaPrev }");
  });
});

describe("the named mistakes the chapter tests did not reach", () => {
  type Momentum = (w: number, step: number, g: number, eta: number, alpha: number) => { w: number; step: number };
  it.each([
    ["the whole previous step", ((w, s, g, e) => ({ w: w + s - e * g, step: s - e * g })) as Momentum, "You carried the whole previous step"],
    ["α on the gradient term too", ((w, s, g, e, a) => ({ w: w + a * (s - e * g), step: a * (s - e * g) })) as Momentum, "You multiplied the gradient term by α too"],
    ["the averaging form", ((w, s, g, e, a) => ({ w: w + a * s - (1 - a) * e * g, step: a * s - (1 - a) * e * g })) as Momentum, "You scaled the gradient by (1 − α)"],
    ["α·Δw subtracted", ((w, s, g, e, a) => ({ w: w - a * s - e * g, step: -a * s - e * g })) as Momentum, "You subtracted α·Δw"],
    ["w moved by the gradient only", ((w, s, g, e, a) => ({ w: w - e * g, step: a * s - e * g })) as Momentum, "You moved w by −η·gradient only"],
    ["the step subtracted from w", ((w, s, g, e, a) => ({ w: w - (a * s - e * g), step: a * s - e * g })) as Momentum, "You subtracted the step"],
  ])("momentumStep: names %s", (_, momentumStep, words) => {
    const verdict = checks.gradientDescentMomentum({ momentumStep });
    expect(verdict.passed).toBe(false);
    expect(verdict.message).toContain(words);
  });

  type Squared = (outputs: number[], targets: number[]) => number;
  const meanOf = (outputs: number[], targets: number[], f: (d: number) => number) => outputs.reduce((sum, y, n) => sum + f(targets[n] - y), 0) / outputs.length;
  it.each([
    ["the ½ twice", ((y, t) => meanOf(y, t, (d) => 0.25 * d * d)) as Squared, "your value is half the expected one: the ½ is in there twice"],
    ["the square of the average", ((y, t) => 0.5 * meanOf(y, t, (d) => d) ** 2) as Squared, "you squared the average difference"],
  ])("squaredError: names %s", (_, squaredError, words) => {
    const verdict = checks.errorSurfaceSquaredError({ squaredError });
    expect(verdict.passed).toBe(false);
    expect(verdict.message).toContain(words);
  });

  it("applyPerceptronRule: names a bias moved the wrong way", () => {
    const step = (w: number[], b: number, x: number[]) => (w.reduce((sum, wi, i) => sum + wi * x[i], b) >= 0 ? 1 : 0);
    const applyPerceptronRule = (w: number[], b: number, x: number[], t: number, eta: number) => {
      const e = t - step(w, b, x);
      return { w: w.map((wi, i) => wi + eta * e * x[i]), b: b - eta * e };
    };
    const verdict = checks.perceptronRule({ applyPerceptronRule });
    expect(verdict.passed).toBe(false);
    expect(verdict.message).toContain("The weights are right but the bias moved the wrong way");
  });
});
