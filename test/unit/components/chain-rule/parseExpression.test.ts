import { describe, expect, it } from "vitest";
import { traceGraph } from "../../../../src/engine/index";
import { parseExpression } from "../../../../components/chain-rule/parseExpression";

const inputs = { u: 2, v: -0.5 };
const value = (source: string) => parseExpression(source, inputs).data;

describe("parseExpression", () => {
  it("follows the usual precedence, with ^ and ** for powers", () => {
    expect(value("u + v * 2")).toBe(1);
    expect(value("(u + v) * (v + 1)")).toBe(0.75);
    expect(value("-u ^ 2")).toBe(-4);
    expect(value("u ** 2 / 8")).toBe(0.5);
    expect(value("tanh(u * v + u)")).toBeCloseTo(Math.tanh(1));
  });

  it("reads Value's methods as the cells write them", () => {
    expect(value("u.mul(v).add(u).tanh()")).toBeCloseTo(Math.tanh(1));
    expect(value("u.pow(3).sub(1)")).toBe(7);
  });

  it("shares one leaf per name, so a reused input fans out and its gradient adds up", () => {
    const graph = traceGraph(parseExpression("(u + v) * (v + 1)", inputs));
    const v = graph.nodes.find((node) => node.label === "v")!;
    expect(graph.edges.filter((edge) => edge.from === v.id)).toHaveLength(2);
    expect(v.grad).toBe(2 + -0.5 + (-0.5 + 1));
    expect(graph.nodes.at(-1)!.label).toBe("f");
    expect(graph.nodes.map((node) => node.label)).toEqual(expect.arrayContaining(["u", "v", "1", "n3", "n5"]));
  });

  it.each([
    ["u + y", "unknown name \"y\""],
    ["u +", "the expression ended"],
    ["u ^ v", "an exponent cannot be a variable"],
    ["u.foo()", "no method \"foo\""],
    ["u $ v", "unexpected character \"$\""],
    ["u v", "after a complete expression"],
    ["", "type an expression"],
    ["u" + " + u".repeat(60), "under 200"],
    ["u" + " + 1".repeat(30), "more than 40 nodes"],
  ])("explains what is wrong with %j", (source, words) => {
    expect(() => parseExpression(source, inputs)).toThrow(words);
  });
});
