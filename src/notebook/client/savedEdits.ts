/**
 * The reader's edits, kept in localStorage per page and cell as they type. An edit remembers
 * the hash of the source it started from, so when the author changes a cell the stale edit is
 * dropped instead of shown against new prose.
 */

interface SavedEdit {
  hash: string;
  source: string;
}

const PREFIX = "bn-notebook:";

/** The reader's edit of a cell, if one is saved for the current version of the cell. */
export function loadEdit(page: string, index: number, hash: string): string | undefined {
  const edit = readAll(page)[index];
  return edit && edit.hash === hash ? edit.source : undefined;
}

/** Saves (or, when the source is the original again, forgets) the reader's edit. */
export function saveEdit(page: string, index: number, hash: string, source: string, original: string): void {
  const edits = readAll(page);
  if (source === original) delete edits[index];
  else edits[index] = { hash, source };
  writeAll(page, edits);
}

/** Forgets every edit on a page. */
export function clearEdits(page: string): void {
  try {
    localStorage.removeItem(PREFIX + page);
  } catch {
    // Storage can be disabled; then there was nothing to clear.
  }
}

function readAll(page: string): Record<number, SavedEdit> {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(PREFIX + page) ?? "{}");
    return typeof parsed === "object" && parsed !== null ? (parsed as Record<number, SavedEdit>) : {};
  } catch {
    return {}; // disabled storage or a damaged entry: start clean rather than fail
  }
}

function writeAll(page: string, edits: Record<number, SavedEdit>): void {
  try {
    if (Object.keys(edits).length === 0) localStorage.removeItem(PREFIX + page);
    else localStorage.setItem(PREFIX + page, JSON.stringify(edits));
  } catch {
    // Full or disabled storage: the edit lives on in the editor for this visit.
  }
}
