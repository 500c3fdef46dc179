import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import katex from "katex";
import { traceGraph, countLocalDerivatives } from "../../../src/engine/index";
import { DEFAULT_INPUTS, EXPRESSIONS, GRAPH_CHOICES, buildExpression } from "../../../components/chain-rule/expressions";
import { describeStateTeX, describeStateText, findBackwardState, listArrowSteps, nameNodeTeX } from "../../../components/chain-rule/backwardSteps";
import { layoutGraph } from "../../../components/chain-rule/graphLayout";
import { buildLayeredGraph, countAtDepth, formatCount } from "../../../components/chain-rule/layeredGraph";

const chapter = readFileSync("content/chain-rule.mdx", "utf8");
const fanOut = () => traceGraph(buildExpression("fan-out", { ...DEFAULT_INPUTS }));

describe("chain-rule backward steps", () => {
  it("lists one step per arrow and ends on the engine's gradients", () => {
    for (const name of EXPRESSIONS) {
      const graph = traceGraph(buildExpression(name, { ...DEFAULT_INPUTS }));
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
      const graph = traceGraph(buildExpression(name, { ...DEFAULT_INPUTS }));
      const arrows = listArrowSteps(graph);
      for (let applied = 0; applied <= arrows.length; applied++) {
        const tex = describeStateTeX(graph, findBackwardState(graph, arrows, applied));
        expect(() => katex.renderToString(tex, { displayMode: true, throwOnError: true, strict: "error" })).not.toThrow();
      }
    }
    const graph = traceGraph(buildExpression("loss", { ...DEFAULT_INPUTS }));
    const arrows = listArrowSteps(graph);
    const sigmoid = arrows.findIndex((arrow) => graph.nodes[arrow.to].op === "sigmoid");
    expect(describeStateTeX(graph, findBackwardState(graph, arrows, sigmoid + 1))).toContain("a\\,(1 - a)");
  });

  it("names nodes in the chapters' notation", () => {
    const names = traceGraph(buildExpression("loss", { ...DEFAULT_INPUTS })).nodes.map(nameNodeTeX);
    expect(names).toEqual(expect.arrayContaining(["w_{1}", "x_{2}", "r^2", "E", "(0.5)"]));
  });
});

describe("chain-rule graph layout", () => {
  it("puts every node right of its operands and no two nodes in one cell", () => {
    for (const name of EXPRESSIONS) {
      const graph = traceGraph(buildExpression(name, { ...DEFAULT_INPUTS }));
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

describe("chain-rule chapter and widgets agree", () => {
  it("gives each input <Param> the default the widgets draw at build time", () => {
    for (const [name, value] of Object.entries(DEFAULT_INPUTS)) {
      const param = new RegExp(`<Param name="${name}" value=\\{(-?[\\d.]+)\\}`).exec(chapter);
      expect(param, `<Param name="${name}">`).not.toBeNull();
      expect(Number(param![1])).toBe(value);
    }
    const layers = /<Param name="layers" value=\{(\d+)\}/.exec(chapter)![1];
    const width = /<Param name="width" value=\{(\d+)\}/.exec(chapter)![1];
    expect(chapter).toContain(`<PathCounter layers={${layers}} width={${width}} />`);
    expect(chapter).toContain(`<Param name="graph" choices={${JSON.stringify([...GRAPH_CHOICES]).replace(/","/g, '", "')}} value="fan-out"`);
  });
});
