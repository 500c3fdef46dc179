import type { Element, ElementContent, Root, RootContent } from "hast";
import { SKIP, visit } from "unist-util-visit";

/** Punctuation that closes a clause or a bracket, Latin and full-width: a line should never start with it. */
const CLOSING = /^[.,;:!?)\]}’”…，。、；：！？）」』》〉】]+/u;
/** A bracket or quotation mark that opens, Latin and full-width: a line should never end with it. */
const OPENING = /[(\[{‘“（「『《〈【]+$/u;

/**
 * The longest formula (in characters of its MathML) kept whole with its punctuation: about half a phone's line.
 * A longer one may need to wrap inside, and a line starting with its full stop is the lesser harm.
 */
const MAX_FORMULA_CHARACTERS = 30;

/** The class of the span that keeps an inline formula or component and the punctuation after it on one line (global.css). */
export const WITH_PUNCTUATION_CLASS = "with-punctuation";

/** An MDX component written inside a sentence (<Param>, <Num>): hast's nodes plus MDX's. */
type InlineComponent = { type: "mdxJsxTextElement"; name?: string | null };

/**
 * Rehype plugin, run after rehype-katex: keeps an inline formula or an inline component (a <Param>, an
 * engine-computed number) on one line with the punctuation around it. The browser may break a line before or after
 * an inline block (KaTeX's glyph boxes, a number's field), so "… to $h_2$." could put the full stop at the start of
 * the next line, and "the momentum ($\alpha$)" could end a line with its bracket. The formula and the bracket or
 * punctuation touching it go in one span that does not wrap; a formula too long for that is left to wrap inside.
 */
export function rehypeKeepPunctuation() {
  return (tree: Root) => {
    visit(tree, (node, index, parent) => {
      if (!parent || index === undefined || !keepsPunctuation(node as RootContent)) return;
      const previous = parent.children[index - 1];
      const next = parent.children[index + 1];
      const opening = previous?.type === "text" ? previous.value.match(OPENING)?.[0] : undefined;
      const closing = next?.type === "text" ? next.value.match(CLOSING)?.[0] : undefined;
      if (opening === undefined && closing === undefined) return SKIP;
      const kept: Element = {
        type: "element",
        tagName: "span",
        properties: { className: [WITH_PUNCTUATION_CLASS] },
        children: [...(opening ? [text(opening)] : []), node as ElementContent, ...(closing ? [text(closing)] : [])],
      };
      const before = opening && previous.type === "text" ? [previous.value.slice(0, -opening.length)].filter(Boolean).map(text) : [];
      const after = closing && next.type === "text" ? [next.value.slice(closing.length)].filter(Boolean).map(text) : [];
      const start = opening ? index - 1 : index;
      const replacement = [...before, kept, ...after];
      parent.children.splice(start, 1 + (opening ? 1 : 0) + (closing ? 1 : 0), ...(replacement as RootContent[]));
      // Next comes what follows the span: the text after it may open the next formula's bracket.
      return [SKIP, start + before.length + 1];
    });
  };
}

const text = (value: string): ElementContent => ({ type: "text", value });

const classesOf = (node: Element) => (Array.isArray(node.properties?.className) ? node.properties.className.map(String) : []);

function keepsPunctuation(node: RootContent | InlineComponent): boolean {
  if (node.type === "mdxJsxTextElement") return true;
  return node.type === "element" && node.tagName === "span" && classesOf(node).includes("katex") && mathCharacters(node) <= MAX_FORMULA_CHARACTERS;
}

/** The characters of a formula's MathML: what a screen reader reads, about as many as the glyphs drawn. */
function mathCharacters(node: ElementContent): number {
  if (node.type === "text") return [...node.value].length;
  if (node.type !== "element" || classesOf(node).includes("katex-html")) return 0;
  return node.children.reduce((sum, child) => sum + mathCharacters(child), 0);
}
