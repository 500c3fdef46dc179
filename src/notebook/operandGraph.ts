/**
 * The graph under any Scalar-like object (`data`, `operands`, `localGrads`, as chapter 6's reader
 * writes it) as the stepper's plain TracedGraph, with the backward pass replayed by the chain rule.
 */
import { replayBackward, type GraphEdge, type GraphNode, type TracedGraph } from "../engine/graph";
import { isKnownOp } from "./graphOutput";
import { enNotebook } from "../i18n/notebook.en";
import type { NotebookStrings } from "../i18n/types";

/** What the tracer reads from a node; `grad`, `label` and `op` are read when present. */
export interface OperandNode {
  data: number;
  grad?: number;
  operands: readonly OperandNode[];
  localGrads: readonly number[];
  label?: unknown;
  op?: unknown;
}

/** How to name nodes: `name(node)` gives a label (else the node's own `label`, else v1, v2, …). */
export interface TraceOptions {
  name?: (node: OperandNode) => string | undefined;
  /** What the figure is called, e.g. "f = relu(x·y + x)·z". */
  title?: string;
}

/** A traced operand graph: the chain rule's grads in `nodes`, and the `grad` each node held when traced. */
export interface OperandGraph extends TracedGraph {
  /** The grads the reader's own backward left on each node (NaN where a node had none). */
  ownGrads: number[];
  title: string;
}

/** The most nodes a traced graph may have: more is not a graph to step through by hand. */
export const MAX_GRAPH_NODES = 60;

/** Raised when the object is not a graph the tracer can read, with what is wrong in words. */
export class OperandGraphError extends Error {
  override name = "OperandGraphError";
}

/**
 * Lists the graph under `output` in topological order (iteratively), replays backward from a seed of 1, and leaves the
 * reader's `grad` fields as they are; `s` words the default title and what is wrong with a node.
 */
export function traceOperandGraph(output: OperandNode, options: TraceOptions = {}, s: NotebookStrings = enNotebook): OperandGraph {
  const order = sortOperands(output, s);
  const idOf = new Map(order.map((node, id) => [node, id]));
  const operands = order.map((node) => node.operands.map((operand) => idOf.get(operand)!));
  const { grads, steps } = replayBackward(operands, order.map((node) => node.localGrads));
  let unnamed = 0;
  const nodes: GraphNode[] = order.map((node, id) => {
    const given = options.name?.(node) ?? (typeof node.label === "string" ? node.label : undefined);
    const label = given !== undefined && given !== "" ? given : `v${++unnamed}`;
    // A class's own op names ("mul", "__add__") are not the stepper's symbols: read the numbers instead.
    const op = typeof node.op === "string" && isKnownOp(node.op) ? node.op : inferOp(node);
    return { id, label, op, data: node.data, grad: grads[id] };
  });
  const edges: GraphEdge[] = operands.flatMap((from, to) => from.map((id) => ({ from: id, to })));
  const ownGrads = order.map((node) => (typeof node.grad === "number" ? node.grad : NaN));
  return { nodes, edges, backwardOrder: order.map((_, i) => order.length - 1 - i), steps, ownGrads, title: options.title ?? s.operandTitle({ output: nodes[nodes.length - 1].label }) };
}

// Depth first without recursion, so a long chain cannot overflow the stack before the cap is reached.
function sortOperands(output: OperandNode, s: NotebookStrings): OperandNode[] {
  const order: OperandNode[] = [];
  const seen = new Set<OperandNode>([readable(output, s)]);
  const stack: { node: OperandNode; next: number }[] = [{ node: output, next: 0 }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    if (top.next < top.node.operands.length) {
      const operand = top.node.operands[top.next++];
      if (seen.has(operand)) continue;
      seen.add(readable(operand, s));
      if (seen.size > MAX_GRAPH_NODES) throw new OperandGraphError(s.operandTooMany({ limit: MAX_GRAPH_NODES }));
      stack.push({ node: operand, next: 0 });
    } else {
      order.push(top.node);
      stack.pop();
    }
  }
  return order;
}

// Checks a node's fields before they are used, so a wrong object gets a sentence, not a TypeError.
function readable(node: OperandNode, s: NotebookStrings): OperandNode {
  if (typeof node !== "object" || node === null) throw new OperandGraphError(s.operandNotNode({ kind: node === null ? "null" : typeof node }));
  if (typeof node.data !== "number") throw new OperandGraphError(s.operandDataNotNumber);
  if (!Array.isArray(node.operands) || !Array.isArray(node.localGrads)) throw new OperandGraphError(s.operandNoArrays);
  if (node.operands.length !== node.localGrads.length) throw new OperandGraphError(s.operandCountsDiffer({ operands: node.operands.length, localGrads: node.localGrads.length }));
  if (!node.localGrads.every((g) => typeof g === "number")) throw new OperandGraphError(s.operandGradsNotNumbers);
  return node;
}

/** The operation a node's numbers fit ("+", "*", "relu", "tanh", "exp", "^n"), or "" for a leaf or when nothing fits exactly. */
export function inferOp(node: OperandNode): string {
  const [a, b] = node.operands.map((operand) => operand.data);
  const [ga, gb] = node.localGrads;
  if (node.operands.length === 2) {
    if (ga === 1 && gb === 1 && node.data === a + b) return "+";
    if (ga === b && gb === a && node.data === a * b) return "*";
    return "";
  }
  if (node.operands.length !== 1) return "";
  if (node.data === Math.max(0, a) && ga === (a > 0 ? 1 : 0)) return "relu";
  if (node.data === Math.tanh(a) && ga === 1 - node.data * node.data) return "tanh";
  if (node.data === Math.exp(a) && ga === node.data) return "exp";
  const p = a !== 0 && node.data !== 0 ? Math.round((ga * a) / node.data) : NaN;
  if (Number.isFinite(p) && node.data === a ** p && ga === p * a ** (p - 1)) return `^${p}`;
  return "";
}
