import { parse } from "parse5";
import type { DefaultTreeAdapterMap } from "parse5";
import { PART_CLASS } from "./chapterSections.ts";

type Node = DefaultTreeAdapterMap["node"];
type Element = DefaultTreeAdapterMap["element"];

// A chapter part (chapterSections.ts) is laid out apart from its neighbours (content-visibility implies layout
// containment), so margins no longer collapse across its edges: where two margins met, the larger one stood, and now
// both would. One of each such pair is dropped instead (src/styles/sections.css), and which one depends on the blocks
// on either side of the edge. Stylesheet selectors could find them (:has() and :nth-last-child() over the parts'
// children), but the browser matched them again as each new block arrived, and they were more than half the style
// work of a phone's load (zh/backpropagation at 4× CPU slowdown, four traced loads each: 219–409 ms of style
// recalculation with them, 92–124 ms with the classes). The blocks are known once the page is built, so each is
// marked here with a class instead.

/** The class of a block whose top margin is dropped at a part's edge (src/styles/sections.css). */
export const DROP_TOP = "drop-top-margin";
/** The class of a block whose bottom margin is dropped at a part's edge. */
export const DROP_BOTTOM = "drop-bottom-margin";

/** Blocks whose margin is the running text's own: where one meets a figure across an edge, the figure's margin stands. */
const TEXT_EDGES = new Set(["p", "h2", "h3"]);
const HEADINGS = new Set(["h2", "h3"]);
/** Elements that take no space and are not edges (a component's inline script or style). */
const SPACELESS = new Set(["script", "style"]);

const isElement = (node: Node | undefined): node is Element => node !== undefined && "tagName" in node;
const hasClass = (element: Element | undefined, name: string) =>
  element?.attrs.some((attribute) => attribute.name === "class" && attribute.value.split(/\s+/).includes(name)) ?? false;
const isPart = (element: Element | undefined) => hasClass(element, PART_CLASS);
const isTag = (element: Element | undefined, tags: string | Set<string>) =>
  element !== undefined && (typeof tags === "string" ? element.tagName === tags : tags.has(element.tagName));

/** The element children of `element`, in order. */
const elementChildren = (element: Element): Element[] => element.childNodes.filter(isElement);

/**
 * Which blocks around each part of each `.prose` in `document` drop which margin:
 * - a part's first block drops its top margin after a block outside the parts: a paragraph always, and a figure
 *   (anything but a paragraph or a heading) unless the block above is a paragraph, whose bottom margin drops instead;
 * - a part's last block drops its bottom margin if it is text, or if what follows the part is not a paragraph;
 *   a paragraph after a part that ends in a figure drops its top margin;
 * - the block before a part that opens with a heading drops its bottom margin, as a paragraph before a part that
 *   opens with anything but a paragraph does.
 */
function findPartEdges(document: DefaultTreeAdapterMap["document"]): Map<Element, Set<string>> {
  const marks = new Map<Element, Set<string>>();
  const mark = (element: Element | undefined, name: string) => {
    if (element) marks.set(element, (marks.get(element) ?? new Set()).add(name));
  };
  const stack: Node[] = [document];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!("childNodes" in node)) continue;
    if (isElement(node) && hasClass(node, "prose")) {
      const blocks = elementChildren(node);
      blocks.forEach((part, index) => {
        if (!isPart(part)) return;
        const shown = elementChildren(part).filter((child) => !isTag(child, SPACELESS));
        const [first, last] = [shown[0], shown.at(-1)];
        const [before, after] = [blocks[index - 1], blocks[index + 1]];
        if (before && !isPart(before) && first) {
          if (isTag(first, "p") || (!isTag(before, "p") && !isTag(first, TEXT_EDGES))) mark(first, DROP_TOP);
        }
        if (last && !isTag(last, TEXT_EDGES) && isTag(after, "p")) mark(after, DROP_TOP);
        if (before && first && (isTag(first, HEADINGS) || (isTag(before, "p") && !isTag(first, "p")))) mark(before, DROP_BOTTOM);
        if (last && (isTag(last, TEXT_EDGES) || (after && !isTag(after, "p")))) mark(last, DROP_BOTTOM);
      });
    }
    for (const child of node.childNodes) stack.push(child);
  }
  return marks;
}

/** `html` with the blocks at its chapter parts' edges marked DROP_TOP or DROP_BOTTOM (see findPartEdges). */
export function markPartEdges(html: string): string {
  if (!html.includes(PART_CLASS)) return html;
  const marks = findPartEdges(parse(html, { sourceCodeLocationInfo: true }));
  const edits = [...marks].map(([element, names]) => {
    const classes = [...names].join(" ");
    const location = element.sourceCodeLocation!;
    const attribute = location.attrs?.class;
    if (!attribute) return { at: location.startTag!.startOffset + 1 + element.tagName.length, remove: 0, text: ` class="${classes}"` };
    const written = html.slice(attribute.startOffset, attribute.endOffset);
    // Added inside the quotes as written, so the value's own characters stay as the page spelled them.
    if (/["']$/.test(written)) return { at: attribute.endOffset - 1, remove: 0, text: ` ${classes}` };
    const value = element.attrs.find((entry) => entry.name === "class")!.value;
    return { at: attribute.startOffset, remove: written.length, text: `class="${value} ${classes}"` };
  });
  const pieces: string[] = [];
  let from = 0;
  for (const { at, remove, text } of edits.sort((a, b) => a.at - b.at)) {
    pieces.push(html.slice(from, at), text);
    from = at + remove;
  }
  return pieces.join("") + html.slice(from);
}
