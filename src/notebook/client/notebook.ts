/**
 * The page's notebook: its cells in order, one kernel client, the execution counter, and the
 * toolbar's Run all / Interrupt / Restart / Reset all. Cells call in here; nothing calls out.
 */
import { createKernelClient, type KernelClient } from "../kernelClient";
import { createSandboxedWorker } from "./kernelSandbox";
import { loadDigitsForKernel } from "./digitsForKernel";
import type { Output } from "../outputs";
import { pagePath, readParams, watchParams } from "./paramStore";
import { clearEdits } from "./savedEdits";
import { describeRanFirst, explainMissingName, planRunFirst, type CellDependencyInfo } from "../dependencies";
import { pageLocale } from "../../i18n/locale";
import { pageNotebookStrings } from "../../i18n/notebookStrings";

/** What the notebook needs from a cell element. */
export interface NotebookCell {
  readonly index: number;
  readonly source: string;
  readonly check: string | undefined;
  readonly reactive: boolean;
  /** Param names the source reads; "*" for all. */
  readonly reads: string[];
  /** Top-level names the current source defines. */
  readonly defines: string[];
  /** Names the current source uses that other cells define. */
  readonly uses: string[];
  /** The kernel generation in which this cell last ran without error, or -1. */
  ranInGeneration: number;
  showBusy(): void;
  /** Shows a line in the output area while the cell runs, e.g. the digits' download progress. */
  showStatus(text: string): void;
  /** Shows a run's outputs; `count` is the execution count, `note` a line above the outputs. */
  showResult(outputs: Output[], count: number | undefined, note?: string): void;
  focusInput(): void;
  /** True when the source differs from the original. */
  readonly modified: boolean;
  /** Restores the original source, remembering the edit for one undo; returns whether there was an edit. */
  resetSource(): boolean;
  /** Brings back the edit the last reset discarded; returns whether there was one. */
  undoReset(): boolean;
}

const cells: NotebookCell[] = [];
let client: KernelClient | undefined;
let counter = 0;
let reactiveTimer: ReturnType<typeof setTimeout> | undefined;
const changedParams = new Set<string>();


/** Adds a cell (in any order: they are kept sorted by index). */
export function addCell(cell: NotebookCell): void {
  cells.push(cell);
  cells.sort((a, b) => a.index - b.index);
}

/** Every name some cell on the page defines; an edited cell's uses are read against these. */
export function knownNames(): Set<string> {
  return new Set(cells.flatMap((cell) => cell.defines));
}

function kernel(): KernelClient {
  // Created on the first run: the worker and its bundle (sucrase, Plot, …) are not fetched before.
  client ??= createKernelClient({ createWorker: createSandboxedWorker, loadDigits: loadDigitsForKernel, strings: pageNotebookStrings() });
  return client;
}

function dependencyInfo(cell: NotebookCell, generation: number): CellDependencyInfo {
  return { index: cell.index, defines: cell.defines, uses: cell.uses, ranInKernel: cell.ranInGeneration === generation };
}

/**
 * Runs one cell and shows its outputs; resolves to whether it succeeded. The earlier cells it
 * needs that have not run in this kernel run first, once each, and the cell says so.
 */
export async function runCell(cell: NotebookCell): Promise<boolean> {
  const generation = kernel().generation;
  const infos = cells.map((each) => dependencyInfo(each, generation));
  const first = planRunFirst(infos, dependencyInfo(cell, generation)).map((info) => cells.find((each) => each.index === info.index)!);
  if (first.length > 0) cell.showBusy();
  for (const earlier of first) {
    if (!(await runOne(earlier))) {
      const stopped = kernel().generation !== generation;
      const s = pageNotebookStrings();
      cell.showResult([], undefined, stopped ? s.nbStoppedBefore : s.nbNeededCellFailed({ cell: earlier.index + 1 }));
      return false;
    }
  }
  return runOne(cell, first.length > 0 ? describeRanFirst(first.map((each) => each.index + 1), pageNotebookStrings()) : undefined);
}

async function runOne(cell: NotebookCell, note?: string): Promise<boolean> {
  const client = kernel();
  const before = client.generation;
  const s = pageNotebookStrings();
  cell.showBusy();
  setStatus(s.nbStatusRunning({ cell: cell.index + 1 }));
  const result = await client.run(
    { source: cell.source, params: readParams(), check: cell.check, label: `cell-${cell.index + 1}`, locale: pageLocale() },
    { onStatus: (text) => cell.showStatus(text) },
  );
  if (result.cancelled) {
    cell.showResult([], undefined, s.nbStoppedBefore);
    return false;
  }
  cell.showResult(result.outputs.map((output) => explainReferenceError(output, cell, client.generation)), ++counter, note);
  if (result.ok) cell.ranInGeneration = client.generation;
  setStatus(client.generation !== before ? s.nbStatusRestarted : s.nbStatusIdle);
  return result.ok;
}

