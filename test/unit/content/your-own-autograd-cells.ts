/** The chapter's cells and solutions, read from the MDX, and a kernel to run them in (shared by the chapter's unit tests). */
import { readChapterCells } from "./chapterCells";
import { parseHTML } from "linkedom";
import { createKernel, type Kernel } from "../../../src/notebook/kernel";
import { createCellModules } from "../../../src/notebook/cellModules";
import { checks } from "../../../src/notebook/checks/index";

const read = readChapterCells("your-own-autograd");
/** Every cell of the chapter, in page order. */
export const cells = read.cells;
/** The solution inside each <details class="solution">, in page order (one per graded cell). */
export const solutions = read.solutions;
/** The graded cells, in page order. */
export const gradedCells = read.gradedCells;

/** A kernel like the build's: engine and Plot importable, every checker registered. */
export function newKernel(): Kernel {
  const { document } = parseHTML("<!doctype html><html><body></body></html>");
  return createKernel({ modules: createCellModules(document), checks });
}

/** Runs the graded cells' solutions up to (not including) graded cell `count`, so a later exercise has what it needs. */
export async function runSolutionsBefore(kernel: Kernel, count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    const result = await kernel.run({ source: solutions[i], params: {} });
    if (!result.ok) throw new Error(`solution ${i + 1} failed: ${JSON.stringify(result.outputs)}`);
  }
}
