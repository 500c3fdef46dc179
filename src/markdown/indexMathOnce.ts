import type { Element, Root } from "hast";
import { SKIP, visit } from "unist-util-visit";

/**
 * Rehype plugin, run after rehype-katex: KaTeX writes each formula three times (MathML, TeX
 * annotation, HTML glyphs). Pagefind should index it once, so the glyphs are ignored and the
 * MathML's readable symbols stay. The TeX annotation goes: screen readers read the MathML, search
 * reads it too, and the source of every formula was about 3 KiB of a chapter's compressed HTML.
 */
export function rehypeIndexMathOnce() {
  return (tree: Root) => {
    visit(tree, "element", (node: Element, index, parent) => {
      if (node.tagName === "annotation" && parent && index !== undefined) {
        parent.children.splice(index, 1);
        return [SKIP, index];
      }
      const className = node.properties?.className;
      const classes = Array.isArray(className) ? className.map(String) : [];
      if (classes.includes("katex-html")) {
        node.properties = { ...node.properties, dataPagefindIgnore: "all" };
      }
    });
  };
}
