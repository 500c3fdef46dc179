/**
 * What a cell produces, as data. Like a Jupyter MIME bundle, each output says what kind it is,
 * so the same list can be saved into the HTML at build time or sent from the kernel worker,
 * and one renderer (render.ts) draws every kind.
 */

/** Printed text: console.log, or display() of a string or number. */
export interface TextOutput {
  type: "text";
  text: string;
}

/** A structured value shown as an inspector line, e.g. display({ loss: 0.3 }). */
export interface ValueOutput {
  type: "value";
  /** The value formatted for reading, e.g. `Value(data=2, grad=0)`. */
  summary: string;
}

/** Rows of records, from display() of an array of plain objects. */
export interface TableOutput {
  type: "table";
  columns: string[];
  rows: (string | number | boolean | null)[][];
}

/** A figure as SVG or HTML markup, from display() of an Observable Plot chart. */
export interface FigureOutput {
  type: "figure";
  markup: string;
}

/** Why a cell stopped, and where in the reader's code. */
export interface ErrorOutput {
  type: "error";
  name: string;
  message: string;
  /** 1-based line in the cell's own source, when known. */
  line?: number;
}

/** The verdict of an exercise checker on what the reader's code defines. */
export interface CheckOutput {
  type: "check";
  passed: boolean;
  message: string;
}

/** Every kind of output a cell can produce. */
export type Output = TextOutput | ValueOutput | TableOutput | FigureOutput | ErrorOutput | CheckOutput;

/** Every `type` tag an output may carry. */
export const OUTPUT_TYPES = ["text", "value", "table", "figure", "error", "check"] as const;

/** True when the output reports a failure. */
export function isErrorOutput(output: Output): output is ErrorOutput {
  return output.type === "error";
}

/** True when the output is a figure. */
export function isFigureOutput(output: Output): output is FigureOutput {
  return output.type === "figure";
}

/** True for anything shaped like an Output; guards messages that cross from the worker. */
export function isOutput(value: unknown): value is Output {
  if (typeof value !== "object" || value === null) return false;
  const type = (value as { type?: unknown }).type;
  return typeof type === "string" && (OUTPUT_TYPES as readonly string[]).includes(type);
}
