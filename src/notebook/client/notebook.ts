/**
 * The page's notebook: its cells in order, one kernel client, the execution counter, and the
 * toolbar's Run all / Interrupt / Restart / Reset all. Cells call in here; nothing calls out.
 */
import { createKernelClient, type KernelClient } from "../kernelClient";
import { createSandboxedWorker } from "./kernelSandbox";
import type { Output } from "../outputs";
import { readParams, watchParams } from "./paramStore";
import { clearEdits } from "./savedEdits";

/** What the notebook needs from a cell element. */
export interface NotebookCell {
  readonly index: number;
  readonly source: string;
  readonly check: string | undefined;
  readonly reactive: boolean;
  /** Param names the source reads; "*" for all. */
  readonly reads: string[];
  /** The kernel generation in which this cell last ran without error, or -1. */
  ranInGeneration: number;
  showBusy(): void;
  showResult(outputs: Output[], count: number | undefined): void;
  focusInput(): void;
  resetSource(): void;
}

const cells: NotebookCell[] = [];
let client: KernelClient | undefined;
let counter = 0;
let reactiveTimer: ReturnType<typeof setTimeout> | undefined;
const changedParams = new Set<string>();

/** The page's key for saved edits: its path, without the query that carries params. */
export const pageKey = location.pathname;

/** Adds a cell (in any order: they are kept sorted by index). */
export function addCell(cell: NotebookCell): void {
  cells.push(cell);
  cells.sort((a, b) => a.index - b.index);
}

function kernel(): KernelClient {
  // Created on the first run: the worker and its bundle (sucrase, Plot, …) are not fetched before.
  client ??= createKernelClient({ createWorker: createSandboxedWorker });
  return client;
}

/** Runs one cell and shows its outputs; resolves to whether it succeeded. */
export async function runCell(cell: NotebookCell): Promise<boolean> {
  const client = kernel();
  const before = client.generation;
  cell.showBusy();
  setStatus(`Running cell ${cell.index + 1}…`);
  const result = await client.run({ source: cell.source, params: readParams(), check: cell.check, label: `cell-${cell.index + 1}` });
  if (result.cancelled) {
    cell.showResult([], undefined);
    return false;
  }
  cell.showResult(result.outputs, ++counter);
  if (result.ok) cell.ranInGeneration = client.generation;
  setStatus(client.generation !== before ? "Kernel restarted: names defined by earlier cells are gone." : "Kernel idle.");
  return result.ok;
}

/** Runs a cell, then moves the focus to the next one (Shift+Enter). */
export async function runCellAndAdvance(cell: NotebookCell): Promise<void> {
  const next = cells[cells.indexOf(cell) + 1];
  next?.focusInput();
  await runCell(cell);
}

/** Runs every cell in order, stopping at the first that fails. */
export async function runAll(): Promise<void> {
  for (const cell of cells) if (!(await runCell(cell))) return;
}

/** Stops the running cell at once. */
export function interrupt(): void {
  client?.interrupt();
}

/** Starts over with an empty kernel. */
export function restart(): void {
  client?.restart();
  counter = 0;
  setStatus("Kernel restarted: names defined by earlier cells are gone.");
}

/** Restores every cell's original source and forgets the page's saved edits. */
export function resetAll(): void {
  clearEdits(pageKey);
  for (const cell of cells) cell.resetSource();
}

// A reactive cell needs the names earlier cells define; run those first if this kernel lacks them.
async function runReactive(cell: NotebookCell): Promise<void> {
  const generation = kernel().generation;
  for (const earlier of cells) {
    if (earlier === cell) break;
    if (earlier.ranInGeneration !== generation && !(await runCell(earlier))) return;
  }
  await runCell(cell);
}

watchParams((name) => {
  changedParams.add(name);
  clearTimeout(reactiveTimer);
  // Dragging a param fires many changes; re-run once it settles.
  reactiveTimer = setTimeout(async () => {
    const names = new Set(changedParams);
    changedParams.clear();
    for (const cell of cells) {
      if (cell.reactive && cell.reads.some((read) => read === "*" || names.has(read))) await runReactive(cell);
    }
  }, 200);
});

function setStatus(text: string): void {
  for (const status of document.querySelectorAll(".nb-kernel-status")) status.textContent = text;
}

class ToolbarElement extends HTMLElement {
  connectedCallback(): void {
    this.hidden = false;
    this.addEventListener("click", (event) => {
      const action = (event.target as HTMLElement).closest<HTMLElement>("[data-nb-action]")?.dataset.nbAction;
      if (action === "run-all") void runAll();
      else if (action === "interrupt") interrupt();
      else if (action === "restart") restart();
      else if (action === "reset-all") resetAll();
    });
  }
}

if (!customElements.get("nb-toolbar")) customElements.define("nb-toolbar", ToolbarElement);
