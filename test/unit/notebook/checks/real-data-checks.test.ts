import { describe, expect, it } from "vitest";
import { solutions, cells, gradedCells as graded } from "../../content/real-data-cells";
import { createKernel } from "../../../../src/notebook/kernel";
import { createCellModules } from "../../../../src/notebook/cellModules";
import { createFigureDocument } from "../../../../src/notebook/figureDocument";
import { checkSoftmaxCrossEntropy } from "../../../../src/notebook/checks/softmaxCrossEntropy";
import { checkBatchedDense } from "../../../../src/notebook/checks/batchedDense";
import { checkPlantedBugs } from "../../../../src/notebook/checks/plantedBugs";
import { checks } from "../../../../src/notebook/checks/index";
import type { Checker, CheckResult } from "../../../../src/notebook/checks/types";
import { itJudgesTheExercise, judgeAfter, withMistake } from "./judge";

/** Runs `source` alone in a fresh kernel (the probe cell first, for step 5) and judges it. */
const judge = (checker: Checker, source: string, before: string[] = []): Promise<CheckResult> =>
  judgeAfter(createKernel({ modules: createCellModules(createFigureDocument()) }), checker, [...before, source]);

/** Solution `step` (0-based among the graded cells) with one text replaced. */
const mistake = (step: number, from: string, to: string): string => withMistake(solutions[step], from, to);

describe("the chapter's graded cells", () => {
  it("are the four checkers, registered, each with a solution", () => {
    expect(graded.map((cell) => cell.check)).toEqual(["softmaxCrossEntropy", "batchedDense", "digitProgram", "plantedBugs"]);
    expect(solutions).toHaveLength(4);
    for (const cell of graded) expect(checks[cell.check!]).toBeTypeOf("function");
  });
});

describe("softmaxCrossEntropy, the softmax and cross-entropy checker", () => {
  itJudgesTheExercise({
    judge: (source) => judge(checkSoftmaxCrossEntropy, source),
    solution: solutions[0],
    accepted: (verdict) => expect(verdict.message).toContain("2000.69"),
    mistakes: [
      ["a gradient with the wrong sign", "- (j === label ? 1 : 0); // y_j − t_j", "* -1 + (j === label ? 1 : 0);", "the gradient has the wrong sign"],
      ["the softmax as the gradient", "- (j === label ? 1 : 0); // y_j − t_j", ";", "the gradient is the softmax y itself"],
      ["z − t as the gradient", "gradient[j] = Math.exp(logits[j] - logSumExp) - (j === label ? 1 : 0); // y_j − t_j", "gradient[j] = logits[j] - (j === label ? 1 : 0);", "the gradient is z − t"],
      ["a loss with the wrong sign", "return { loss: logSumExp - logits[label], gradient };", "return { loss: logits[label] - logSumExp, gradient };", "loss has the wrong sign"],
      ["the probability as the loss", "return { loss: logSumExp - logits[label], gradient };", "return { loss: Math.exp(logits[label] - logSumExp), gradient };", "loss is the probability y_label"],
      ["a loss in base 2", "return { loss: logSumExp - logits[label], gradient };", "return { loss: (logSumExp - logits[label]) / Math.LN2, gradient };", "log base 2"],
      ["a gradient that is not the loss's derivative", "- (j === label ? 1 : 0); // y_j − t_j", "- (j === label ? 1 : 0) + (j === 3 ? 0.01 : 0);", "disagrees with central differences of your own loss"],
    ],
    missing: "define a function softmaxCrossEntropy",
  });

  it("judges the starter's zero gradient by central differences of its own (right) loss", async () => {
    const result = await judge(checkSoftmaxCrossEntropy, graded[0].source);
    expect(result.passed).toBe(false);
    expect(result.message).toContain("your gradient[0] = 0 disagrees with central differences of your own loss");
  });

  it("names the overflow of the formula as written, with a right gradient", async () => {
    const source = graded[0].source.replace("const gradient = new Float64Array(logits.length); // ∂E/∂z_j for every j", "const gradient = Float64Array.from(exps, (e, j) => e / sum - (j === label ? 1 : 0));");
    expect(source).not.toBe(graded[0].source);
    const result = await judge(checkSoftmaxCrossEntropy, source);
    expect(result.passed).toBe(false);
    expect(result.message).toMatch(/e\^1000 overflows: .*Infinity.*subtract the largest logit/i);
  });

  it("names the underflow when only large positive logits are shifted", async () => {
    const result = await judge(checkSoftmaxCrossEntropy, mistake(0, "for (let j = 0; j < logits.length; j++) if (logits[j] > largest) largest = logits[j];", "for (let j = 0; j < logits.length; j++) if (logits[j] > largest) largest = logits[j];\n  largest = Math.max(0, largest);"));
    expect(result.passed).toBe(false);
    expect(result.message).toContain("underflows to 0");
  });
});

