// Chapter 7's checkers answer in the page's language too: the same mistakes, named from the zh table.
import { describe, expect, it } from "vitest";
import { checks } from "../../../src/notebook/checks/index";
import { zh } from "../../../src/i18n/zh";
import { en } from "../../../src/i18n/en";

/** A correct loss with the gradient's sign flipped: t − y instead of y − t. */
function flippedSoftmax(logits: number[], label: number) {
  const top = Math.max(...logits);
  const exps = logits.map((z) => Math.exp(z - top));
  const total = exps.reduce((sum, e) => sum + e, 0);
  return { loss: Math.log(total) + top - logits[label], gradient: exps.map((e, j) => (j === label ? 1 : 0) - e / total) };
}

describe("chapter 7's checkers speak Chinese when asked", () => {
  it("softmax and cross-entropy names a gradient of the wrong sign", () => {
    const verdict = checks.softmaxCrossEntropy({ softmaxCrossEntropy: flippedSoftmax }, zh);
    expect(verdict.passed).toBe(false);
    expect(verdict.message).toMatch(/^对于 logits \[.*\]、标签 2：/);
    expect(verdict.message).toContain(zh.smxGradSign);
    expect(checks.softmaxCrossEntropy({ softmaxCrossEntropy: flippedSoftmax }, en).message).toContain(en.smxGradSign);
  });

  it("the batched layer asks for its functions, then names a Z without bias", () => {
    expect(checks.batchedDense({}, zh).message).toBe(zh.bdDefineForward);
    const denseForward = (A: Float64Array, W: Float64Array, b: Float64Array, B: number) => {
      const m = b.length;
      const n = A.length / B;
      return Float64Array.from({ length: B * m }, (_, i) => {
        let z = 0;
        for (let k = 0; k < n; k++) z += A[Math.floor(i / m) * n + k] * W[(i % m) * n + k];
        return z;
      });
    };
    const verdict = checks.batchedDense({ denseForward, denseBackward: () => ({}) }, zh);
    expect(verdict.message).toMatch(/^对于在 \d+ 个单元之上、有 \d+ 个单元的一层，批大小 B = \d+：Z 缺少偏置/);
  });

  it("the planted bugs and the digit program ask for their functions in Chinese", () => {
    expect(checks.plantedBugs({ networkGradients: () => 3 }, zh).message).toBe(zh.pbNotObject({ result: "3" }));
    expect(checks.digitProgram({}, zh).message).toBe(zh.dpNotLoaded);
    expect(checks.digitProgram({}, en).message).toMatch(/^The digits are not loaded yet/);
  });
});
