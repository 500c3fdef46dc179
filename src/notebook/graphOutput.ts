/**
 * The graph output: a reader's computation graph as plain data, for the page to draw as a live
 * stepper. Reader code is hostile (issue #14), so a graph is copied field by field into a fresh
 * object and held to an allow-list: whole ids in range, finite numbers, identifier labels, known
 * operation symbols, a short plain title and bounded sizes. Nothing in it is ever read as markup.
 */
import type { GraphNode, TracedGraph } from "../engine/graph";
import { enNotebook } from "../i18n/notebook.en";
import type { NotebookStrings } from "../i18n/types";

/** A graph from display(traceOperandGraph(…)): the chain rule's replay, and the grads the reader's backward left. */
export interface GraphOutput {
  type: "graph";
  title: string;
  graph: TracedGraph;
  /** The reader's own grad on each node, null where it had none or it was not finite (NaN, ±Infinity). */
  ownGrads: (number | null)[];
}

/** How big a graph output may be. */
export const GRAPH_LIMITS = { nodes: 60, edges: 120, label: 16, title: 80 } as const;

const OPS = new Set(["", "+", "-", "*", "/", "neg", "sigmoid", "tanh", "exp", "log", "relu"]);
const LABEL = /^[A-Za-z_][A-Za-z0-9_]*$/;
const POWER = /^\^-?\d{1,3}(\.\d{1,3})?$/;

/** True for an operation symbol the stepper knows how to explain. */
export function isKnownOp(op: string): boolean {
  return OPS.has(op) || POWER.test(op);
}

/** True for an object shaped like a traced graph, which display() then draws or refuses with a reason. */
export function looksLikeGraph(value: unknown): boolean {
  if (typeof value !== "object" || value === null) return false;
  const graph = value as Record<string, unknown>;
  return Array.isArray(graph.nodes) && Array.isArray(graph.edges) && Array.isArray(graph.steps);
}

/** A fresh graph output copied from a cell's value, or the reason it cannot be drawn, in the page's words `s`. */
export function readGraphOutput(value: unknown, s: NotebookStrings = enNotebook): GraphOutput | string {
  try {
    const source = value as Record<string, unknown>;
    const graph = source.graph !== undefined ? (source.graph as Record<string, unknown>) : source;
    const nodes = list(graph.nodes, "nodes", GRAPH_LIMITS.nodes, s).map((node: Record<string, unknown>) => ({
      id: node.id, label: node.label, op: node.op, data: node.data, grad: node.grad,
    }));
    const edges = list(graph.edges, "edges", GRAPH_LIMITS.edges, s).map((edge: Record<string, unknown>) => ({ from: edge.from, to: edge.to }));
    const backwardOrder = list(graph.backwardOrder ?? nodes.map((_, i) => nodes.length - 1 - i), "backwardOrder", GRAPH_LIMITS.nodes, s);
    const steps = list(graph.steps, "steps", GRAPH_LIMITS.nodes, s).map((step: Record<string, unknown>) => ({
      node: step.node,
      grad: step.grad,
      edges: list(step.edges, s.graphStepEdges, GRAPH_LIMITS.edges, s).map((edge: Record<string, unknown>) => ({
        from: edge.from, to: edge.to, localDerivative: edge.localDerivative, contribution: edge.contribution, gradAfter: edge.gradAfter,
      })),
    }));
    const own = list(source.ownGrads ?? nodes.map(() => null), "ownGrads", GRAPH_LIMITS.nodes, s).map((grad: unknown) => (typeof grad === "number" && !Number.isFinite(grad) ? null : grad));
    const output = { type: "graph", title: source.title ?? s.graphDefaultTitle, graph: { nodes, edges, backwardOrder, steps }, ownGrads: own };
    const problem = findGraphProblem(output, s);
    // findGraphProblem has just checked every field of the copy.
    return problem ?? (output as unknown as GraphOutput);
  } catch (error) {
    return error instanceof Error ? error.message : s.graphNotAGraph;
  }
}

// A copy of an array field, refused when it is too long to draw; items are read, never kept.
function list(value: unknown, field: string, limit: number, s: NotebookStrings): Record<string, unknown>[] {
  if (!Array.isArray(value)) throw new Error(s.graphNotAnArray({ field }));
  if (value.length > limit) throw new Error(s.graphTooMany({ count: value.length, field, limit }));
  return Array.from(value as Record<string, unknown>[]);
}

/** True only for a well-formed graph output with no field beyond the allowed ones; guards messages from the worker. */
export function isGraphOutput(value: Record<string, unknown>): boolean {
  return findGraphProblem(value) === undefined;
}

