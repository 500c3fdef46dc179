/**
 * Draws outputs as HTML strings: the one renderer used by the build (saved outputs) and by the
 * browser (fresh outputs), so a cell looks the same before and after it is re-run.
 */
import type { GraphOutput, Output } from "./outputs";
import { enNotebook } from "../i18n/notebook.en";
import type { NotebookStrings } from "../i18n/types";

/** Escapes text for HTML element content and double-quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

/** One output as HTML; figure markup is passed through as is (the page cleans it with figurePolicy.ts first). */
export function renderOutput(output: Output, s: NotebookStrings = enNotebook): string {
  switch (output.type) {
    case "text":
      return `<pre class="nb-out nb-out-text">${escapeHtml(output.text)}</pre>`;
    case "value":
      return `<pre class="nb-out nb-out-value">${escapeHtml(output.summary)}</pre>`;
    case "table":
      return renderTable(output.columns, output.rows);
    case "figure":
      if (output.phoneMarkup === undefined) return `<div class="nb-out nb-out-figure">${output.markup}</div>`;
      return `<div class="nb-out nb-out-figure nb-out-sized"><div class="nb-figure-wide">${output.markup}</div><div class="nb-figure-phone">${output.phoneScrolls ? renderScrolling(output.phoneMarkup, s) : output.phoneMarkup}</div></div>`;
    case "error": {
      const where = Number.isInteger(output.line) ? ` <span class="nb-error-line">${escapeHtml(s.nbErrorLine({ line: String(output.line) }))}</span>` : "";
      return `<pre class="nb-out nb-out-error" role="alert"><strong>${escapeHtml(output.name)}</strong>${escapeHtml(s.nbLabelSeparator)}${escapeHtml(output.message)}${where}</pre>`;
    }
    case "check": {
      const verdict = output.passed ? s.nbCorrect : s.nbNotYet;
      const kind = output.passed ? "nb-check-pass" : "nb-check-fail";
      return `<p class="nb-out nb-out-check ${kind}" role="status"><strong>${verdict}</strong>${escapeHtml(s.nbLabelSeparator)}${escapeHtml(output.message)}</p>`;
    }
    case "graph":
      return renderGraphTable(output, s);
    case "truncated":
      return `<p class="nb-out nb-out-truncated" role="status">${escapeHtml(s.nbTruncated({ shown: String(output.shown), total: String(output.total) }))}</p>`;
  }
}

/** A diagram's phone copy in a box that scrolls sideways: reachable by keyboard, named, and said in words under it. */
export function renderScrolling(markup: string, s: NotebookStrings = enNotebook): string {
  const hint = escapeHtml(s.nbFigureScroll);
  return `<div class="nb-figure-scroll edge-shadows" tabindex="0" role="region" aria-label="${hint}">${markup}</div><p class="nb-figure-hint">${hint}</p>`;
}

/**
 * The order a cell's outputs are drawn in: the checker's verdict first, where nothing a cell prints
 * can come before it, then everything else as it was produced.
 */
export function orderForDisplay(outputs: readonly Output[]): Output[] {
  return [...outputs.filter((output) => output.type === "check"), ...outputs.filter((output) => output.type !== "check")];
}

/** A cell's whole output area: the verdict, then each output in order. */
export function renderOutputs(outputs: readonly Output[], s: NotebookStrings = enNotebook): string {
  return orderForDisplay(outputs).map((output) => renderOutput(output, s)).join("");
}

/** A graph as a table of its nodes: the saved, static form of the stepper a fresh run draws. */
export function renderGraphTable(output: GraphOutput, s: NotebookStrings = enNotebook): string {
  const rows = output.graph.nodes.map((node, id) => [node.label, node.op, node.data, node.grad, output.ownGrads[id]]);
  const table = renderTable([s.nbGraphNode, s.nbGraphOperation, s.nbGraphValue, s.nbGraphChainGradient, s.nbGraphYourGradient], rows);
  return `<div class="nb-out nb-out-graph"><p class="nb-graph-title">${escapeHtml(s.nbGraphTitle({ title: output.title }))}</p>${table}</div>`;
}

function renderTable(columns: string[], rows: (string | number | boolean | null)[][]): string {
  const head = columns.map((column) => `<th scope="col">${escapeHtml(column)}</th>`).join("");
  const body = rows
    .map((row) => `<tr>${row.map((cell) => `<td${typeof cell === "number" ? ' class="nb-num"' : ""}>${escapeHtml(formatCell(cell))}</td>`).join("")}</tr>`)
    .join("");
  return `<div class="nb-out nb-out-table"><table class="edge-shadows"><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></div>`;
}

function formatCell(cell: string | number | boolean | null): string {
  if (cell === null) return "";
  if (typeof cell === "number" && !Number.isInteger(cell)) return String(Number(cell.toPrecision(6)));
  return String(cell);
}
