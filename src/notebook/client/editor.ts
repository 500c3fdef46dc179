/** CodeMirror 6 for a cell, loaded by dynamic import the first time a reader edits one. */
import { EditorView, keymap, lineNumbers, highlightActiveLine, drawSelection } from "@codemirror/view";
import { EditorState, Prec } from "@codemirror/state";
import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import { syntaxHighlighting, defaultHighlightStyle, bracketMatching, indentOnInput } from "@codemirror/language";
import { closeBrackets } from "@codemirror/autocomplete";
import { javascript } from "@codemirror/lang-javascript";
import { pageNotebookStrings } from "../../i18n/notebookStrings";

/** What the cell wants to hear from its editor. */
export interface EditorHandlers {
  onChange(source: string): void;
  /** Ctrl/Cmd+Enter. */
  onRun(): void;
  /** Shift+Enter. */
  onRunAndAdvance(): void;
}

/** Replaces `parent`'s content with an editor holding `source`, focused. */
export function createEditor(parent: HTMLElement, source: string, handlers: EditorHandlers): EditorView {
  const runKeys = Prec.highest(
    keymap.of([
      { key: "Shift-Enter", run: () => (handlers.onRunAndAdvance(), true) },
      { key: "Mod-Enter", run: () => (handlers.onRun(), true) },
    ]),
  );
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc: source,
      extensions: [
        runKeys,
        lineNumbers(),
        history(),
        drawSelection(),
        indentOnInput(),
        bracketMatching(),
        closeBrackets(),
        highlightActiveLine(),
        syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
        javascript({ typescript: true }),
        keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
        EditorView.contentAttributes.of({ "aria-label": pageNotebookStrings().nbEditorLabel }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) handlers.onChange(update.state.doc.toString());
        }),
      ],
    }),
  });
  return view;
}
