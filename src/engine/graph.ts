/** The computation graph of a `Value` as plain data, for drawing it and stepping through backprop. */
import { Value, sortTopologically } from "./value";

/** One node: `id` is its place in topological order (inputs first). */
export interface GraphNode {
  id: number;
  label: string;
  op: string;
  data: number;
  grad: number;
}

/** An edge from an operand (`from`) to the value computed from it (`to`). */
export interface GraphEdge {
  from: number;
  to: number;
}

/** One factor of the chain rule applied in a backward step: ∂out/∂from += ∂out/∂to · ∂to/∂from. */
export interface BackwardEdgeStep extends GraphEdge {
  /** ∂to/∂from, the local derivative. */
  localDerivative: number;
  /** ∂out/∂to · ∂to/∂from, what this edge adds to the grad of `from`. */
  contribution: number;
  /** The grad of `from` just after this contribution was added (a partial sum until its last edge). */
  gradAfter: number;
}

/** One backward step: node `node` (with grad ∂out/∂node, already final) passes its grad to its parents. */
export interface BackwardStep {
  node: number;
  grad: number;
  edges: BackwardEdgeStep[];
}

/** A traced graph: nodes, edges, the order backward visits nodes (output first) and each step's numbers. */
export interface TracedGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  backwardOrder: number[];
  steps: BackwardStep[];
}

/** Runs `output.backward()` and returns the graph with grads, plus every chain-rule product ∂out/∂a = ∂out/∂c · ∂c/∂a it made. */
export function traceGraph(output: Value): TracedGraph {
  output.backward();
  const order = sortTopologically(output);
  const idOf = new Map<Value, number>();
  order.forEach((node, id) => idOf.set(node, id));

  const operands = order.map((node) => node.parents.map((parent) => idOf.get(parent)!));
  const nodes = order.map((node, id) => ({ id, label: node.label, op: node.op, data: node.data, grad: node.grad }));
  const edges: GraphEdge[] = operands.flatMap((from, to) => from.map((id) => ({ from: id, to })));
  const { steps } = replayBackward(operands, order.map((node) => node.localDerivatives));
  return { nodes, edges, backwardOrder: order.map((_, i) => order.length - 1 - i), steps };
}

/**
 * Replays the backward pass over nodes listed in topological order (output last), given each node's
 * operands (by place in that order) and local derivatives: the grads it leaves from a seed of 1, and
 * every chain-rule product in the order it was added.
 */
export function replayBackward(operands: readonly (readonly number[])[], localDerivatives: readonly (readonly number[])[]): { grads: Float64Array; steps: BackwardStep[] } {
  const grads = new Float64Array(operands.length);
  grads[operands.length - 1] = 1;
  const steps: BackwardStep[] = [];
  for (let id = operands.length - 1; id >= 0; id--) {
    if (operands[id].length === 0) continue;
    const edges = operands[id].map((from, k) => {
      const localDerivative = localDerivatives[id][k];
      const contribution = grads[id] * localDerivative;
      grads[from] += contribution;
      return { from, to: id, localDerivative, contribution, gradAfter: grads[from] };
    });
    steps.push({ node: id, grad: grads[id], edges });
  }
  return { grads, steps };
}

/** Local-derivative evaluations for ∂out/∂inputs: reverse mode uses one per edge; the naive expansion Σ over paths of path length. */
export interface DerivativeCounts {
  /** Local derivatives the backward pass evaluated (one per edge). */
  reverseMode: number;
  /** Local-derivative factors in Σ_{paths output→input} Π ∂, one product per path (a float; may be huge). */
  naivePaths: number;
  /** The number of paths from the output to its inputs (leaves). */
  paths: number;
}

/**
 * Counts the work of reverse mode against writing ∂out/∂x as a sum over paths of products of local derivatives.
 * A dynamic programme over the graph: paths(v) = Σ paths(child), factors(v) = Σ (factors(child) + paths(child)).
 */
export function countLocalDerivatives(output: Value): DerivativeCounts {
  const reverseMode = output.backward();
  const order = sortTopologically(output);
  const paths = new Map<Value, number>([[output, 1]]);
  const factors = new Map<Value, number>([[output, 0]]);
  let naivePaths = 0;
  let pathCount = 0;
  for (let i = order.length - 1; i >= 0; i--) {
    const node = order[i];
    const nodePaths = paths.get(node) ?? 0;
    const nodeFactors = factors.get(node) ?? 0;
    if (node.parents.length === 0) {
      naivePaths += nodeFactors;
      pathCount += nodePaths;
    }
    for (const parent of node.parents) {
      // Every path reaching `node` extends by one edge to `parent`, adding one factor each.
      paths.set(parent, (paths.get(parent) ?? 0) + nodePaths);
      factors.set(parent, (factors.get(parent) ?? 0) + nodeFactors + nodePaths);
    }
  }
  return { reverseMode, naivePaths, paths: pathCount };
}
