/** The engine's only entry point: widgets, chapters and readers' cells import from here. */
export { Value, toValue, sortTopologically } from "./value";
export type { Operand } from "./value";
export { traceGraph, countLocalDerivatives } from "./graph";
export type { GraphNode, GraphEdge, BackwardStep, BackwardEdgeStep, TracedGraph, DerivativeCounts } from "./graph";
