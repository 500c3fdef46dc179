/**
 * <nb-cell>: a saved cell that becomes live. Clicking (or Enter on) its source loads the editor;
 * Shift+Enter runs and moves on, Ctrl/Cmd+Enter runs in place; edits are saved as they are typed.
 * Its saved output says it came from the book until the cell runs here; while it runs, its own
 * Stop button interrupts it; Reset to original can be undone once.
 */
import type { EditorView } from "@codemirror/view";
import type { Output } from "../outputs";
import { drawOutputs } from "./sanitize";
import { readEdit, saveEdit } from "./savedEdits";
import { addCell, interrupt, knownNames, runCell, runCellAndAdvance, startNotebook, type NotebookCell } from "./notebook";
import { pagePath } from "./paramStore";
import { scanEditedNames } from "../dependencies";
import { pageNotebookStrings } from "../../i18n/notebookStrings";

class CellElement extends HTMLElement implements NotebookCell {
  index = 0;
  check: string | undefined;
  reactive = false;
  reads: string[] = [];
  ranInGeneration = -1;
  private builtDefines: string[] = [];
  private builtUses: string[] = [];
  private undoSource: string | undefined;
  private original = "";
  private current = "";
  private hash = "";
  private editor: EditorView | undefined;
  private opening: Promise<void> | undefined;
  private staticInput: Node[] = [];

  connectedCallback(): void {
    if (this.original) return;
    this.index = Number(this.dataset.index);
    this.original = this.dataset.source ?? "";
    this.hash = this.dataset.hash ?? "";
    this.check = this.dataset.check || undefined;
    this.reactive = this.dataset.reactive === "true";
    this.reads = (this.dataset.reads ?? "").split(",").filter(Boolean);
    this.builtDefines = (this.dataset.defines ?? "").split(",").filter(Boolean);
    this.builtUses = (this.dataset.uses ?? "").split(",").filter(Boolean);
    this.current = this.original;
    const input = this.input();
    this.staticInput = [...input.childNodes];
    // The code stays what assistive technology reads; a button role or a label would hide it.
    input.tabIndex = 0;
    input.title = pageNotebookStrings().nbEditTitle;
    this.querySelector<HTMLElement>(".nb-controls")!.hidden = false;

    const { source: saved, notice } = readEdit(pagePath(), this.index, this.hash);
    if (notice) this.showEditNotice(notice);
    if (saved !== undefined) {
      this.current = saved;
      this.showPlainSource(saved);
      this.markModified();
      this.output().classList.add("nb-output-stale");
    }

    input.addEventListener("click", () => void this.openEditor());
    input.addEventListener("keydown", (event) => {
      if (this.editor) return;
      if (event.key === "Enter" && !event.shiftKey && !event.ctrlKey && !event.metaKey) {
        event.preventDefault();
        void this.openEditor();
      }
    });
    this.addEventListener("keydown", (event) => {
      if (this.editor || event.key !== "Enter") return; // the editor has its own keymap
      if (event.shiftKey) {
        event.preventDefault();
        void runCellAndAdvance(this);
      } else if (event.ctrlKey || event.metaKey) {
        event.preventDefault();
        void runCell(this);
      }
    });
    this.addEventListener("click", (event) => {
      const action = (event.target as HTMLElement).closest<HTMLElement>("[data-nb-action]")?.dataset.nbAction;
      if (action === "run") void runCell(this);
      else if (action === "interrupt") interrupt();
      else if (action === "reset") this.resetSource();
      else if (action === "undo-reset") this.undoReset();
    });
    addCell(this);
    startNotebook();
  }

  get source(): string {
    return this.current;
  }

  get modified(): boolean {
    return this.current !== this.original;
  }

  // The build read the original; an edit is read again, quickly, against the names the page defines.
  get defines(): string[] {
    if (!this.modified) return this.builtDefines;
    return [...new Set([...this.builtDefines, ...scanEditedNames(this.current, new Set()).defines])];
  }

  get uses(): string[] {
    return this.modified ? scanEditedNames(this.current, knownNames()).uses : this.builtUses;
  }

  showBusy(): void {
    this.prompt().textContent = "[*]";
    this.prompt().title = pageNotebookStrings().nbPromptRunning;
    this.setAttribute("aria-busy", "true");
    this.child("[data-nb-action=interrupt]").hidden = false;
  }

  showStatus(text: string): void {
    const output = this.output();
    let line = output.querySelector<HTMLElement>(":scope > .nb-run-status");
    if (!line) {
      line = document.createElement("p");
      line.className = "nb-run-status";
      line.setAttribute("role", "status");
      output.classList.remove("nb-output-stale");
      output.removeAttribute("data-saved");
      output.replaceChildren(line);
    }
    line.textContent = text;
  }

