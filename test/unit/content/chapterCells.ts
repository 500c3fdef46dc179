/** A chapter's notebook cells and solutions, read from its MDX as the build reads them (shared by the chapters' cell modules). */
import { readFileSync } from "node:fs";

/** One ```ts cell fence of a chapter: its check name, if graded, and its source. */
export interface ChapterCell {
  check?: string;
  source: string;
}

/** What a chapter's tests read from its MDX. */
export interface ChapterCells {
  /** The MDX source. */
  text: string;
  /** Every cell, in page order. */
  cells: ChapterCell[];
  /** The graded cells, in page order. */
  gradedCells: ChapterCell[];
  /** The solution inside each <details class="solution">, in page order (one per graded cell). */
  solutions: string[];
}

/** Reads content/`slug`.mdx (the English edition). */
export function readChapterCells(slug: string): ChapterCells {
  const text = readFileSync(new URL(`../../../content/${slug}.mdx`, import.meta.url), "utf8");
  const cells = [...text.matchAll(/```ts cell([^\n]*)\n([\s\S]*?)\n```/g)].map((match) => ({
    check: /check=(\w+)/.exec(match[1])?.[1],
    source: match[2],
  }));
  const solutions = [...text.matchAll(/<details class="solution">[\s\S]*?```ts\n([\s\S]*?)\n```[\s\S]*?<\/details>/g)].map((match) => match[1]);
  return { text, cells, gradedCells: cells.filter((cell) => cell.check !== undefined), solutions };
}
