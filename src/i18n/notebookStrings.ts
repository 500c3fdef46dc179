/**
 * The notebook's words for the page it runs in. Cells, params and the widget loader start on every
 * page, so they import only this part of the tables, and only the page's own edition of it: a
 * Chinese page never fetches the English table, nor an English page the Chinese one. A widget's
 * runtime, loaded on a touch, reads the whole table through strings.ts.
 */
import { pageLocale } from "./locale";
import type { NotebookStrings } from "./types";

export type { NotebookStrings } from "./types";

// Awaited once, when the first script that needs the words is loaded; every later call is synchronous.
const pageTable: NotebookStrings = pageLocale() === "zh-CN" ? (await import("./notebook.zh")).zhNotebook : (await import("./notebook.en")).enNotebook;

/** The notebook's strings for the page this script runs in (English where there is no page). */
export function pageNotebookStrings(): NotebookStrings {
  return pageTable;
}
