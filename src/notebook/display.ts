/** Turns whatever a cell passes to display() into an Output: computing, never drawing. */
import type { Output } from "./outputs";
import { looksLikeGraph, readGraphOutput } from "./graphOutput";
import { phoneCopyOf } from "./phoneFigure";
import { enNotebook } from "../i18n/notebook.en";
import type { NotebookStrings } from "../i18n/types";

const MAX_TABLE_ROWS = 500; // a table bigger than this is a mistake, not a figure
const MAX_ITEMS = 20; // inspector lines stay one glance long

/** The Output for a displayed value: text, figure, table or an inspector summary; `s` words why a graph cannot be drawn. */
export function describeValue(value: unknown, s: NotebookStrings = enNotebook): Output {
  if (typeof value === "string") return { type: "text", text: value };
  if (isMarkupElement(value)) return describeFigure(value);
  if (isRecordList(value)) return describeTable(value);
  if (looksLikeGraph(value)) return describeGraph(value, s);
  return { type: "value", summary: inspectValue(value) };
}

// A chart the cell's Plot drew keeps its phone copy; any other element is saved as it is.
function describeFigure(figure: { outerHTML: string }): Output {
  const markup = dropMarkLabels(figure).outerHTML;
  const phone = phoneCopyOf(figure);
  if (!phone || !isMarkupElement(phone.figure)) return { type: "figure", markup };
  const phoneMarkup = dropMarkLabels(phone.figure).outerHTML;
  return phone.scrolls ? { type: "figure", markup, phoneMarkup, phoneScrolls: true } : { type: "figure", markup, phoneMarkup };
}

/** Raised by display() for a graph it cannot draw, with the reason. */
export class GraphDisplayError extends Error {
  override name = "GraphDisplayError";
}

function describeGraph(value: unknown, s: NotebookStrings): Output {
  const output = readGraphOutput(value, s);
  if (typeof output === "string") throw new GraphDisplayError(s.graphCannotDraw({ why: output }));
  return output;
}

/** A one-line, depth-limited rendering of any value, e.g. `Value { data: 2, grad: 0 }`. */
export function inspectValue(value: unknown, depth = 2): string {
  if (value === null || value === undefined) return String(value);
  if (typeof value === "number") return Object.is(value, -0) ? "-0" : String(value);
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "bigint") return `${value}n`;
  if (typeof value === "boolean" || typeof value === "symbol") return String(value);
  if (typeof value === "function") return `ƒ ${value.name || "anonymous"}()`;
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    const items = Array.from(value as unknown as ArrayLike<number>);
    return `${value.constructor.name}(${items.length}) ${listItems(items, depth)}`;
  }
  if (Array.isArray(value)) return `Array(${value.length}) ${listItems(value, depth)}`;
  if (value instanceof Map) return `Map(${value.size})`;
  if (value instanceof Set) return `Set(${value.size})`;
  const object = value as Record<string, unknown>;
  const name = object.constructor && object.constructor !== Object ? `${object.constructor.name} ` : "";
  if (depth <= 0) return `${name}{…}`;
  const keys = Object.keys(object).filter((key) => !isBulky(object[key]));
  const shown = keys.slice(0, MAX_ITEMS).map((key) => `${key}: ${inspectValue(object[key], depth - 1)}`);
  if (keys.length > MAX_ITEMS) shown.push("…");
  return `${name}{ ${shown.join(", ")} }`.replace("{  }", "{}");
}

function listItems(items: readonly unknown[], depth: number): string {
  if (depth <= 0) return "[…]";
  const shown = items.slice(0, MAX_ITEMS).map((item) => inspectValue(item, depth - 1));
  if (items.length > MAX_ITEMS) shown.push("…");
  return `[${shown.join(", ")}]`;
}

// A Value's parents and closures would flood the line; show the numbers a reader is after.
function isBulky(field: unknown): boolean {
  return typeof field === "function" || (Array.isArray(field) && field.some((item) => typeof item === "object" && item !== null));
}

// Plot labels each mark's <g> ("dot", "x-axis tick"); ARIA forbids aria-label on a plain group,
// and a screen reader gains nothing from it, so figures lose those labels before they are saved.
function dropMarkLabels<T extends { outerHTML: string }>(element: T): T {
  const groups = (element as unknown as { querySelectorAll?(selector: string): Iterable<{ removeAttribute(name: string): void }> }).querySelectorAll?.("g[aria-label]");
  for (const group of groups ?? []) group.removeAttribute("aria-label");
  return element;
}

function isMarkupElement(value: unknown): value is { outerHTML: string } {
  return typeof value === "object" && value !== null && typeof (value as { outerHTML?: unknown }).outerHTML === "string" && "nodeType" in value;
}

type Cell = string | number | boolean | null;

function isRecordList(value: unknown): value is Record<string, unknown>[] {
  return (
    Array.isArray(value) &&
    value.length > 0 &&
    value.every((row) => typeof row === "object" && row !== null && Object.getPrototypeOf(row) === Object.prototype)
  );
}

function describeTable(records: Record<string, unknown>[]): Output {
  const columns = [...new Set(records.flatMap((record) => Object.keys(record)))];
  const rows = records.slice(0, MAX_TABLE_ROWS).map((record) => columns.map((column) => toCell(record[column])));
  return { type: "table", columns, rows };
}

function toCell(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  return inspectValue(value, 1);
}
