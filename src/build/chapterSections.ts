import { sep } from "node:path";
import type { Element, ElementContent, Root, RootContent } from "hast";
import type { VFile } from "vfile";

// A chapter is one long page: thousands of KaTeX spans and saved figures that a phone would style, lay out and
// paint before the reader sees the first paragraph. Cut into one <section> per level-2 heading, the page lets the
// browser skip every section off screen (content-visibility in src/styles/sections.css) until the reader nears it.

/** The class of a chapter's level-2 sections, which the stylesheet renders only near the screen. */
export const SECTION_CLASS = "chapter-section";

/** Whether a file is a chapter of either edition: content/<slug>.mdx or content/zh/<slug>.mdx. */
function isChapter(path: string): boolean {
  return path.endsWith(".mdx") && path.includes(`${sep}content${sep}`);
}

/** Module-level MDX statements (import, export) stay at the top level, where MDX expects them. */
const isStatement = (node: RootContent) => node.type === ("mdxjsEsm" as RootContent["type"]);
const isSectionHeading = (node: RootContent) => node.type === "element" && node.tagName === "h2";

/** Blocks of running text; anything else (an equation, a cell, a widget, a figure) counts as one figure-sized block. */
const TEXT_BLOCKS = new Set(["p", "ul", "ol", "h2", "h3", "h4", "blockquote", "dl"]);
const CHARACTERS_PER_LINE = 70; // at the 40rem measure; the stylesheet doubles the lines on a phone

/** The characters a reader sees in a node: each formula counts its TeX source's length, not KaTeX's glyph spans. */
function countCharacters(node: RootContent | ElementContent): number {
  if (node.type === "text") return node.value.length;
  if (node.type !== "element") return 0;
  const classes = Array.isArray(node.properties?.className) ? node.properties.className.map(String) : [];
  if (classes.includes("katex-html") || classes.includes("katex-mathml")) return 0;
  return node.children.reduce((sum, child) => sum + countCharacters(child), 0);
}

/**
 * How tall a section will be, roughly, as CSS custom properties: its lines of text at the measure and its
 * other blocks. The browser reserves that much for a section it has not rendered yet, so the scroll bar, the
 * reading progress and a jump to a section's anchor are about right before the sections above are drawn.
 */
function estimateSize(section: Element): string {
  let lines = 0;
  let blocks = 0;
  for (const node of section.children) {
    if (node.type === "element" && TEXT_BLOCKS.has(node.tagName)) lines += Math.ceil(countCharacters(node) / CHARACTERS_PER_LINE) + 1;
    else if (node.type !== "text" || node.value.trim() !== "") blocks += 1;
  }
  return `--section-lines:${lines};--section-blocks:${blocks}`;
}

/** Wraps each level-2 heading of a chapter with what follows it up to the next one in a `<section class="chapter-section">`. */
export function rehypeChapterSections() {
  return (tree: Root, file: VFile) => {
    if (!isChapter(file.history[0] ?? file.path ?? "")) return;
    const children: RootContent[] = [];
    let section: Element | undefined;
    for (const node of tree.children) {
      if (isSectionHeading(node)) {
        section = { type: "element", tagName: "section", properties: { className: [SECTION_CLASS] }, children: [] };
        children.push(section);
      }
      if (section && !isStatement(node)) section.children.push(node as ElementContent);
      else children.push(node);
    }
    for (const node of children) {
      if (node.type === "element" && node.tagName === "section") node.properties.style = estimateSize(node);
    }
    tree.children = children;
  };
}
