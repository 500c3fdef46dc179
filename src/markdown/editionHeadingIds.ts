import { readFileSync } from "node:fs";
import { basename, dirname, join, sep } from "node:path";
import type { Element, Root } from "hast";
import type { VFile } from "vfile";
import { visit } from "unist-util-visit";

/** One heading of content/zh/_slugs/<chapter>.json: the English heading's id beside the Chinese text. */
interface SlugEntry {
  depth: number;
  id: string;
  en: string;
  zh: string;
}

const HEADING = /^h([1-6])$/;

/** A heading's text as the slug maps hold it (mdast's toString): every text node, inline math and code included. */
function headingText(node: Element): string {
  let text = "";
  visit(node, "text", (child) => {
    text += child.value;
  });
  return text.replace(/\s+/g, " ").trim();
}

/** Whether a file is a Chinese chapter: content/zh/<slug>.mdx. */
function isChineseChapter(path: string): boolean {
  return path.endsWith(".mdx") && dirname(path).endsWith(`${sep}content${sep}zh`);
}

/**
 * Gives each heading of a Chinese chapter its English heading's id, from content/zh/_slugs/<slug>.json, so a
 * link to a section (#the-decision-line) lands on the same section in both editions. Fails the build when the
 * map does not match the chapter's headings (a heading added, removed, reworded or moved): rerun
 * `node scripts/zhStructure.mjs --write-slugs <slug>` after checking the English one still pairs up.
 */
export function rehypeEditionHeadingIds() {
  return (tree: Root, file: VFile) => {
    const path = file.history[0] ?? file.path ?? "";
    if (!isChineseChapter(path)) return;
    const slug = basename(path, ".mdx");
    const mapFile = join(dirname(path), "_slugs", `${slug}.json`);
    let entries: SlugEntry[];
    try {
      entries = (JSON.parse(readFileSync(mapFile, "utf8")) as { headings: SlugEntry[] }).headings;
    } catch (error) {
      throw new Error(`content/zh/${slug}.mdx needs its heading-id map content/zh/_slugs/${slug}.json (${(error as Error).message})`);
    }
    const headings: Element[] = [];
    visit(tree, "element", (node) => {
      if (HEADING.test(node.tagName)) headings.push(node);
    });
    const problems: string[] = [];
    if (headings.length !== entries.length) problems.push(`${headings.length} headings in the chapter, ${entries.length} in the map`);
    headings.forEach((node, k) => {
      const entry = entries[k];
      if (!entry) return;
      const depth = Number(HEADING.exec(node.tagName)![1]);
      const text = headingText(node);
      if (depth !== entry.depth || text !== entry.zh.replace(/\s+/g, " ").trim()) {
        problems.push(`heading ${k + 1} is h${depth} "${text}", the map has h${entry.depth} "${entry.zh}" (id ${entry.id})`);
      }
      node.properties = { ...node.properties, id: entry.id };
    });
    if (problems.length > 0) {
      throw new Error(`content/zh/${slug}.mdx does not match content/zh/_slugs/${slug}.json:\n  ${problems.join("\n  ")}`);
    }
  };
}
