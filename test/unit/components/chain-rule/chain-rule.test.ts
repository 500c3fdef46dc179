import { describe, expect, it } from "vitest";
import katex from "katex";
import { traceGraph, countLocalDerivatives } from "../../../../src/engine/index";
import { EXPRESSIONS, GRAPH_CHOICES, INPUT_NAMES, buildExpression } from "../../../../components/chain-rule/expressions";
import { planStepper, readInputs } from "../../../../components/chain-rule/stepperBinding";
import type { NumberParamSpec, ParamSpec } from "../../../../src/notebook/params";
import { describeStateTeX, describeStateText, findBackwardState, listArrowSteps, nameNodeTeX } from "../../../../components/chain-rule/backwardSteps";
import { layoutGraph } from "../../../../components/chain-rule/graphLayout";
import { buildLayeredGraph, countAtDepth, formatCount } from "../../../../components/chain-rule/layeredGraph";

/** Inputs for these tests (any numbers do; the page's come from its <Param>s). */
const INPUTS = { u: 2, v: 1, x1: 1, x2: -2, w1: 0.5, w2: -0.3, b: 0.1, t: 1 };
const fanOut = () => traceGraph(buildExpression("fan-out", INPUTS));

describe("chain-rule backward steps", () => {
  it("lists one step per arrow and ends on the engine's gradients", () => {
    for (const name of EXPRESSIONS) {
      const graph = traceGraph(buildExpression(name, INPUTS));
      const arrows = listArrowSteps(graph);
      expect(arrows).toHaveLength(graph.edges.length);
      const end = findBackwardState(graph, arrows, arrows.length);
      expect(end.grads).toEqual(graph.nodes.map((node) => node.grad));
      expect(end.final.every(Boolean)).toBe(true);
    }
  });

  it("marks a value that fans out as partial until its last arrow, and adds the contributions", () => {
    const graph = fanOut();
    const arrows = listArrowSteps(graph);
    const v = graph.nodes.find((node) => node.label === "v")!.id;
    const first = arrows.findIndex((arrow) => arrow.from === v);
    const second = arrows.findIndex((arrow, index) => arrow.from === v && index > first);
    expect(arrows[first]).toMatchObject({ fanOut: 2, arrival: 1 });
    const partial = findBackwardState(graph, arrows, first + 1);
    expect(partial.final[v]).toBe(false);
    expect(partial.grads[v]).toBe(arrows[first].contribution);
    const complete = findBackwardState(graph, arrows, second + 1);
    expect(complete.final[v]).toBe(true);
    expect(complete.grads[v]).toBe(arrows[first].contribution + arrows[second].contribution);
    expect(describeStateText(graph, partial, arrows.length)).toContain("1 of 2 arrows so far");
  });

  it("writes valid TeX for every step of every expression, with the local derivative rule", () => {
    for (const name of EXPRESSIONS) {
      const graph = traceGraph(buildExpression(name, INPUTS));
      const arrows = listArrowSteps(graph);
      for (let applied = 0; applied <= arrows.length; applied++) {
        const tex = describeStateTeX(graph, findBackwardState(graph, arrows, applied));
        expect(() => katex.renderToString(tex, { displayMode: true, throwOnError: true, strict: "error" })).not.toThrow();
      }
    }
    const graph = traceGraph(buildExpression("loss", INPUTS));
    const arrows = listArrowSteps(graph);
    const sigmoid = arrows.findIndex((arrow) => graph.nodes[arrow.to].op === "sigmoid");
    expect(describeStateTeX(graph, findBackwardState(graph, arrows, sigmoid + 1))).toContain("a\\,(1 - a)");
  });

  it("names nodes in the chapters' notation", () => {
    const names = traceGraph(buildExpression("loss", INPUTS)).nodes.map(nameNodeTeX);
    expect(names).toEqual(expect.arrayContaining(["w_{1}", "x_{2}", "r^2", "E", "(0.5)"]));
  });
});