  showResult(outputs: Output[], count: number | undefined, note?: string): void {
    this.prompt().textContent = count === undefined ? "[ ]" : `[${count}]`;
    this.prompt().title = count === undefined ? pageNotebookStrings().nbPromptNotRun : pageNotebookStrings().nbPromptRunNumber({ count });
    this.removeAttribute("aria-busy");
    this.child("[data-nb-action=interrupt]").hidden = true;
    const output = this.output();
    output.classList.remove("nb-output-stale");
    output.removeAttribute("data-saved");
    const rendered = drawOutputs(outputs);
    if (note === undefined) {
      output.replaceChildren(rendered);
    } else {
      const line = document.createElement("p");
      line.className = "nb-run-note";
      line.textContent = note;
      output.replaceChildren(line, rendered);
    }
  }

  focusInput(): void {
    if (this.editor) this.editor.focus();
    else this.input().focus();
    this.scrollIntoView({ block: "nearest" });
  }

  resetSource(): boolean {
    if (!this.modified) return false;
    const edit = this.current;
    this.showSource(this.original);
    this.undoSource = edit;
    this.child("[data-nb-action=undo-reset]").hidden = false;
    return true;
  }

  undoReset(): boolean {
    const edit = this.undoSource;
    if (edit === undefined) return false;
    this.showSource(edit);
    return true;
  }

  // Puts a source in the editor (or the static view), saves it and updates the badge and buttons.
  private showSource(source: string): void {
    this.current = source;
    this.undoSource = undefined;
    this.showEditNotice(saveEdit(pagePath(), this.index, this.hash, source, this.original) ? "" : pageNotebookStrings().nbUnsaved);
    if (this.editor) {
      this.editor.dispatch({ changes: { from: 0, to: this.editor.state.doc.length, insert: source } });
    } else if (source === this.original) {
      this.input().replaceChildren(...this.staticInput);
    } else {
      this.showPlainSource(source);
    }
    this.child(".nb-badge-modified").hidden = !this.modified;
    this.child("[data-nb-action=reset]").hidden = !this.modified;
    this.child("[data-nb-action=undo-reset]").hidden = true;
  }

  private async openEditor(): Promise<void> {
    this.opening ??= (async () => {
      const { createEditor } = await import("./editor");
      const input = this.input();
      input.replaceChildren();
      input.removeAttribute("tabindex");
      input.removeAttribute("title");
      this.editor = createEditor(input, this.current, {
        onChange: (source) => {
          if (source === this.current) return; // a reset or undo put it there
          this.current = source;
          this.showEditNotice(saveEdit(pagePath(), this.index, this.hash, source, this.original) ? "" : pageNotebookStrings().nbUnsaved);
          this.undoSource = undefined;
          this.child("[data-nb-action=undo-reset]").hidden = true;
          if (source !== this.original) this.markModified();
        },
        onRun: () => void runCell(this),
        onRunAndAdvance: () => void runCellAndAdvance(this),
      });
      this.editor.focus();
    })();
    return this.opening;
  }

  // A page-owned line under the editor, outside the output area, so a cell cannot fake or hide it.
  private showEditNotice(text: string): void {
    let notice = this.querySelector<HTMLElement>(".nb-edit-notice");
    if (!notice && !text) return;
    if (!notice) {
      notice = Object.assign(document.createElement("p"), { className: "nb-edit-notice" });
      notice.setAttribute("role", "status");
      this.output().before(notice);
    }
    notice.textContent = text;
    notice.hidden = !text;
  }

  private showPlainSource(source: string): void {
    const pre = document.createElement("pre");
    pre.className = "nb-plain-source";
    pre.textContent = source;
    this.input().replaceChildren(pre);
  }

  private markModified(): void {
    this.querySelector<HTMLElement>(".nb-badge-modified")!.hidden = false;
    this.querySelector<HTMLElement>("[data-nb-action=reset]")!.hidden = false;
  }

  private child(selector: string): HTMLElement {
    return this.querySelector<HTMLElement>(selector)!;
  }

  private input(): HTMLElement {
    return this.querySelector<HTMLElement>("[data-nb-input]")!;
  }

  private output(): HTMLElement {
    return this.querySelector<HTMLElement>(".nb-output")!;
  }

  private prompt(): HTMLElement {
    return this.querySelector<HTMLElement>(".nb-prompt")!;
  }
}

if (!customElements.get("nb-cell")) customElements.define("nb-cell", CellElement);
