/**
 * The notebook's words for the page it runs in. Cells, params and the widget loader start on every
 * page, so they import only this part of the tables; a widget's runtime, loaded on a touch, reads the
 * whole table through strings.ts.
 */
import { enNotebook } from "./notebook.en";
import { zhNotebook } from "./notebook.zh";
import { pageLocale } from "./locale";
import type { NotebookStrings } from "./types";

export type { NotebookStrings } from "./types";

/** The notebook's strings for the page this script runs in (English where there is no page). */
export function pageNotebookStrings(): NotebookStrings {
  return pageLocale() === "zh-CN" ? zhNotebook : enNotebook;
}
