/**
 * A graph handed to the stepper ready-made rather than built from a named expression: chapter 6's
 * gate graph (traced at build time by the engine's traceOperandGraph) or a reader's graph from a cell.
 */
import type { TracedGraph } from "../../src/engine/index.ts";

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
