/**
 * The reader's edits, kept in localStorage per page and cell as they type. An edit remembers
 * the hash of the source it started from, so when the author changes a cell the stale edit is
 * dropped instead of shown against new prose. What is read back is checked (storage is anyone's
 * to write), and a save that fails is reported, never lost without a word.
 */
import { pageNotebookStrings } from "../../i18n/notebookStrings";

interface SavedEdit {
  hash: string;
  source: string;
}

/** What loading a cell's edit found. */
export interface LoadedEdit {
  /** The reader's source, when a valid edit is saved for this version of the cell. */
  source?: string;
  /** Set when something was saved but could not be used, to tell the reader why it is gone. */
  notice?: string;
}

const PREFIX = "bn-notebook:";

/** The key a page's edits are stored under: `/x/index.html`, `/x/` and `/x` are one page. */
export function canonicalPage(pathname: string): string {
  const path = pathname.replace(/\/index\.html?$/i, "/").replace(/\/{2,}/g, "/");
  return path.endsWith("/") ? path : `${path}/`;
}

/** The reader's edit of a cell, if one is saved for the current version of the cell. */
export function loadEdit(page: string, index: number, hash: string): string | undefined {
  return readEdit(page, index, hash).source;
}

/** The reader's edit of a cell, or a notice saying why a saved one was discarded. */
export function readEdit(page: string, index: number, hash: string): LoadedEdit {
  const { edits, damaged } = readAll(page);
  const edit = edits[index];
  if (edit && edit.hash === hash) return { source: edit.source };
  if (damaged.includes(index)) return { notice: pageNotebookStrings().nbEditDamaged };
  return {};
}

/** Saves (or, when the source is the original again, forgets) the reader's edit; false when storage refused it. */
export function saveEdit(page: string, index: number, hash: string, source: string, original: string): boolean {
  const { edits } = readAll(page);
  if (source === original) delete edits[index];
  else edits[index] = { hash, source };
  return writeAll(page, edits);
}

/** Forgets every edit on a page. */
export function clearEdits(page: string): void {
  try {
    localStorage.removeItem(PREFIX + canonicalPage(page));
  } catch {
    // Storage can be disabled; then there was nothing to clear.
  }
}

function readAll(page: string): { edits: Record<number, SavedEdit>; damaged: number[] } {
  const edits: Record<number, SavedEdit> = {};
  const damaged: number[] = [];
  let parsed: unknown;
  try {
    const key = PREFIX + canonicalPage(page);
    // Edits saved before keys were canonical live under the raw path; read them as well.
    parsed = JSON.parse(localStorage.getItem(key) ?? localStorage.getItem(PREFIX + page) ?? "{}");
  } catch {
    return { edits, damaged }; // disabled storage or a damaged entry: start clean rather than fail
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return { edits, damaged };
  for (const [key, value] of Object.entries(parsed)) {
    const index = Number(key);
    if (!Number.isInteger(index) || index < 0) continue;
    const edit = value as Partial<SavedEdit> | null;
    if (typeof edit === "object" && edit !== null && typeof edit.hash === "string" && typeof edit.source === "string") edits[index] = { hash: edit.hash, source: edit.source };
    else damaged.push(index);
  }
  return { edits, damaged };
}

function writeAll(page: string, edits: Record<number, SavedEdit>): boolean {
  try {
    const key = PREFIX + canonicalPage(page);
    if (Object.keys(edits).length === 0) localStorage.removeItem(key);
    else localStorage.setItem(key, JSON.stringify(edits));
    return true;
  } catch {
    return false; // full or disabled storage: the caller tells the reader the edit lives only in the editor
  }
}
