import type { Element, ElementContent, Root, Text } from "hast";
import { SKIP, visit } from "unist-util-visit";
import { chineseTitleWords, hasChinese, wordClass } from "../site/chineseWords";

const HEADING = /^h[1-3]$/;

/** Whether an element's text is not prose (code, or math before or after KaTeX), so it is left as it is. */
function isVerbatim(node: Element): boolean {
  const classes = node.properties?.className;
  const names: string[] = Array.isArray(classes) ? classes.map(String) : String(classes ?? "").split(" ");
  return node.tagName === "code" || node.tagName === "pre" || names.some((name) => name.startsWith("katex") || name.startsWith("math"));
}

/** A title's text as word spans: `<span class="zh-words">` holding one `span.zh-word` a word, `<wbr>` between words. */
export function chineseWordsElement(text: string): Element {
  const children: ElementContent[] = [];
  let lastWasWord = false;
  for (const piece of chineseTitleWords(text)) {
    if (!piece.word) {
      children.push({ type: "text", value: piece.text });
      lastWasWord = false;
      continue;
    }
    if (lastWasWord) children.push({ type: "element", tagName: "wbr", properties: {}, children: [] });
    children.push({ type: "element", tagName: "span", properties: { className: wordClass(piece.text).split(" ") }, children: [{ type: "text", value: piece.text }] });
    lastWasWord = true;
  }
  return { type: "element", tagName: "span", properties: { className: ["zh-words"] }, children };
}

/** Wraps each Chinese word of a heading's prose so the heading wraps between words, never inside one. */
function wrapWords(heading: Element): void {
  visit(heading, (node, index, parent) => {
    if (node.type === "element" && node !== heading && isVerbatim(node)) return SKIP;
    if (node.type !== "text" || parent === undefined || index === undefined || !hasChinese((node as Text).value)) return;
    parent.children[index] = chineseWordsElement((node as Text).value);
    return SKIP;
  });
}

/** Whether a node is an h1–h3: a Markdown heading, or one written as JSX in MDX (`<h2 id="…">`, as on the notation page). */
function isHeading(node: { type: string; tagName?: string; name?: string | null }): boolean {
  if (node.type === "element") return HEADING.test(node.tagName ?? "");
  return (node.type === "mdxJsxFlowElement" || node.type === "mdxJsxTextElement") && HEADING.test(node.name ?? "");
}

/** Cuts the Chinese text of every h1–h3 into words that do not break across lines (see src/site/chineseWords.ts). */
export function rehypeChineseHeadings() {
  return (tree: Root) => {
    visit(tree, (node) => {
      if (!isHeading(node)) return;
      wrapWords(node as Element);
      return SKIP;
    });
  };
}