// "x is not defined" gets the cell that would define x, when the page has one.
function explainReferenceError(output: Output, cell: NotebookCell, generation: number): Output {
  if (output.type !== "error" || output.name !== "ReferenceError") return output;
  const name = /^(\S+) is not defined/.exec(output.message)?.[1];
  const s = pageNotebookStrings();
  const hint = name && explainMissingName(cells.map((each) => dependencyInfo(each, generation)), name, cell.index, s);
  return hint ? { ...output, message: s.nbReferenceHint({ message: output.message, hint }) } : output;
}

/** Runs a cell, then moves the focus to the next one (Shift+Enter). */
export async function runCellAndAdvance(cell: NotebookCell): Promise<void> {
  const next = cells[cells.indexOf(cell) + 1];
  next?.focusInput();
  await runCell(cell);
}

/** Runs every cell in order, stopping at the first that fails. */
export async function runAll(): Promise<void> {
  for (const cell of cells) if (!(await runOne(cell))) return;
}

/** Stops the running cell at once. */
export function interrupt(): void {
  client?.interrupt();
}

/** Starts over with an empty kernel. */
export function restart(): void {
  client?.restart();
  counter = 0;
  setStatus(pageNotebookStrings().nbStatusRestarted);
}

/** How many cells hold the reader's edits. */
export function countEditedCells(): number {
  return cells.filter((cell) => cell.modified).length;
}

/** Restores every cell's original source and forgets the page's saved edits; returns how many cells changed. */
export function resetAll(): number {
  let changed = 0;
  for (const cell of cells) if (cell.resetSource()) changed++;
  clearEdits(pagePath());
  return changed;
}

/** Brings back the edits the last Reset all discarded; returns how many cells got theirs back. */
export function undoResetAll(): number {
  let restored = 0;
  for (const cell of cells) if (cell.undoReset()) restored++;
  return restored;
}

let started = false;

/** Starts the notebook's reaction to param changes (once; each cell element calls it when it connects). */
export function startNotebook(): void {
  if (started) return;
  started = true;
  watchParams(rerunReactiveCells);
}

function rerunReactiveCells(name: string): void {
  changedParams.add(name);
  clearTimeout(reactiveTimer);
  // Dragging a param fires many changes; re-run once it settles.
  reactiveTimer = setTimeout(async () => {
    const names = new Set(changedParams);
    changedParams.clear();
    for (const cell of cells) {
      if (cell.reactive && cell.reads.some((read) => read === "*" || names.has(read))) await runCell(cell);
    }
  }, 200);
}

function setStatus(text: string): void {
  for (const status of document.querySelectorAll(".nb-kernel-status")) status.textContent = text;
}

class ToolbarElement extends HTMLElement {
  private undoCount = 0;

  connectedCallback(): void {
    this.hidden = false;
    this.addEventListener("click", (event) => {
      const action = (event.target as HTMLElement).closest<HTMLElement>("[data-nb-action]")?.dataset.nbAction;
      if (action === "run-all") void runAll();
      else if (action === "interrupt") interrupt();
      else if (action === "restart") restart();
      else if (action === "reset-all") this.askResetAll();
      else if (action === "reset-all-confirm") this.confirmResetAll();
      else if (action === "reset-all-cancel") this.showConfirm(false);
      else if (action === "undo-reset-all") this.undoResetAll();
    });
  }

  // Reset all discards every edit on the page, so it asks first and can be undone once.
  private askResetAll(): void {
    const edited = countEditedCells();
    if (edited === 0) {
      setStatus(pageNotebookStrings().nbStatusNothingToReset);
      return;
    }
    this.child("[data-nb-confirm-text]").textContent = pageNotebookStrings().nbResetAllQuestionCount({ edited });
    this.showConfirm(true);
  }

  private confirmResetAll(): void {
    this.showConfirm(false);
    this.undoCount = resetAll();
    this.child("[data-nb-action=undo-reset-all]").hidden = false;
    setStatus(pageNotebookStrings().nbStatusReset({ cells: this.undoCount }));
  }

  private undoResetAll(): void {
    const restored = undoResetAll();
    this.child("[data-nb-action=undo-reset-all]").hidden = true;
    setStatus(pageNotebookStrings().nbStatusRestored({ cells: restored }));
  }

  private showConfirm(open: boolean): void {
    this.child("[data-nb-confirm]").hidden = !open;
    this.child("[data-nb-action=reset-all]").hidden = open;
    if (open) this.child<HTMLButtonElement>("[data-nb-action=reset-all-cancel]").focus();
  }

  private child<T extends HTMLElement = HTMLElement>(selector: string): T {
    return this.querySelector<T>(selector)!;
  }
}

if (!customElements.get("nb-toolbar")) customElements.define("nb-toolbar", ToolbarElement);
