import { describe, expect, it } from "vitest";
import { newKernel, runSolutionsBefore, solutions } from "../../content/your-own-autograd-cells";
import { checkScalarOps } from "../../../../src/notebook/checks/scalarOps";
import { checkChain, checkScalarBackward, describeSecondCall } from "../../../../src/notebook/checks/scalarBackward";
import { checkScalarMlp } from "../../../../src/notebook/checks/scalarMlp";
import { checkScalarTraining } from "../../../../src/notebook/checks/scalarTraining";
import type { Checker, CheckResult } from "../../../../src/notebook/checks/types";
import type { ScalarClass, ScalarNode } from "../../../../src/notebook/checks/scalarCommon";
import { itJudgesTheExercise, judgeAfter, withMistake } from "./judge";

/** A kernel that has run the chapter's solutions before exercise `step` (0-based), with the Scalar class and backward they define. */
async function solvedBefore(step: number) {
  const kernel = newKernel();
  await runSolutionsBefore(kernel, step);
  return { kernel, Scalar: kernel.scope.Scalar as ScalarClass, backward: kernel.scope.backward as (output: ScalarNode) => void };
}

/** Runs the chapter's solutions before exercise `step`, then `source` for that exercise, then the checker. */
async function judge(step: number, checker: Checker, source: string): Promise<CheckResult> {
  return judgeAfter((await solvedBefore(step)).kernel, checker, [source]);
}

/** The chapter's solution for exercise `step` with one text replaced. */
const mistake = (step: number, from: string, to: string): string => withMistake(solutions[step], from, to);

describe("scalarOps, the Scalar checker", () => {
  itJudgesTheExercise({
    judge: (source) => judge(0, checkScalarOps, source),
    solution: solutions[0],
    mistakes: [
      ["tanh′ = 1 − x²", "[1 - t * t]", "[1 - this.data * this.data]", "tanh′ should be 1 − tanh²(x), you used 1 − x²"],
      ["tanh′ without the square", "[1 - t * t]", "[1 - t]", "you forgot to square"],
      ["pow without the factor p", "[p * this.data ** (p - 1)]", "[this.data ** (p - 1)]", "pow forgot the factor p"],
      ["pow with no derivative factor", "[p * this.data ** (p - 1)]", "[1]", "pow forgot the p·x^(p−1) factor"],
      ["pow's exponent off by one", "[p * this.data ** (p - 1)]", "[p * this.data ** p]", "off by one"],
      ["mul swapped", "[b.data, this.data]", "[this.data, b.data]", "mul’s local derivatives are swapped"],
      ["mul as add", "[b.data, this.data]", "[1, 1]", "mul stored add’s local derivatives"],
      ["exp storing x", "[e]);", "[this.data]);", "exp stored x"],
      ["relu passing gradient below 0", "[this.data > 0 ? 1 : 0]", "[1]", "relu routes"],
      ["mul forgetting an operand", "[this, b], [b.data, this.data]", "[this], [b.data, this.data]", "recorded 1 operands, it should record 2"],
      ["tanh returning a number", "return new Scalar(t, [this], [1 - t * t]);", "return t as unknown as Scalar;", "tanh should return a new Scalar"],
      ["add changing this in place", "return new Scalar(this.data + b.data, [this, b], [1, 1]);", "this.data += b.data; return this;", "returned its operand changed in place"],
    ],
  });

  it("asks for the class when there is none", () => {
    expect(checkScalarOps({}).message).toContain("define a class Scalar");
  });
});

