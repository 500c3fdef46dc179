/**
 * Puts a page's cell outputs into its Markdown tree: each cell becomes a `<Cell>` element carrying its
 * source and rendered outputs, so the page reads completely without JavaScript.
 */
import type { Parent, RootContent } from "mdast";
import type { Output } from "./outputs";
import type { CellSource } from "./runCells";
import type { JsxElement } from "./mdxJsx";
import { renderOutputs } from "./render";
import { findParamReads } from "./transpile";
import { hashSource } from "./hashSource";
import { findCellNames } from "./cellNames";
import { en } from "../i18n/en";
import type { Strings } from "../i18n/types";

/** A cell found in the page: what the kernel runs, its options, and where it sits in the tree. */
export interface PageCell extends CellSource {
  reactive: boolean;
  /** The line of its fence in the page, for error messages. */
  line: number;
  parent: Parent;
  node: RootContent;
}

/** Replaces each of `cells` in its tree by a `<Cell>` element with `outputs[i]`, the outputs of cell i. */
export function applyOutputs(cells: readonly PageCell[], outputs: readonly Output[][], s: Strings = en): void {
  const names = cells.map((cell) => findCellNames(cell.source));
  for (const [index, cell] of cells.entries()) {
    // Only names another cell defines matter to the page; globals and locals are left out.
    const definedElsewhere = new Set(names.flatMap((other, at) => (at === index ? [] : other.defines)));
    const uses = names[index].uses.filter((name) => definedElsewhere.has(name));
    // A graded cell starts neutral: the starter's verdict would show a failure and give a hint away.
    const shown = cell.check ? outputs[index].filter((output) => output.type !== "check") : outputs[index];
    const values: Record<string, string> = {
      source: cell.source,
      outputs: renderOutputs(shown, s),
      index: String(index),
      hash: hashSource(cell.source),
      reads: findParamReads(cell.source).join(","),
      defines: names[index].defines.join(","),
      uses: uses.join(","),
    };
    if (cell.reactive) values.reactive = "true";
    if (cell.check) values.check = cell.check;
    const attributes = Object.entries(values).map(([name, value]) => ({ type: "mdxJsxAttribute" as const, name, value }));
    const replacement: JsxElement = { type: "mdxJsxFlowElement", name: "Cell", attributes, children: [], position: cell.node.position };
    cell.parent.children.splice(cell.parent.children.indexOf(cell.node), 1, replacement as unknown as RootContent);
  }
}
