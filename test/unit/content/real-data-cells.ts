/** Chapter 7's cells and solutions, read from the MDX, and a kernel like the build's to run them in (shared by the chapter's unit tests). */
import { readChapterCells } from "./chapterCells";
import { createKernel, type Kernel, type ParamValue } from "../../../src/notebook/kernel";
import { createCellModules } from "../../../src/notebook/cellModules";
import { createFigureDocument } from "../../../src/notebook/figureDocument";
import { checks } from "../../../src/notebook/checks/index";
import { readDigitsFile } from "../../../src/notebook/digits/readDigitsFile";

const read = readChapterCells("real-data");
/** The chapter's MDX source. */
export const chapter = read.text;
/** Every cell of the chapter, in page order. */
export const cells = read.cells;
/** The solution inside each <details class="solution">, in page order (one per graded cell). */
export const solutions = read.solutions;
/** The graded cells, in page order. */
export const gradedCells = read.gradedCells;

/** The page's <Param> defaults, as the build passes them to every cell. */
export const params: Record<string, ParamValue> = Object.fromEntries(
  [...chapter.matchAll(/<Param name="(\w+)" value=\{?"?([^"}]+)"?\}?/g)].map(([, name, value]) => [name, Number.isNaN(Number(value)) ? value : Number(value)]),
);

/** A kernel like the build's: engine, Plot and the digits importable, every checker registered. */
export function newKernel(): Kernel {
  return createKernel({ modules: createCellModules(createFigureDocument(), readDigitsFile), checks });
}

/**
 * Runs the chapter in page order, with each graded cell's solution in place of its starter for the
 * first `solved` graded cells (all of them by default), and stops before cell `until`.
 */
export async function runChapter(kernel: Kernel, options: { until?: number; solved?: number; edit?: (source: string, index: number) => string } = {}): Promise<void> {
  let graded = 0;
  for (const [index, cell] of cells.slice(0, options.until ?? cells.length).entries()) {
    const useSolution = cell.check !== undefined && graded++ < (options.solved ?? Infinity);
    const source = options.edit ? options.edit(useSolution ? solutions[graded - 1] : cell.source, index) : useSolution ? solutions[graded - 1] : cell.source;
    const result = await kernel.run({ source, params, label: `cell-${index + 1}` });
    if (!result.ok) throw new Error(`cell ${index + 1} failed: ${JSON.stringify(result.outputs)}`);
  }
}