describe("scalarBackward, the backward() checker", () => {
  itJudgesTheExercise({
    judge: (source) => judge(1, checkScalarBackward, source),
    solution: solutions[1],
    accepted: (verdict) => {
      expect(verdict.message).toContain("2× the first result");
      expect(verdict.message).toContain("zero_grad()");
      expect(verdict.message).toContain("200,000 nodes works");
    },
    mistakes: [
      ["no seed", "output.grad = 1;", "", "seed it with 1"],
      ["= instead of +=", "operand.grad += ", "operand.grad = ", "you wrote = where the chain rule needs +="],
      ["the order walked forwards", "for (let i = order.length - 1; i >= 0; i--)", "for (let i = 0; i < order.length; i++)", "visit the nodes from the output back"],
      ["no visited set", "if (!visited.has(operand)) {", "if (operand) {", "h is in your order twice"],
      ["a throw", "output.grad = 1;", "throw new Error('not yet');", "backward threw Error: not yet"],
    ],
  });

  it("says why a recursive sort overflows a long chain, and that the iterative one does not", async () => {
    const { Scalar } = await solvedBefore(1);
    const overflowing = () => {
      throw new RangeError("Maximum call stack size exceeded");
    };
    const verdict = checkChain((x) => new Scalar(x), overflowing);
    expect(verdict.passed).toBe(false);
    expect(verdict.message).toContain("Maximum call stack size exceeded");
    expect(verdict.message).toContain("Keep your own stack");
  });

  it("fails a recursive sort, which overflows the stack on the 10,000-node chain, and says why", async () => {
    const recursive = mistake(1, solutions[1].slice(solutions[1].indexOf("  const visited"), solutions[1].indexOf("  for (const node of order)")), [
      "  const visited = new Set<Scalar>();",
      "  const visit = (node: Scalar) => {",
      "    if (visited.has(node)) return;",
      "    visited.add(node);",
      "    node.operands.forEach(visit);",
      "    order.push(node);",
      "  };",
      "  visit(output);",
      "",
    ].join("\n"));
    const verdict = await judge(1, checkScalarBackward, recursive);
    expect(verdict.passed).toBe(false);
    expect(verdict.message).toContain("on a chain of 10,000 multiplications, backward threw");
    expect(verdict.message).toContain("a recursive sort makes one nested call per node");
  });

  it("passes a sort that survives 10,000 nodes but overflows on 200,000, and names the limit", async () => {
    const { Scalar, backward } = await solvedBefore(2);
    const lucky = (output: ScalarNode) => {
      let depth = 0;
      for (let node = output; node.operands.length > 0; node = node.operands[0]) depth++;
      if (depth > 100_000) throw new RangeError("Maximum call stack size exceeded");
      backward(output);
    };
    const verdict = checkChain((x) => new Scalar(x), lucky);
    expect(verdict.passed).toBe(true);
    expect(verdict.message).toContain("your sort is recursive");
  });

  it("describes a backward that zeroes everything, and one that zeroes nothing", async () => {
    const { Scalar, backward } = await solvedBefore(2);
    const make = (x: number) => new Scalar(x);
    const zeroingAll = (output: ScalarNode) => {
      const seen = new Set<ScalarNode>();
      const clear = (node: ScalarNode) => { if (!seen.has(node)) { seen.add(node); node.grad = 0; node.operands.forEach(clear); } };
      clear(output);
      backward(output);
    };
    expect(describeSecondCall(make, zeroingAll)).toContain("resets every grad itself");
    const micrograd = await judge(1, checkScalarBackward, mistake(1, "for (const node of order) if (node.operands.length > 0) node.grad = 0; // leaves keep theirs", ""));
    expect(micrograd.passed).toBe(true);
    expect(micrograd.message).toContain("intermediate nodes kept their old grads");
  });

  it("first asks for a passing Scalar and for backward itself", async () => {
    expect((await judge(1, checkScalarBackward, "const nothing = 0;")).message).toContain("define a function backward");
    const kernel = newKernel();
    await kernel.run({ source: mistake(0, "[b.data, this.data]", "[this.data, b.data]"), params: {} });
    await kernel.run({ source: solutions[1], params: {} });
    expect(checkScalarBackward(kernel.scope).message).toMatch(/^step 1, the Scalar cell does not pass yet.*swapped/);
  });
});

describe("scalarMlp, the network checker", () => {
  itJudgesTheExercise({
    judge: (source) => judge(2, checkScalarMlp, source),
    solution: solutions[2],
    mistakes: [
      ["no bias among the parameters", "return [...this.w, this.b];", "return [...this.w];", "that is the weights only"],
      ["no tanh", "return z.tanh();", "return z;", "your neurons leave out tanh"],
      ["no bias in the sum", "let z = this.b;", "let z = new Scalar(0);", "your neurons leave out the bias b"],
      ["equal starting weights", "new Scalar(random.uniform(-1, 1))", "new Scalar(0.5)", "every weight of the first layer starts at 0.5"],
      ["every layer reading the inputs", "new Layer(l === 0 ? inputs : sizes[l - 1], size)", "new Layer(inputs, size)", "each neuron of layer 1 should have w, an array of 4"],
      ["no parameters", "return this.layers.flatMap((layer) => layer.parameters());", "return [];", "has 0 entries, it should have 41"],
      ["an output that is not an array", "return a as Scalar[];", "return 7 as unknown as Scalar[];", "return the last layer’s outputs"],
    ],
    missing: "define a class Neuron",
  });
});

describe("scalarTraining, the training-loop checker", () => {
  itJudgesTheExercise({
    judge: (source) => judge(3, checkScalarTraining, source),
    solution: solutions[3],
    accepted: (verdict) => expect(verdict.message).toMatch(/E fell from [\d.]+ to [\d.]+ in 100 steps/),
    mistakes: [
      ["+ instead of −", "p.data -= learningRate * p.grad", "p.data += learningRate * p.grad", "the update goes uphill"],
      ["grads never zeroed", "for (const p of mlp.parameters()) p.grad = 0;\n", "", "the grads are never zeroed"],
      ["no update", "for (const p of mlp.parameters()) p.data -= learningRate * p.grad;\n", "", "the update is missing"],
      ["zeroing between backward and update", "for (const p of mlp.parameters()) p.grad = 0;\n  backward(E);", "backward(E);\n  for (const p of mlp.parameters()) p.grad = 0;", "zero the grads before backward, not between backward and the update"],
      ["no learning rate", "p.data -= learningRate * p.grad", "p.data -= p.grad", "multiply the gradient by learningRate"],
      ["a loss without the ½", ".pow(2).mul(0.5)", ".pow(2)", "without the ½"],
      ["a learning rate far too large", "const learningRate = 0.1;", "const learningRate = 200;", "the rate is too large"],
      ["too few steps", "const steps = 100;", "const steps = 10;", "the loop is right but slow"],
      ["too many steps", "const steps = 100;", "const steps = 5000;", "from 1 to 500"],
    ],
    missing: "define a function trainStep",
    timeout: 20_000,
  });
});