/** What is wrong with a graph output, in the words `s`, or undefined when it may be drawn. */
export function findGraphProblem(value: Record<string, unknown>, s: NotebookStrings = enNotebook): string | undefined {
  if (!hasKeys(value, ["type", "title", "graph", "ownGrads"])) return s.graphExtraFields;
  if (typeof value.title !== "string" || value.title.length > GRAPH_LIMITS.title || /[\u0000-\u001f\u007f<>&]/.test(value.title)) {
    return s.graphBadTitle({ limit: GRAPH_LIMITS.title });
  }
  const graph = value.graph as Record<string, unknown>;
  if (typeof graph !== "object" || graph === null || !hasKeys(graph, ["nodes", "edges", "backwardOrder", "steps"])) return s.graphNotTraced;
  const { nodes, edges, backwardOrder, steps } = graph as { nodes: unknown; edges: unknown; backwardOrder: unknown; steps: unknown };
  if (!Array.isArray(nodes) || nodes.length === 0 || nodes.length > GRAPH_LIMITS.nodes) return s.graphNodeCount({ limit: GRAPH_LIMITS.nodes });
  const n = nodes.length;
  const isId = (id: unknown): id is number => Number.isInteger(id) && (id as number) >= 0 && (id as number) < n;
  for (const [i, node] of nodes.entries()) {
    const problem = nodeProblem(node, i, s);
    if (problem) return problem;
  }
  if (!Array.isArray(edges) || edges.length > GRAPH_LIMITS.edges) return s.graphEdgeCount({ limit: GRAPH_LIMITS.edges });
  for (const edge of edges) {
    if (!isRecord(edge) || !hasKeys(edge, ["from", "to"]) || !isId(edge.from) || !isId(edge.to) || edge.from >= edge.to) return s.graphEdgeOrder;
  }
  if (!Array.isArray(backwardOrder) || backwardOrder.length !== n || !backwardOrder.every(isId) || new Set(backwardOrder).size !== n) return s.graphBackwardOrder;
  if (!Array.isArray(steps) || steps.length > n) return s.graphTooManySteps;
  let arrows = 0;
  for (const step of steps) {
    if (!isRecord(step) || !hasKeys(step, ["node", "grad", "edges"]) || !isId(step.node) || !isFiniteNumber(step.grad) || !Array.isArray(step.edges)) return s.graphBadStep;
    for (const edge of step.edges) {
      arrows++;
      if (!isRecord(edge) || !hasKeys(edge, ["from", "to", "localDerivative", "contribution", "gradAfter"])) return s.graphArrowFields;
      if (edge.to !== step.node || !isId(edge.from) || !edges.some((e: { from: number; to: number }) => e.from === edge.from && e.to === edge.to)) return s.graphArrowNotEdge;
      if (![edge.localDerivative, edge.contribution, edge.gradAfter].every(isFiniteNumber)) return s.graphArrowNotFinite({ from: nodeName(nodes, edge.from as number), to: nodeName(nodes, step.node) });
    }
  }
  if (arrows > GRAPH_LIMITS.edges) return s.graphTooManyArrows({ limit: GRAPH_LIMITS.edges });
  const own = value.ownGrads;
  if (!Array.isArray(own) || own.length !== n || !own.every((grad) => grad === null || isFiniteNumber(grad))) return s.graphOwnGrads;
  return undefined;
}

function nodeProblem(node: unknown, i: number, s: NotebookStrings): string | undefined {
  if (!isRecord(node) || !hasKeys(node, ["id", "label", "op", "data", "grad"]) || node.id !== i) return s.graphBadNode({ i });
  const { label, op } = node as Partial<GraphNode>;
  if (typeof label !== "string" || label.length > GRAPH_LIMITS.label || (label !== "" && !LABEL.test(label))) {
    return s.graphBadLabel({ i, limit: GRAPH_LIMITS.label });
  }
  if (typeof op !== "string" || !isKnownOp(op)) return s.graphBadOp({ i });
  if (!isFiniteNumber(node.data) || !isFiniteNumber(node.grad)) return s.graphNotFinite({ node: label || String(i), data: String(node.data), grad: String(node.grad) });
  return undefined;
}

function nodeName(nodes: unknown[], id: number): string {
  const label = (nodes[id] as { label?: unknown }).label;
  return typeof label === "string" && label !== "" ? label : `#${id}`;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
const isFiniteNumber = (value: unknown): value is number => typeof value === "number" && Number.isFinite(value);

// Exactly these own keys, so nothing extra rides along into the page.
function hasKeys(value: object, keys: readonly string[]): boolean {
  const own = Object.keys(value);
  return own.length === keys.length && keys.every((key) => Object.hasOwn(value, key));
}

