import { describe, expect, it } from "vitest";
import { GRAPH_LIMITS, findGraphProblem, readGraphOutput, type GraphOutput } from "../../../src/notebook/graphOutput";
import { isOutput, capOutputs } from "../../../src/notebook/outputs";
import { describeValue } from "../../../src/notebook/display";
import { renderOutput } from "../../../src/notebook/render";
import { traceOperandGraph } from "../../../src/notebook/operandGraph";
import { compareGrads } from "../../../components/chain-rule/liveStepper";
import { Scalar } from "../../../components/chain-rule/gateGraph";
import { zhNotebook } from "../../../src/i18n/notebook.zh";

function gateTrace() {
  const x = new Scalar(2), y = new Scalar(0.5), z = new Scalar(-1.5);
  const f = x.mul(y).add(x).relu().mul(z);
  const names = new Map<unknown, string>([[x, "x"], [y, "y"], [z, "z"], [f, "f"]]);
  return { x, traced: traceOperandGraph(f, { name: (node) => names.get(node), title: "f = relu(x·y + x)·z" }) };
}
const good = (): GraphOutput => describeValue(gateTrace().traced) as GraphOutput;

describe("the graph output", () => {
  it("is what display() makes of a traced graph: a fresh copy with only the allowed fields", () => {
    const output = good();
    expect(output.type).toBe("graph");
    expect(Object.keys(output).sort()).toEqual(["graph", "ownGrads", "title", "type"]);
    expect(output.graph.nodes.find((node) => node.label === "x")!.grad).toBe(-2.25);
    expect(output.ownGrads).toEqual(output.graph.nodes.map(() => 0));
    expect(isOutput(output)).toBe(true);
    expect(capOutputs([output])).toEqual([output]);
  });

  it("drops extra fields a hostile cell adds, and the page refuses an output that still carries them", () => {
    const { traced } = gateTrace();
    const hostile = { ...traced, onload: "alert(1)", nodes: traced.nodes.map((node) => ({ ...node, html: "<img src=x onerror=alert(1)>" })) };
    const output = describeValue(hostile) as GraphOutput;
    expect(JSON.stringify(output)).not.toContain("onerror");
    expect(JSON.stringify(output)).not.toContain("onload");
    const smuggled = { ...good(), markup: "<script>" };
    expect(isOutput(smuggled)).toBe(false);
    const node = { ...good() };
    node.graph = { ...node.graph, nodes: node.graph.nodes.map((n, i) => (i === 0 ? { ...n, style: "x" } : n)) };
    expect(isOutput(node)).toBe(false);
  });

  it("refuses labels with markup, non-finite numbers, ids out of range, unknown ops and huge graphs, saying why", () => {
    const with_ = (change: (output: GraphOutput) => void): string | undefined => {
      const output = structuredClone(good());
      change(output);
      return findGraphProblem(output as unknown as Record<string, unknown>);
    };
    expect(with_((o) => (o.graph.nodes[0].label = "<img src=x onerror=alert(1)>"))).toMatch(/label must be a name/);
    expect(with_((o) => (o.graph.nodes[0].label = "\\href{javascript:alert(1)}{x}"))).toMatch(/label must be a name/);
    expect(with_((o) => (o.graph.nodes[0].label = "a".repeat(GRAPH_LIMITS.label + 1)))).toMatch(/label must be a name/);
    expect(with_((o) => (o.title = "<b>bold</b>"))).toMatch(/title must be plain text/);
    expect(with_((o) => (o.graph.nodes[0].op = "<script>"))).toMatch(/operation must be one of/);
    expect(with_((o) => (o.graph.nodes[1].data = NaN))).toMatch(/not a finite number/);
    expect(with_((o) => (o.graph.nodes[1].grad = Infinity))).toMatch(/not a finite number/);
    expect(with_((o) => (o.graph.steps[0].edges[0].contribution = NaN))).toMatch(/not finite/);
    expect(with_((o) => (o.graph.edges[0].from = 99))).toMatch(/does not join two nodes/);
    expect(with_((o) => (o.graph.edges[0].to = -1))).toMatch(/does not join two nodes/);
    expect(with_((o) => (o.graph.steps[0].node = 1.5))).toMatch(/backward step/);
    expect(with_((o) => (o.graph.steps[0].edges[0].from = 42))).toMatch(/not an edge of the graph/);
    expect(with_((o) => (o.graph.nodes[2].id = 7))).toMatch(/node 2 is not/);
    expect(with_((o) => (o.graph.backwardOrder[0] = o.graph.backwardOrder[1]))).toMatch(/each node once/);
    expect(with_((o) => (o.ownGrads = [1]))).toMatch(/ownGrads/);
    expect(with_((o) => (o.ownGrads = o.graph.nodes.map(() => Infinity)))).toMatch(/ownGrads/);
    const huge = { nodes: Array.from({ length: 100_000 }, (_, id) => ({ id, label: "", op: "", data: 0, grad: 0 })), edges: [], steps: [] };
    expect(readGraphOutput(huge)).toMatch(/100000 nodes, more than the 60/);
    expect(() => describeValue(huge)).toThrow(/display\(\) cannot draw this graph: it has 100000 nodes/);
    expect(() => describeValue({ nodes: [{ id: 0, label: "x", op: "", data: NaN, grad: 1 }], edges: [], steps: [] })).toThrow(/not a finite number/);
    const throwing = { get nodes(): never { throw new Error("boom"); }, edges: [], steps: [] };
    expect(readGraphOutput(throwing)).toBe("boom");
  });

  it("says why it refuses a graph in the page's words: Chinese on a Chinese page", () => {
    const with_ = (change: (o: GraphOutput) => void) => {
      const o = structuredClone(good());
      change(o);
      return findGraphProblem(o as unknown as Record<string, unknown>, zhNotebook);
    };
    expect(with_((o) => (o.title = "<b>粗</b>"))).toBe("标题必须是不超过 80 个字符的纯文本，不能含 < > 或 &");
    expect(with_((o) => (o.graph.nodes[0].label = "<svg>"))).toBe("节点 0 的 label 必须是 x、w1 这样的名字（字母、数字和 _，至多 16 个字符）");
    expect(with_((o) => (o.graph.nodes[1].op = "sqrt"))).toBe("节点 1 的运算必须是 + - * / neg sigmoid tanh exp log relu 或 ^n 之一");
    expect(with_((o) => (o.graph.edges[0].from = 99))).toBe("有一条边没有按拓扑序连接两个节点");
    expect(with_((o) => (o.graph.steps[0].edges[0].from = 42))).toBe("某一步的箭头不是图中的边");
    expect(with_((o) => (o.ownGrads = [1]))).toBe("它的 ownGrads 必须为每个节点给出一个有限数（或 null）");
    const huge = { nodes: Array.from({ length: 100_000 }, (_, id) => ({ id, label: "", op: "", data: 0, grad: 0 })), edges: [], steps: [] };
    expect(() => describeValue(huge, zhNotebook)).toThrow("display() 画不了这张图：nodes 有 100000 个，超过了逐步演示器能显示的 60 个");
    expect(() => describeValue({ nodes: [{ id: 0, label: "x", op: "", data: NaN, grad: 1 }], edges: [], steps: [] }, zhNotebook)).toThrow(
      "display() 画不了这张图：节点 x 的值或梯度不是有限数（NaN，1）；逐步演示器只画有限的数",
    );
    expect(readGraphOutput({ nodes: [{ id: 0, label: "x", op: "", data: 1, grad: 1 }], edges: [], steps: [] }, zhNotebook)).toMatchObject({ title: "你的图" });
    // The page's own check of a graph from the worker needs no words: only whether it may be drawn.
    expect(findGraphProblem(good() as unknown as Record<string, unknown>, zhNotebook)).toBeUndefined();
  });

  it("is saved as a table of its nodes, every name escaped, with the reader's grads beside the chain rule's", () => {
    const html = renderOutput(good());
    expect(html).toContain('class="nb-out nb-out-graph"');
    expect(html).toContain("f = relu(x·y + x)·z: run the cell to step through it.");
    expect(html).toMatch(/<td>x<\/td><td><\/td><td class="nb-num">2<\/td><td class="nb-num">-2.25<\/td><td class="nb-num">0<\/td>/);
  });

  it("says where the reader's backward disagrees with the replayed chain rule", () => {
    const agree = good();
    expect(compareGrads({ ...agree, ownGrads: agree.graph.nodes.map((node) => node.grad) })).toEqual([]);
    expect(compareGrads(agree)).toContain("your grad on f is 0, the chain rule gives 1");
    const mixed = { ...agree, ownGrads: agree.graph.nodes.map((node) => (node.label === "x" ? -1.5 : node.grad)) };
    expect(compareGrads(mixed)).toEqual(["your grad on x is −1.5, the chain rule gives −2.25"]);
    // A NaN grad crosses as null and is named, not taken for agreement.
    const { traced } = gateTrace();
    const broken = describeValue({ ...traced, ownGrads: traced.nodes.map((node) => (node.label === "y" ? NaN : node.grad)) }) as GraphOutput;
    expect(compareGrads(broken)).toEqual(["your grad on y is not a finite number, the chain rule gives −3"]);
    expect(compareGrads({ ...agree, ownGrads: agree.ownGrads.map(() => null) })).toEqual([]);
  });
});