describe("batchedDense, the batched layer checker", () => {
  itJudgesTheExercise({
    judge: (source) => judge(checkBatchedDense, source),
    solution: solutions[1],
    mistakes: [
      ["Z transposed", "Z[r * m + j] = z;", "Z[j * B + r] = z;", "Z is transposed"],
      ["Z without the bias", "let z = b[j];", "let z = 0;", "Z is missing the bias"],
      ["the bias on the first row only", "let z = b[j];", "let z = r === 0 ? b[j] : 0;", "bias added to the first example only"],
      ["gradW transposed", "gradW[j * n + k] += share * A[r * n + k];", "gradW[k * m + j] += share * A[r * n + k];", "gradW is transposed"],
      ["gradW summed, not averaged", "gradW[j * n + k] += share * A[r * n + k];", "gradW[j * n + k] += delta * A[r * n + k];", "gradW is summed over the batch but not averaged"],
      ["gradW averaged twice", "gradW[j * n + k] += share * A[r * n + k];", "gradW[j * n + k] += (share / B) * A[r * n + k];", "gradW is divided by B twice"],
      ["gradB not averaged", "gradB[j] += share;", "gradB[j] += delta;", "gradB is the column sums of Δ but not averaged"],
      ["gradB averaged twice", "gradB[j] += share;", "gradB[j] += share / B;", "gradB is divided by B twice"],
      ["gradB from the first example", "gradB[j] += share;", "if (r === 0) gradB[j] += delta;", "gradB is the first example’s Δ only"],
      ["gradA averaged", "gradA[r * n + k] += delta * W[j * n + k];", "gradA[r * n + k] += share * W[j * n + k];", "gradA is divided by B"],
      ["gradA transposed", "gradA[r * n + k] += delta * W[j * n + k];", "gradA[k * B + r] += delta * W[j * n + k];", "gradA is transposed"],
      ["gradW of the wrong length", "const gradW = new Float64Array(m * n);", "const gradW = new Float64Array(m * n + 1);", "gradW should hold"],
    ],
  });

  it("names the starter's empty Z", async () => {
    const result = await judge(checkBatchedDense, graded[1].source);
    expect(result).toMatchObject({ passed: false });
    expect(result.message).toContain("Z[0] (row 0, column 0) is 0");
  });
});

describe("plantedBugs, the gradient-hunt checker", () => {
  const probe = cells[cells.findIndex((cell) => cell.check === "plantedBugs") - 1].source;
  const bugs = {
    transposed: ["gradients.W2[j * d1 + k] += delta2[j] * a1[k]; // W²'s own layout: row j, column k", "gradients.W2[k * d2 + j] += delta2[j] * a1[k];", "∂E/∂W² (gradients.W2) is transposed"],
    averagedTwice: ["gradients.b2[j] += delta2[j]; // already divided by B once", "gradients.b2[j] += delta2[j] / B;", "∂E/∂b² (gradients.b2) is averaged twice"],
    missingPhiPrime: ["delta1 *= a1[k] * (1 - a1[k]); // σ′(z) = a(1 − a)", "", "∂E/∂W¹ (gradients.W1) is missing φ′"],
    forgottenBias: ["gradients.b1[k] += delta1;", "", "∂E/∂b¹ (gradients.b1) is all zeros"],
  } as const;

  it("accepts the chapter's solution, and its layer check agrees everywhere", async () => {
    expect(await judge(checkPlantedBugs, solutions[3], [probe])).toMatchObject({ passed: true });
  });

  it("names all four bugs in the cell as the chapter gives it", async () => {
    const result = await judge(checkPlantedBugs, graded[3].source, [probe]);
    expect(result.passed).toBe(false);
    expect(result.message).toContain("4 arrays are still wrong");
    for (const [, , named] of Object.values(bugs)) expect(result.message).toContain(named);
  });

  it.each(Object.entries(bugs))("names the %s bug alone, and nothing else", async (name, [from, to, named]) => {
    const result = await judge(checkPlantedBugs, mistake(3, from, to), [probe]);
    expect(result.passed).toBe(false);
    expect(result.message).toContain(named);
    const others = Object.entries(bugs).filter(([other]) => other !== name && !(name === "missingPhiPrime" && other === "forgottenBias"));
    for (const [, [, , otherNamed]] of others) expect(result.message).not.toContain(otherNamed);
  });

  it("names the missing φ′ in ∂E/∂b¹ too, once the bias gradient is filled in", async () => {
    const result = await judge(checkPlantedBugs, mistake(3, bugs.missingPhiPrime[0], ""), [probe]);
    expect(result.message).toContain("∂E/∂b¹ (gradients.b1) is missing φ′");
  });
});
