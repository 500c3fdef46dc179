import { describe, expect, it } from "vitest";
import { Value, traceGraph } from "../../../../src/engine/index";
import { traceOperandGraph } from "../../../../src/notebook/operandGraph";
import { GATE_INPUTS, Scalar, traceGateGraph } from "../../../../components/chain-rule/gateGraph";
import { checkScalarBackward } from "../../../../src/notebook/checks/scalarBackward";
import { checkScalarOps } from "../../../../src/notebook/checks/scalarOps";
import { listArrowSteps } from "../../../../components/chain-rule/backwardSteps";
import { newKernel, runSolutionsBefore } from "../../content/your-own-autograd-cells";

describe("the Scalar-graph adapter for the stepper", () => {
  it("gives the same nodes, arrows and backward steps as the engine's traceGraph on the same expression", () => {
    const build = <T extends { add(o: T | number): T; mul(o: T | number): T; tanh(): T; pow(p: number): T }>(leaf: (x: number) => T) => {
      const u = leaf(0.7), v = leaf(-1.3);
      const h = u.mul(v).add(u).tanh();
      return { u, v, out: h.mul(h).add(v.pow(2)) };
    };
    const engine = traceGraph(build((x) => new Value(x)).out);
    const mine = build((x) => new Scalar(x));
    const traced = traceOperandGraph(mine.out);
    expect(traced.edges).toEqual(engine.edges);
    expect(traced.backwardOrder).toEqual(engine.backwardOrder);
    expect(traced.nodes.map((node) => [node.data, node.grad])).toEqual(engine.nodes.map((node) => [node.data, node.grad]));
    expect(traced.steps).toEqual(engine.steps);
    // The operations are read off the reader's numbers, as the engine names them.
    expect(traced.nodes.map((node) => node.op)).toEqual(engine.nodes.map((node) => node.op));
    // The adapter replays the pass on a copy: the reader's own grads are untouched.
    expect([mine.u.grad, mine.v.grad]).toEqual([0, 0]);
  });

  it("draws the gate graph with its names and operations, and x's two arrows summing to zy + z", () => {
    const graph = traceGateGraph();
    expect(graph.nodes.map((node) => node.label)).toEqual(["x", "y", "q", "s", "r", "z", "f"]);
    expect(graph.nodes.find((node) => node.label === "s")!.op).toBe("+");
    const x = graph.nodes.find((node) => node.label === "x")!;
    expect(x.grad).toBe(GATE_INPUTS.z * GATE_INPUTS.y + GATE_INPUTS.z);
    const arrows = listArrowSteps(graph);
    expect(arrows).toHaveLength(7);
    expect(arrows.filter((arrow) => arrow.from === x.id).map((arrow) => arrow.arrival)).toEqual([1, 2]);
  });

  it("builds the gate graph with a Scalar that passes the chapter's own checkers, like the solution in the page", async () => {
    const kernel = newKernel();
    await runSolutionsBefore(kernel, 2);
    const scope = { Scalar, backward: kernel.scope.backward };
    expect(checkScalarOps(scope)).toMatchObject({ passed: true });
    expect(checkScalarBackward(scope)).toMatchObject({ passed: true });
  });
});
