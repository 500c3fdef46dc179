import type { Element, Root } from "hast";
import { visit } from "unist-util-visit";

/**
 * Rehype plugin, run after rehype-katex: KaTeX writes each formula three times (MathML, TeX
 * annotation, HTML glyphs). Pagefind should index it once, so the TeX and the glyphs are ignored
 * and the MathML's readable symbols stay.
 */
export function rehypeIndexMathOnce() {
  return (tree: Root) => {
    visit(tree, "element", (node: Element) => {
      const className = node.properties?.className;
      const classes = Array.isArray(className) ? className.map(String) : [];
      if (classes.includes("katex-html") || node.tagName === "annotation") {
        node.properties = { ...node.properties, dataPagefindIgnore: "all" };
      }
    });
  };
}
