/**
 * A layered layout of a traced graph: the output one column right of its deepest operand, every
 * other node just left of the first node that uses it, and rows ordered by the
 * average row of a node's operands so arrows cross as little as a single pass can manage.
 */
import type { TracedGraph } from "../../src/engine/index.ts";

/** Where a node sits: `column` counts layers from the inputs, `row` is centred on 0 within its column. */
export interface PlacedNode {
  id: number;
  column: number;
  row: number;
}

/** The placed nodes and the grid they fill. */
export interface GraphLayout {
  nodes: PlacedNode[];
  columns: number;
  /** The most nodes in any column. */
  rows: number;
}

/** True for a constant leaf such as the 1 in v + 1: labelled with its own number by the engine. */
export function isConstantNode(graph: TracedGraph, id: number): boolean {
  const node = graph.nodes[id];
  return node.op === "" && node.label === String(node.data);
}

/** Lays out `graph` in columns by depth; pure, so the build and the browser draw the same picture. */
export function layoutGraph(graph: TracedGraph): GraphLayout {
  const count = graph.nodes.length;
  const operands: number[][] = graph.nodes.map(() => []);
  const users: number[][] = graph.nodes.map(() => []);
  for (const edge of graph.edges) {
    operands[edge.to].push(edge.from);
    users[edge.from].push(edge.to);
  }
  const column = new Array<number>(count).fill(0);
  // Ids are a topological order, so every operand's column is known before its user's.
  for (let id = 0; id < count; id++) {
    const inner = operands[id].filter((from) => operands[from].length > 0).map((from) => column[from]);
    if (operands[id].length > 0) column[id] = 1 + Math.max(0, ...inner);
  }
  // Then, from the output back, every node moves right until it stands just left of its first user:
  // an input or a side branch sits beside the node that uses it instead of far away at the left,
  // where its long arrow would run behind other nodes.
  for (let id = count - 1; id >= 0; id--) {
    if (users[id].length > 0) column[id] = Math.min(...users[id].map((to) => column[to])) - 1;
  }
  const columns = Math.max(...column) + 1;
  const row = new Array<number>(count).fill(0);
  let rows = 1;
  for (let c = 0; c < columns; c++) {
    const members = graph.nodes.map((node) => node.id).filter((id) => column[id] === c);
    // Operations follow the average row of their operands; leaves follow the first node that uses them,
    // after the operations, so a constant sits below the values it is combined with.
    const key = (id: number) => (operands[id].length > 0 ? average(operands[id].map((from) => row[from])) : count + Math.min(count, ...users[id]));
    members.sort((a, b) => key(a) - key(b) || a - b);
    members.forEach((id, index) => (row[id] = index - (members.length - 1) / 2));
    rows = Math.max(rows, members.length);
  }
  return { nodes: graph.nodes.map((node) => ({ id: node.id, column: column[node.id], row: row[node.id] })), columns, rows };
}

function average(values: number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}
