/** The shape every strings table has: English's keys, each a string or a function of named slots. */
import type { en } from "./en";
import type { enNotebook } from "./notebook.en";

/** A strings table: the Chinese one must have every key of the English one, with the same slots. */
export type Strings = typeof en;

/** The notebook's part of a strings table, all a page needs before the reader touches anything. */
export type NotebookStrings = typeof enNotebook;
