/** The chapter's cells and solutions, read from the MDX, and a kernel to run them in (shared by the chapter's unit tests). */
import { readFileSync } from "node:fs";
import { parseHTML } from "linkedom";
import { createKernel, type Kernel } from "../../../src/notebook/kernel";
import { createCellModules } from "../../../src/notebook/cellModules";
import { checks } from "../../../src/notebook/checks/index";

const source = readFileSync(new URL("../../../content/your-own-autograd.mdx", import.meta.url), "utf8");

/** One ```ts cell fence of the chapter: its meta words and source. */
export interface ChapterCell {
  check?: string;
  source: string;
}

/** Every cell of the chapter, in page order. */
export const cells: ChapterCell[] = [...source.matchAll(/```ts cell([^\n]*)\n([\s\S]*?)\n```/g)].map((match) => ({
  check: /check=(\w+)/.exec(match[1])?.[1],
  source: match[2],
}));

/** The solution inside each <details class="solution">, in page order (one per graded cell). */
export const solutions: string[] = [...source.matchAll(/<details class="solution">[\s\S]*?```ts\n([\s\S]*?)\n```[\s\S]*?<\/details>/g)].map((match) => match[1]);

/** The graded cells, in page order. */
export const gradedCells = cells.filter((cell) => cell.check !== undefined);

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
