import { describe, expect, it } from "vitest";
import { MAX_GRAPH_NODES, OperandGraphError, traceOperandGraph, type OperandNode } from "../../../src/notebook/operandGraph";
import { Scalar } from "../../../components/chain-rule/gateGraph";
import { zhNotebook } from "../../../src/i18n/notebook.zh";

const leaf = (data: number, extra: Partial<OperandNode> = {}): OperandNode => ({ data, grad: 0, operands: [], localGrads: [], ...extra });

describe("traceOperandGraph, on any object with data, operands and localGrads", () => {
  it("names nodes from name(), then a label field, then v1, v2, …, and reads the ops off the numbers", () => {
    const x = new Scalar(2), y = new Scalar(3);
    const f = x.mul(y).add(x).tanh();
    const traced = traceOperandGraph(f, { name: (node) => (node === x ? "x" : undefined) });
    expect(traced.nodes.map((node) => node.label)).toEqual(["x", "v1", "v2", "v3", "v4"]);
    expect(traced.nodes.map((node) => node.op)).toEqual(["", "", "*", "+", "tanh"]);
    const labelled = traceOperandGraph({ data: 5, operands: [leaf(5, { label: "a" })], localGrads: [1], label: "out", op: "relu" });
    expect(labelled.nodes.map((node) => [node.label, node.op])).toEqual([["a", ""], ["out", "relu"]]);
    const own = traceOperandGraph({ data: 6, operands: [leaf(2), leaf(3)], localGrads: [3, 2], op: "mul" });
    expect(own.nodes[2].op).toBe("*");
  });

  it("replays x's fan-out as a sum of two arrows and keeps the reader's own grads beside the replay", () => {
    const x = new Scalar(3);
    const out = x.mul(x);
    x.grad = 3; // what a backward with = instead of += leaves
    const traced = traceOperandGraph(out);
    expect(traced.nodes[0].grad).toBe(6);
    expect(traced.steps[0].edges.map((edge) => edge.gradAfter)).toEqual([3, 6]);
    expect(traced.ownGrads).toEqual([3, 0]);
    expect(x.grad).toBe(3);
  });

  it("refuses a graph over the node cap, and objects it cannot read, with a sentence", () => {
    let chain = new Scalar(1);
    for (let i = 0; i < 10_000; i++) chain = chain.add(1);
    expect(() => traceOperandGraph(chain)).toThrow(new OperandGraphError(`the graph has more than ${MAX_GRAPH_NODES} nodes; trace a smaller expression to step through it`));
    expect(() => traceOperandGraph({ data: 1, operands: [leaf(1)], localGrads: [] })).toThrow(/1 operands but 0 localGrads/);
    expect(() => traceOperandGraph({ data: 1, operands: [null as unknown as OperandNode], localGrads: [1] })).toThrow(/an operand is null/);
    expect(() => traceOperandGraph({ data: "1" as unknown as number, operands: [], localGrads: [] })).toThrow(/data is not a number/);
  });

  it("titles the graph and refuses what it cannot read in the page's words: Chinese on a Chinese page", () => {
    const x = new Scalar(2);
    const f = x.mul(x);
    expect(traceOperandGraph(f, { name: (node) => (node === f ? "f" : undefined) }).title).toBe("f, built with your code");
    expect(traceOperandGraph(f, { name: (node) => (node === f ? "f" : undefined) }, zhNotebook).title).toBe("f，用你的代码构造");
    expect(traceOperandGraph(f, { title: "平方" }, zhNotebook).title).toBe("平方");
    let chain = new Scalar(1);
    for (let i = 0; i < 100; i++) chain = chain.add(1);
    expect(() => traceOperandGraph(chain, {}, zhNotebook)).toThrow(new OperandGraphError(`这张图的节点超过了 ${MAX_GRAPH_NODES} 个；请追踪一个更小的表达式，再逐步查看`));
    expect(() => traceOperandGraph({ data: 1, operands: [leaf(1)], localGrads: [] }, {}, zhNotebook)).toThrow("有一个节点有 1 个 operands，却有 0 个 localGrads；每个操作数都需要它的局部导数");
    expect(() => traceOperandGraph({ data: 1, operands: [null as unknown as OperandNode], localGrads: [1] }, {}, zhNotebook)).toThrow("有一个操作数是 null，而不是带有 data、operands 和 localGrads 的节点");
    expect(() => traceOperandGraph({ data: "1" as unknown as number, operands: [], localGrads: [] }, {}, zhNotebook)).toThrow("有一个节点的 data 不是数");
    expect(() => traceOperandGraph({ data: 1, operands: [leaf(1)], localGrads: ["1" as unknown as number] }, {}, zhNotebook)).toThrow("有一个节点的 localGrads 不全是数");
    expect(() => traceOperandGraph({ data: 1 } as unknown as OperandNode, {}, zhNotebook)).toThrow("有一个节点缺少 operands 或 localGrads 数组");
  });
});