describe("chain-rule graph layout", () => {
  it("puts every node right of its operands and no two nodes in one cell", () => {
    for (const name of EXPRESSIONS) {
      const graph = traceGraph(buildExpression(name, INPUTS));
      const layout = layoutGraph(graph);
      for (const edge of graph.edges) expect(layout.nodes[edge.from].column).toBeLessThan(layout.nodes[edge.to].column);
      const cells = layout.nodes.map((node) => `${node.column},${node.row}`);
      expect(new Set(cells).size).toBe(cells.length);
      expect(Math.max(...layout.nodes.map((node) => node.column))).toBe(layout.columns - 1);
    }
  });
});

describe("chain-rule path counts", () => {
  it("counts with the engine, and the sum over paths outgrows reverse mode", () => {
    expect(countAtDepth(4, 3)).toEqual({ layers: 4, ...countLocalDerivatives(buildLayeredGraph(4, 3)) });
    const shallow = countAtDepth(2, 3);
    const deep = countAtDepth(8, 3);
    expect(deep.naivePaths / deep.reverseMode).toBeGreaterThan(100 * (shallow.naivePaths / shallow.reverseMode));
  });

  it("formats huge counts as powers of ten", () => {
    expect(formatCount(123384)).toBe("123,384");
    expect(formatCount(2.5e18)).toBe("2.5 × 10^18");
  });
});

describe("GraphStepper's binding", () => {
  const number = (name: string, value: number): NumberParamSpec => ({ kind: "number", name, value, min: -5, max: 5, step: 0.5, scale: "linear" });
  const inputs = Object.fromEntries(INPUT_NAMES.map((name, i) => [name, number(name, i)]));
  const graph = (choices: string[], value = "fan-out"): ParamSpec => ({ kind: "choice", name: "graph", choices, value });

  it("follows the page's choice of graph, starting on its value, when expression is bound", () => {
    expect(planStepper({ ...inputs, expression: graph([...GRAPH_CHOICES], "neuron") }, undefined)).toEqual({ expression: "neuron", follows: true });
    expect(planStepper({ w1: inputs.w1, x1: inputs.x1, w2: inputs.w2, x2: inputs.x2, b: inputs.b, t: inputs.t }, "loss")).toEqual({ expression: "loss", follows: false });
  });

  it("fails the build when the choice param offers other graphs than the stepper draws, or starts on one it cannot", () => {
    expect(() => planStepper({ ...inputs, expression: graph(["fan-out", "neuron", "loss"]) }, undefined)).toThrow("offers fan-out, loss, neuron, but the stepper draws fan-out, loss, neuron, your own");
    expect(() => planStepper({ ...inputs, expression: graph([...GRAPH_CHOICES, "mlp"]) }, undefined)).toThrow("offers");
    expect(() => planStepper({ ...inputs, expression: graph([...GRAPH_CHOICES], "your own") }, undefined)).toThrow('starts on "your own"');
    expect(() => planStepper({ ...inputs, expression: number("graph", 1) }, undefined)).toThrow("which is a number");
  });

  it("fails the build when the first graph is written twice, or an input it may draw is unbound", () => {
    expect(() => planStepper({ ...inputs, expression: graph([...GRAPH_CHOICES]) }, "fan-out")).toThrow("not both");
    const withoutT = Object.fromEntries(Object.entries(inputs).filter(([name]) => name !== "t"));
    expect(() => planStepper(withoutT, "loss")).toThrow('bind t: "…" in params');
    expect(() => planStepper({ ...withoutT, expression: graph([...GRAPH_CHOICES]) }, undefined)).toThrow('bind t: "…"');
    // The fan-out graph reads only u and v, so a stepper fixed on it needs no more.
    expect(planStepper({ u: inputs.u, v: inputs.v }, "fan-out")).toEqual({ expression: "fan-out", follows: false });
  });

  it("builds from the bound inputs only, and says which input a graph lacks", () => {
    expect(readInputs({ expression: "loss", u: 3, v: 0.5 })).toEqual({ u: 3, v: 0.5 });
    expect(() => buildExpression("loss", { u: 3, v: 0.5 })).toThrow('the graph "loss" reads the input w1, which is not given');
  });
});
