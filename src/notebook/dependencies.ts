/**
 * Which earlier cells must run before a cell, and how to say so. Pure functions of the names each
 * cell defines and uses (found at build time by cellNames.ts), so they test in Node.
 */
import { enNotebook } from "../i18n/notebook.en";
import type { NotebookStrings } from "../i18n/types";

/** What planning needs to know about a cell. */
export interface CellDependencyInfo {
  /** Position on the page, from 0. */
  index: number;
  defines: readonly string[];
  uses: readonly string[];
  /** True when the cell has run without error in the current kernel. */
  ranInKernel: boolean;
}

/** The cells to run, in page order, before `target`: the earlier providers of its names not yet run in this kernel, and theirs. */
export function planRunFirst(cells: readonly CellDependencyInfo[], target: CellDependencyInfo): CellDependencyInfo[] {
  const planned = new Map<number, CellDependencyInfo>();
  const visit = (cell: CellDependencyInfo): void => {
    for (const name of cell.uses) {
      const provider = findProvider(cells, name, cell.index);
      if (!provider || provider.ranInKernel || planned.has(provider.index)) continue;
      planned.set(provider.index, provider);
      visit(provider);
    }
  };
  visit(target);
  return [...planned.values()].sort((a, b) => a.index - b.index);
}

/** The nearest cell before position `before` that defines `name`. */
export function findProvider(cells: readonly CellDependencyInfo[], name: string, before: number): CellDependencyInfo | undefined {
  let found: CellDependencyInfo | undefined;
  for (const cell of cells) if (cell.index < before && cell.defines.includes(name)) found = cell;
  return found;
}

/** "cell 2", "cells 1 and 3", "cells 1, 2 and 4" (numbers from 1). */
export function describeCells(numbers: readonly number[], s: NotebookStrings = enNotebook): string {
  if (numbers.length === 1) return s.nbCellList({ first: String(numbers[0]), last: "" });
  return s.nbCellList({ first: numbers.slice(0, -1).join(s.nbListSeparator), last: String(numbers[numbers.length - 1]) });
}

/** The line a cell shows when it ran others first, e.g. "Ran cells 1 and 3 first." */
export function describeRanFirst(numbers: readonly number[], s: NotebookStrings = enNotebook): string {
  return s.nbRanFirst({ cells: describeCells(numbers, s) });
}

/** For a ReferenceError's message: which cell would define the name, or undefined when none does. */
export function explainMissingName(cells: readonly CellDependencyInfo[], name: string, index: number, s: NotebookStrings = enNotebook): string | undefined {
  const definers = cells.filter((cell) => cell.index !== index && cell.defines.includes(name));
  if (definers.length === 0) return undefined;
  const later = definers.find((cell) => cell.index > index);
  const earlier = [...definers].reverse().find((cell) => cell.index < index);
  if (earlier) return s.nbDefinedEarlier({ cell: earlier.index + 1, name });
  return s.nbDefinedLater({ cell: later!.index + 1, name });
}

const DECLARATION = /\b(?:const|let|var|function\*?|class)\s+([A-Za-z_$][\w$]*)/g;
const IDENTIFIER = /(?<![\w$.])[A-Za-z_$][\w$]*/g;

/**
 * A quick reading of an edited cell, in the page without a parser: names it declares with
 * const/let/var/function/class, and the identifiers it mentions that some cell in `known` defines.
 */
export function scanEditedNames(source: string, known: ReadonlySet<string>): { defines: string[]; uses: string[] } {
  // Comments and strings mention names without using them.
  const code = source.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*|"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*'|`(?:\\.|[^`\\])*`/g, " ");
  const defines = [...new Set([...code.matchAll(DECLARATION)].map((match) => match[1]))];
  const own = new Set(defines);
  const uses = [...new Set([...code.matchAll(IDENTIFIER)].map((match) => match[0]))].filter((name) => known.has(name) && !own.has(name));
  return { defines, uses };
}
