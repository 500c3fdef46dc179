/**
 * The adapter between a reader's own Scalar (chapter 6: `data`, `grad`, `operands`, `localGrads`)
 * and the graph stepper, which draws plain `{ nodes, edges, steps }` data (the engine's
 * TracedGraph). The reader's class knows no names or operation symbols, so the caller gives them.
 */
import type { BackwardStep, GraphEdge, GraphNode, TracedGraph } from "../../src/engine/index.ts";

/** What the adapter reads from a reader's node. */
export interface ScalarLike {
  data: number;
  grad: number;
  operands: readonly ScalarLike[];
  localGrads: readonly number[];
}

/** How a node is drawn: its name (empty for none) and its operation ("+", "*", "tanh", "^2", "relu", "exp"; "" for a leaf). */
export interface NodeName {
  label: string;
  op: string;
}

/**
 * Lists the graph under `output` in topological order (iteratively), replays its backward pass from a
 * seed of 1, and returns the stepper's data; the reader's own `grad` fields are left as they are.
 */
export function traceScalarGraph(output: ScalarLike, names: ReadonlyMap<ScalarLike, NodeName>): TracedGraph {
  const order: ScalarLike[] = [];
  const seen = new Set<ScalarLike>([output]);
  const stack: { node: ScalarLike; next: number }[] = [{ node: output, next: 0 }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    if (top.next < top.node.operands.length) {
      const operand = top.node.operands[top.next++];
      if (!seen.has(operand)) {
        seen.add(operand);
        stack.push({ node: operand, next: 0 });
      }
    } else {
      order.push(top.node);
      stack.pop();
    }
  }
  const idOf = new Map(order.map((node, id) => [node, id]));
  const grads = new Float64Array(order.length);
  grads[order.length - 1] = 1;
  const steps: BackwardStep[] = [];
  for (let id = order.length - 1; id >= 0; id--) {
    const node = order[id];
    if (node.operands.length === 0) continue;
    const edges = node.operands.map((operand, k) => {
      const from = idOf.get(operand)!;
      const contribution = grads[id] * node.localGrads[k];
      grads[from] += contribution; // the reader's += , on a copy
      return { from, to: id, localDerivative: node.localGrads[k], contribution, gradAfter: grads[from] };
    });
    steps.push({ node: id, grad: grads[id], edges });
  }
  const nodes: GraphNode[] = order.map((node, id) => ({ id, ...(names.get(node) ?? { label: "", op: "" }), data: node.data, grad: grads[id] }));
  const edges: GraphEdge[] = order.flatMap((node, id) => node.operands.map((operand) => ({ from: idOf.get(operand)!, to: id })));
  return { nodes, edges, backwardOrder: order.map((_, i) => order.length - 1 - i), steps };
}

/** A graph handed to the stepper ready-made (its `traced` prop), with the caption the stepper shows beside it. */
export interface FixedGraph {
  graph: TracedGraph;
  formula: string;
  model: string;
  activation: string;
  loss: string;
  /** The inputs as text, e.g. "x = 2, y = 0.5". */
  inputs: string;
}
