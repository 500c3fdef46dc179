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
  /** The same chart drawn for a phone (src/notebook/phoneFigure.ts), shown instead when the output box is narrow. */
  phoneMarkup?: string;
  /** True when the phone copy keeps the wide width (a diagram) and scrolls sideways in its box. */
  phoneScrolls?: boolean;
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

/** Says that the kernel kept only part of what a cell printed: `shown` of `total` outputs. */
export interface TruncatedOutput {
  type: "truncated";
  shown: number;
  total: number;
}

import { isGraphOutput, type GraphOutput } from "./graphOutput";
export type { GraphOutput } from "./graphOutput";

/** Every kind of output a cell can produce. */
export type Output = TextOutput | ValueOutput | TableOutput | FigureOutput | ErrorOutput | CheckOutput | TruncatedOutput | GraphOutput;

/** Every `type` tag an output may carry. */
export const OUTPUT_TYPES = ["text", "value", "table", "figure", "error", "check", "truncated", "graph"] as const;

/** How much of a cell's output the kernel keeps and the page draws; the rest is counted, not kept. */
export const OUTPUT_LIMITS = {
  /** Outputs per run. */
  count: 200,
  /** Characters per run, summed over every output's text. */
  chars: 1_000_000,
  /** Rows times columns of one table. */
  tableCells: 10_000,
  /** Columns of one table. */
  tableColumns: 50,
} as const;

/** True when the output reports a failure. */
export function isErrorOutput(output: Output): output is ErrorOutput {
  return output.type === "error";
}

/** True when the output is a figure. */
export function isFigureOutput(output: Output): output is FigureOutput {
  return output.type === "figure";
}

const isCell = (value: unknown): boolean => value === null || ["string", "number", "boolean"].includes(typeof value);
const isCount = (value: unknown): boolean => Number.isInteger(value) && (value as number) >= 0;

/** True only for a well-formed Output, every field of the right type; guards messages that cross from the worker. */
export function isOutput(value: unknown): value is Output {
  if (typeof value !== "object" || value === null) return false;
  const output = value as Record<string, unknown>;
  switch (output.type) {
    case "text":
      return typeof output.text === "string";
    case "value":
      return typeof output.summary === "string";
    case "figure":
      return typeof output.markup === "string" && (output.phoneMarkup === undefined || typeof output.phoneMarkup === "string") && (output.phoneScrolls === undefined || output.phoneScrolls === true);
    case "error":
      return typeof output.name === "string" && typeof output.message === "string" && (output.line === undefined || isCount(output.line));
    case "check":
      return typeof output.passed === "boolean" && typeof output.message === "string";
    case "truncated":
      return isCount(output.shown) && isCount(output.total);
    case "graph":
      return isGraphOutput(output);
    case "table":
      return (
        Array.isArray(output.columns) &&
        output.columns.every((column) => typeof column === "string") &&
        Array.isArray(output.rows) &&
        output.rows.every((row) => Array.isArray(row) && row.every(isCell))
      );
    default:
      return false;
  }
}

/** The characters an output carries, which is what its drawing costs. */
export function outputSize(output: Output): number {
  switch (output.type) {
    case "text":
      return output.text.length;
    case "value":
      return output.summary.length;
    case "figure":
      return output.markup.length + (output.phoneMarkup?.length ?? 0);
    case "error":
    case "check":
      return output.message.length;
    case "truncated":
      return 0;
    case "graph":
      // About what its numbers and names cost to draw; the graph's own limits keep it small.
      return output.title.length + 40 * (output.graph.nodes.length + output.graph.edges.length);
    case "table":
      return output.columns.join("").length + output.rows.reduce((sum, row) => sum + row.reduce<number>((cells, cell) => cells + String(cell).length, 0), 0);
  }
}

/** A table cut to the cell limit: at most `tableColumns` columns and `tableCells` cells in all. */
export function capTable(columns: string[], rows: TableOutput["rows"]): TableOutput {
  const kept = columns.slice(0, OUTPUT_LIMITS.tableColumns);
  const rowLimit = Math.max(1, Math.floor(OUTPUT_LIMITS.tableCells / Math.max(1, kept.length)));
  return { type: "table", columns: kept, rows: rows.slice(0, rowLimit).map((row) => row.slice(0, kept.length)) };
}

/** A running record of a cell's outputs that keeps what fits the limits and counts the rest. */
export interface OutputRecorder {
  push(output: Output): void;
  /** What was kept, then a `truncated` line when anything was cut, then the run's verdicts and errors. */
  finish(closing?: readonly Output[]): Output[];
}

/** A recorder for one run; a million console.log calls cost the page what two hundred do. */
export function createOutputRecorder(): OutputRecorder {
  const kept: Output[] = [];
  let total = 0;
  let chars = 0;
  let cut = false;
  return {
    push(output) {
      total++;
      if (cut) return;
      const room = OUTPUT_LIMITS.chars - chars;
      let capped = output;
      if (output.type === "table") {
        capped = capTable(output.columns, output.rows);
        const shownCells = capped.rows.length * capped.columns.length;
        const allCells = output.rows.length * output.columns.length;
        if (shownCells < allCells) cut = true;
      }
      const size = outputSize(capped);
      if (kept.length >= OUTPUT_LIMITS.count || size > room) {
        if (capped.type === "text" && room > 0 && kept.length < OUTPUT_LIMITS.count) kept.push({ type: "text", text: capped.text.slice(0, room) });
        cut = true;
        return;
      }
      kept.push(capped);
      chars += size;
    },
    finish(closing = []) {
      const notice: Output[] = cut ? [{ type: "truncated", shown: kept.length, total }] : [];
      return [...kept, ...notice, ...closing.map(capClosing)];
    },
  };
}

/** Outputs within the limits, for a list that came from somewhere the limits may not have held. */
export function capOutputs(outputs: readonly Output[]): Output[] {
  const recorder = createOutputRecorder();
  const closing = outputs.filter((output) => output.type === "error" || output.type === "check");
  for (const output of outputs) if (output.type !== "error" && output.type !== "check" && output.type !== "truncated") recorder.push(output);
  const claimed = outputs.find((output): output is TruncatedOutput => output.type === "truncated");
  const capped = recorder.finish(closing.slice(0, 2));
  if (!claimed || capped.some((output) => output.type === "truncated")) return capped;
  const shown = capped.length - Math.min(2, closing.length);
  return [...capped.slice(0, shown), { type: "truncated", shown: Math.min(claimed.shown, shown), total: Math.max(claimed.total, shown) }, ...capped.slice(shown)];
}

// Errors and verdicts close a run and are always kept, but never long.
function capClosing(output: Output): Output {
  return (output.type === "error" || output.type === "check") && output.message.length > 2000 ? { ...output, message: output.message.slice(0, 2000) + "…" } : output;
}
