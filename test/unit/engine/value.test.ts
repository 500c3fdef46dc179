import { describe, expect, it } from "vitest";
import { Value, checkGradient, countLocalDerivatives, sortTopologically, traceGraph } from "../../../src/engine/index";

/** Each unary or binary op as a function of two parameters, at points where all are smooth. */
const OPS: Record<string, (a: Value, b: Value) => Value> = {
  add: (a, b) => a.add(b),
  sub: (a, b) => a.sub(b),
  mul: (a, b) => a.mul(b),
  div: (a, b) => a.div(b),
  pow: (a) => a.pow(3.5),
  neg: (a) => a.neg(),
  exp: (a) => a.exp(),
  log: (a) => a.log(),
  tanh: (a) => a.tanh(),
  sigmoid: (a) => a.sigmoid(),
  relu: (a) => a.relu(),
  "relu (negative side)": (a) => a.neg().relu().add(a.mul(0.5).relu()),
  "plain numbers": (a, b) => a.mul(2).add(3).sub(b.div(4)).pow(2),
  "reused node": (a, b) => { const c = a.mul(b); return c.mul(c).add(c.tanh()); },
};

describe("Value ops", () => {
  for (const [name, op] of Object.entries(OPS)) {
    it(`${name}: backward matches central differences`, () => {
      const point = new Float64Array([0.7, 1.3]);
      const a = new Value(point[0], "a");
      const b = new Value(point[1], "b");
      const out = op(a, b);
      out.backward();
      const check = checkGradient((p) => op(new Value(p[0]), new Value(p[1])).data, point, [a.grad, b.grad]);
      expect(check.worstRelativeError).toBeLessThan(1e-6);
    });
  }

  it("has the local derivatives the chapters write", () => {
    const a = new Value(3), b = new Value(4);
    expect(a.mul(b).localDerivatives).toEqual([4, 3]); // ∂(a·b)/∂a = b
    expect(a.div(b).localDerivatives).toEqual([1 / 4, -3 / 16]);
    expect(a.pow(2).localDerivatives).toEqual([6]);
    expect(new Value(-1).relu().localDerivatives).toEqual([0]);
  });

  it("rejects a Value exponent and non-numbers", () => {
    expect(() => new Value(2).pow(new Value(2) as unknown as number)).toThrow(TypeError);
    expect(() => new Value(2).add("3" as unknown as number)).toThrow(TypeError);
  });
});

describe("backward", () => {
  it("gives the same gradients when called twice", () => {
    const a = new Value(2, "a"), b = new Value(-3, "b");
    const c = a.mul(b);
    const e = c.add(a.pow(2)).tanh();
    e.backward();
    const first = [a.grad, b.grad, c.grad];
    e.backward();
    expect([a.grad, b.grad, c.grad]).toEqual(first);
  });

  it("handles a chain of 100,000 nodes without overflowing the stack", () => {
    const x = new Value(1, "x");
    let y = x;
    for (let i = 0; i < 100_000; i++) y = y.add(1);
    expect(y.backward()).toBe(200_000); // two edges per add: y and the constant
    expect(x.grad).toBe(1);
    expect(sortTopologically(y).length).toBe(200_001);
  });

  it("places every node after its parents", () => {
    const a = new Value(1), b = new Value(2);
    const c = a.mul(b), d = c.add(a), e = d.mul(c);
    const order = sortTopologically(e);
    for (const node of order) for (const parent of node.parents) expect(order.indexOf(parent)).toBeLessThan(order.indexOf(node));
  });
});

describe("traceGraph", () => {
  it("exports nodes, edges, order and the chain-rule numbers of each step", () => {
    const a = new Value(2, "a"), b = new Value(-3, "b");
    const c = a.mul(b).named("c");
    const e = c.add(a).named("e"); // e = ab + a, ∂e/∂a = b + 1 = −2
    const graph = traceGraph(e);
    const id = (label: string) => graph.nodes.find((n) => n.label === label)!.id;
    expect(graph.nodes.length).toBe(4);
    expect(graph.edges).toEqual(expect.arrayContaining([{ from: id("a"), to: id("c") }, { from: id("b"), to: id("c") }, { from: id("c"), to: id("e") }, { from: id("a"), to: id("e") }]));
    expect(graph.edges.length).toBe(4);
    expect(graph.backwardOrder[0]).toBe(id("e"));
    expect(graph.nodes[id("a")].grad).toBe(-2);
    expect(graph.nodes[id("c")]).toMatchObject({ op: "*", data: -6, grad: 1 });
    // The step at c: ∂e/∂a gets ∂e/∂c · ∂c/∂a = 1 · (−3).
    const stepC = graph.steps.find((s) => s.node === id("c"))!;
    const edgeToA = stepC.edges.find((edge) => edge.from === id("a"))!;
    expect(edgeToA).toMatchObject({ localDerivative: -3, contribution: -3 });
    // e's step runs first and gave a 1 from the direct edge, so the partial sum after c's step is 1 − 3.
    expect(edgeToA.gradAfter).toBe(-2);
    expect(graph.steps[0].node).toBe(id("e"));
  });
});

describe("countLocalDerivatives", () => {
  it("counts one local derivative per edge for reverse mode and path products for the naive expansion", () => {
    // A chain x → y1 → … → y5 of unary ops has one path of 5 edges.
    const x = new Value(1);
    let y = x;
    for (let i = 0; i < 5; i++) y = y.tanh();
    expect(countLocalDerivatives(y)).toEqual({ reverseMode: 5, naivePaths: 5, paths: 1 });
  });

  it("agrees with brute-force path enumeration on a small diamond stack", () => {
    let v = new Value(0.5, "x");
    for (let i = 0; i < 4; i++) v = v.tanh().add(v.sigmoid()); // each level doubles the paths
    const counts = countLocalDerivatives(v);
    let factors = 0, paths = 0;
    const walk = (node: Value, depth: number) => {
      if (node.parents.length === 0) { factors += depth; paths++; return; }
      for (const parent of node.parents) walk(parent, depth + 1);
    };
    walk(v, 0);
    expect(counts).toEqual({ reverseMode: 16, naivePaths: factors, paths });
    expect(paths).toBe(16);
  });

  it("computes astronomically many paths without enumerating them", () => {
    let v = new Value(0.1);
    for (let i = 0; i < 80; i++) v = v.tanh().add(v.sigmoid());
    const counts = countLocalDerivatives(v);
    expect(counts.reverseMode).toBe(320);
    expect(counts.paths).toBe(2 ** 80);
    expect(counts.naivePaths).toBe(2 * 80 * 2 ** 80); // every path has 2 edges per level
  });
});
