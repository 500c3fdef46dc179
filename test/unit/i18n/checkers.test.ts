// Checkers answer in the page's language: the kernel passes the locale, each checker family words its verdict from the zh table.
import { describe, expect, it } from "vitest";
import { checks } from "../../../src/notebook/checks/index";
import { zh } from "../../../src/i18n/zh";
import { en } from "../../../src/i18n/en";
import { createKernel } from "../../../src/notebook/kernel";
import { newKernel, runSolutionsBefore, solutions } from "../content/your-own-autograd-cells";

describe("each checker family speaks Chinese when asked", () => {
  it("the momentum step names the uphill mistake", () => {
    const momentumStep = (w: number, s: number, g: number, eta: number, alpha: number) => ({ w: w + alpha * s + eta * g, step: alpha * s + eta * g });
    const verdict = checks.gradientDescentMomentum({ momentumStep }, zh);
    expect(verdict.passed).toBe(false);
    expect(verdict.message).toContain(zh.momUphill);
    expect(verdict.message).toMatch(/（momentumStep\(1, 0\.2, 2, 0\.1, 0\.9\) 给出 step = /);
  });

  it("the squared error names a missing ½, and English keeps its capital", () => {
    const squaredError = (y: number[], t: number[]) => y.reduce((sum, yn, n) => sum + (t[n] - yn) ** 2, 0) / y.length;
    expect(checks.errorSurfaceSquaredError({ squaredError }, zh).message).toContain(zh.sqTwice);
    expect(checks.errorSurfaceSquaredError({ squaredError }, en).message).toMatch(/^SquaredError\(|^squaredError\(/);
  });

  it("the perceptron rule says where, then what, in Chinese", () => {
    const applyPerceptronRule = (w: number[], b: number) => ({ w, b });
    const verdict = checks.perceptronRule({ applyPerceptronRule }, zh);
    expect(verdict.message).toMatch(/^对于 applyPerceptronRule\(.*这个样本分错了，但你的权重和偏置都没有变。/);
  });

  it("the dense layer names a transposed gradW", () => {
    const denseBackward = (aPrev: number[], W: number[][], delta: number[]) => ({
      gradW: aPrev.map((a) => delta.map((d) => d * a)),
      gradB: delta,
      deltaPrev: aPrev.map((a, k) => W.reduce((sum, row, j) => sum + row[k] * delta[j], 0) * a * (1 - a)),
    });
    const verdict = checks.denseBackward({ denseBackward }, zh);
    expect(verdict.message).toMatch(/^在一个 2 个单元、下接 4 个单元的层上：gradW 转置了：.*你的是 4 × 2。$/);
  });

  it("the local backward steps name 1 − x² for tanh", () => {
    const mulBackward = (x: number, y: number, g: number) => [g * y, g * x];
    const tanhBackward = (x: number, g: number) => g * (1 - x * x);
    const verdict = checks.localBackward({ mulBackward, tanhBackward }, zh);
    expect(verdict.message).toMatch(/^tanhBackward\(.*\) 给出 .*，但梯度检验给出 .*。你用了 1 − x²/);
  });

  it("the autograd steps ask for the class, then pass the chapter's solutions, in Chinese", async () => {
    expect(checks.scalarOps({}, zh).message).toBe(zh.scalarDefine);
    expect(checks.scalarTraining({}, zh).message).toBe(zh.scalarRequireEarlier({ step: zh.scalarStep1, message: zh.scalarDefine }));
    const kernel = newKernel();
    await runSolutionsBefore(kernel, 2);
    const result = await kernel.run({ source: solutions[2], params: {}, check: "scalarMlp", locale: "zh-CN" });
    const verdict = result.outputs.find((output) => output.type === "check");
    expect(verdict).toMatchObject({ type: "check", passed: true });
    expect(verdict && "message" in verdict && verdict.message).toMatch(/^MLP\(3, \[4, 4, 1\]\) 有 41 个参数/);
  });
});

describe("the kernel takes the page's locale", () => {
  const kernel = () => createKernel({ modules: () => ({}), checks });

  it("returns a checker's verdict in Chinese for zh-CN and in English otherwise", async () => {
    const source = "function squaredError(y: number[], t: number[]) { return 0; }";
    const chinese = await kernel().run({ source, params: {}, check: "errorSurfaceSquaredError", locale: "zh-CN" });
    const english = await kernel().run({ source, params: {}, check: "errorSurfaceSquaredError" });
    expect(chinese.outputs.at(-1)).toMatchObject({ type: "check", passed: false, message: expect.stringMatching(/返回了 0；应为 /) });
    expect(english.outputs.at(-1)).toMatchObject({ type: "check", passed: false, message: expect.stringMatching(/returned 0; expected /) });
  });

  it("says in Chinese that a checker is unknown", async () => {
    const result = await kernel().run({ source: "1", params: {}, check: "noSuchChecker", locale: "zh-CN" });
    expect(result.outputs.at(-1)).toMatchObject({ type: "error", message: expect.stringMatching(/^没有名为“noSuchChecker”的检查器/) });
  });

  it("treats a locale it does not know as English", async () => {
    const result = await kernel().run({ source: "1", params: {}, check: "noSuchChecker", locale: "fr" as never });
    expect(result.outputs.at(-1)).toMatchObject({ type: "error", message: expect.stringMatching(/^no checker named/) });
  });
});
