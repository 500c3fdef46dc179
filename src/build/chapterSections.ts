import { readFileSync } from "node:fs";
import { dirname, extname, join, resolve } from "node:path";
import type { Element, ElementContent, Root, RootContent } from "hast";
import type { VFile } from "vfile";
import { readImportGraph } from "./importGraph.ts";
import { latinWidths } from "../site/latinWidths.ts";

// A chapter is one long page: thousands of KaTeX spans and saved figures that a phone would style, lay out and
// paint before the reader sees the first paragraph. Cut into parts, the page lets the browser skip every part off
// screen (content-visibility in src/styles/sections.css) until the reader nears it.
//
// A part is also cut before a paragraph once it holds about a phone's screen of text (after another paragraph, a list
// or a table: not after an equation, whose sentence the paragraph often goes on with), and before a cell, a widget
// or a figure that follows running text: the browser renders at load every part that begins near the viewport (within
// one and a half screens below it), whole, so a part that begins just inside that margin should not bring a tall
// figure with it. An equation stays with the sentence it belongs to.
//
// A part never holds a form field (a text, number or choice input) or a form: Chromium lays out at load every skipped
// subtree that has one, even a hidden field or one a script adds later, which would undo the skipping. So parts break
// at each level-2 heading and around each block with a field in it, such as a widget's settings. A <Param> is
// shown as text until its part is drawn, and only then writes its field (components/Param.astro writes none); a
// field kept in a <template> until the reader asks for it (the graph stepper's own expression), or until its widget
// is drawn (components/kit/FieldWhenDrawn.astro), does not count.

/** The class of the runs of a chapter's blocks that the stylesheet renders only near the screen. */
export const PART_CLASS = "chapter-part";

/** Elements Chromium measures at load as form fields, whatever their type. */
const FIELD_TAGS = new Set(["select", "textarea", "form"]);
/** Inputs it leaves alone: radio buttons and check boxes (as it does buttons), unless they are in a <form>. */
const UNMEASURED_INPUT_TYPES = new Set(["radio", "checkbox", "hidden"]);

/** Whether an element, by its tag and its `type` attribute, is a form field that Chromium measures at load. */
function isMeasuredField(tagName: string, type: string | undefined): boolean {
  return FIELD_TAGS.has(tagName) || (tagName === "input" && !UNMEASURED_INPUT_TYPES.has(type ?? "text"));
}

/** An opening tag of a field or an input, with its attributes; an arrow function's ">" (`x={() => …}`) does not end it. */
const FIELD_TAG = new RegExp(`<(${[...FIELD_TAGS, "input"].join("|")})\\b((?:=>|[^>])*)>`, "g");

/** Whether markup (an .astro file's, outside its templates) writes a form field that Chromium measures at load. */
function writesMeasuredField(markup: string): boolean {
  return [...markup.matchAll(FIELD_TAG)].some(([, tagName, attributes]) =>
    isMeasuredField(tagName, /\btype=["']([^"']*)["']/.exec(attributes)?.[1]),
  );
}

/**
 * Markup kept out of the page until a script writes it: a <template>'s (a widget writes it once the reader asks for
 * it) and a <FieldWhenDrawn>'s (components/kit/FieldWhenDrawn.astro: a template the widget writes once drawn).
 */
const TEMPLATE = /<(template|FieldWhenDrawn)\b[\s\S]*?<\/\1>/g;

/** Blocks of running text; anything else (an equation, a cell, a widget, a figure) counts as one figure-sized block. */
const TEXT_BLOCKS = new Set(["p", "ul", "ol", "h2", "h3", "h4", "blockquote", "dl"]);
const CHARACTERS_PER_LINE = 70; // at the 40rem measure; the stylesheet doubles the lines on a phone
// Half as many (6) rendered less at load (zh/backpropagation 2,953 → 2,540 px at 412 × 823) but drew a second part
// into a phone's first screen, whose fonts then had to be preloaded too; in interleaved Lighthouse runs that build
// gained nothing overall (median TBT zh/backpropagation 141 → 152 ms, backpropagation 55 → 124 ms, LCP 1.8 → 2.0 s).
/** Lines of text at the measure (twice as many on a phone, about a screen) after which a part ends between two paragraphs. */
const LINES_PER_PART = 12;

/** The parts of MDX's syntax tree this file reads beyond hast's own: JSX elements and module statements. */
type MdxNode = RootContent & { name?: string | null; value?: string; children?: MdxNode[] };

/**
 * The long pages of either edition, cut into parts: the chapters (content/<slug>.mdx, content/zh/<slug>.mdx) and the
 * notation page (src/pages/notation.mdx, src/pages/zh/notation.mdx), whose tables of formulas are as heavy. The
 * first group is the project's folder.
 */
const PARTED_PAGE = /^(.*)[\\/](?:content[\\/](?:zh[\\/])?[^\\/]+|src[\\/]pages[\\/](?:zh[\\/])?notation)\.mdx$/;

const writesFieldByFile = new Map<string, boolean>();

/** Whether an .astro component, or any .astro file it imports, writes a form field. */
function writesFormField(file: string): boolean {
  if (!writesFieldByFile.has(file)) {
    const files = [...readImportGraph([file]).keys()];
    writesFieldByFile.set(file, files.some((path) => extname(path) === ".astro" && writesMeasuredField(readFileSync(path, "utf8").replace(TEMPLATE, ""))));
  }
  return writesFieldByFile.get(file)!;
}

/**
 * The names of the components a chapter uses (imported in it, or given to every chapter by components/mdx.ts)
 * that write a form field.
 */
function findFieldComponents(tree: Root, chapterPath: string, root: string): Set<string> {
  const shared = join(root, "components", "mdx.ts");
  const sources = [
    ...[...readFileSync(shared, "utf8").matchAll(/import (\w+) from "(\.[^"]+\.astro)"/g)].map(([, name, path]) => [name, resolve(dirname(shared), path)]),
    ...(tree.children as MdxNode[])
      .filter((node) => node.type === ("mdxjsEsm" as RootContent["type"]))
      .flatMap((node) => [...(node.value ?? "").matchAll(/import (\w+) from "([^"]+\.astro)"/g)])
      .map(([, name, path]) => [name, path.startsWith("~/") ? join(root, path.slice(2)) : resolve(dirname(chapterPath), path)]),
  ];
  return new Set(sources.filter(([, file]) => writesFormField(file)).map(([name]) => name));
}

/** Whether a block is or holds a component that writes a form field, or a field written in the chapter itself. */
function holdsFormField(node: MdxNode, fieldComponents: Set<string>): boolean {
  if (node.name && fieldComponents.has(node.name)) return true;
  if (node.type === "element" && isMeasuredField(node.tagName, node.properties?.type?.toString())) return true;
  return (node.children ?? []).some((child) => holdsFormField(child, fieldComponents));
}

/** The characters a reader sees in a node, in Latin letters' widths: KaTeX's glyph spans and MathML are not counted. */
function countCharacters(node: RootContent | ElementContent): number {
  if (node.type === "text") return latinWidths(node.value);
  // A block written as JSX (<h2 id="…">) holds its text as an element does.
  if (node.type !== "element") return ((node as MdxNode).children ?? []).reduce((sum, child) => sum + countCharacters(child as ElementContent), 0);
  const classes = Array.isArray(node.properties?.className) ? node.properties.className.map(String) : [];
  if (classes.includes("katex-html") || classes.includes("katex-mathml")) return 0;
  return node.children.reduce((sum, child) => sum + countCharacters(child), 0);
}

/** A test of whether a node is an element with one of `tags`. */
const elementIn = (tags: Set<string>) => (node: MdxNode | undefined) => node?.type === "element" && tags.has(node.tagName);

const isParagraph = elementIn(new Set(["p"]));

/**
 * Blocks a part may end with before a paragraph: their bottom margin is no larger than a paragraph's top one, which the
 * next part keeps (sections.css), so the gap between them is what it was. (A quotation's is larger.)
 */
const BEFORE_PARAGRAPH = new Set(["p", "ul", "ol", "table"]);
const mayEndBeforeParagraph = elementIn(BEFORE_PARAGRAPH);

/** Running text a reader reads on into what follows: a paragraph, a list, a quotation (not a heading). */
const RUNNING_TEXT = new Set([...TEXT_BLOCKS].filter((tag) => !/^h\d$/.test(tag)));
const isRunningText = elementIn(RUNNING_TEXT);

/**
 * Text-like blocks a part never starts at after text: a table and a code listing have no top margin of their own (or
 * less than a paragraph's), so the gap above them would shrink where the paragraph's margin is dropped (partEdges.ts).
 */
const TEXT_LIKE = new Set(["table", "pre", "hr"]);

/** A block that is neither text nor an equation (displayed math continues its sentence): a cell, a widget, a figure. */
function isFigureBlock(node: MdxNode): boolean {
  const tag = node.type === "element" ? node.tagName : node.name;
  if (!tag || TEXT_BLOCKS.has(tag) || TEXT_LIKE.has(tag)) return false;
  const classes = node.type === "element" && Array.isArray(node.properties?.className) ? node.properties.className.map(String) : [];
  return !classes.some((name) => name === "equation" || name === "math-display" || name === "katex-display");
}

/** The lines of text a block takes at the measure (at least one): none for a block that is not running text. */
function countLines(node: MdxNode): number {
  const tag = node.type === "element" ? node.tagName : node.name;
  return tag && TEXT_BLOCKS.has(tag) ? Math.ceil(countCharacters(node) / CHARACTERS_PER_LINE) + 1 : 0;
}

/**
 * How tall a part will be, roughly, as CSS custom properties: its lines of text at the measure and its other
 * blocks. The browser reserves that much for a part it has not rendered yet, so the scroll bar, the reading
 * progress and a jump to an anchor are about right before the parts above are drawn.
 */
function estimateSize(part: Element): string {
  let lines = 0;
  let blocks = 0;
  for (const node of part.children) {
    const textLines = countLines(node as MdxNode);
    if (textLines > 0) lines += textLines;
    else if (node.type !== "text" || node.value.trim() !== "") blocks += 1;
  }
  return `--part-lines:${lines};--part-blocks:${blocks}`;
}

/** Groups a chapter's blocks after its opening into parts (`<div class="chapter-part">`) rendered on approach; see above. */
export function rehypeChapterSections() {
  return (tree: Root, file: VFile) => {
    const path = file.history[0] ?? file.path ?? "";
    const root = path.match(PARTED_PAGE)?.[1];
    if (root === undefined) return;
    const fieldComponents = findFieldComponents(tree, path, root);
    const children: RootContent[] = [];
    let part: Element | undefined;
    let partLines = 0;
    let lastBlock: MdxNode | undefined;
    let started = false;
    for (const node of tree.children as MdxNode[]) {
      if (node.type === ("mdxjsEsm" as RootContent["type"])) {
        children.push(node);
        continue;
      }
      // A heading written as JSX (<h2 id="…"> in the Chinese notation page) starts a section as "##" does.
      if ((node.type === "element" && node.tagName === "h2") || node.name === "h2") {
        started = true;
        part = undefined;
      }
      if (!started || holdsFormField(node, fieldComponents)) {
        part = undefined;
        children.push(node);
        continue;
      }
      if (part && isParagraph(node) && mayEndBeforeParagraph(lastBlock) && partLines >= LINES_PER_PART) part = undefined;
      if (part && isRunningText(lastBlock) && isFigureBlock(node)) part = undefined;
      if (!part && node.type === "text" && node.value.trim() === "") {
        children.push(node);
        continue;
      }
      if (!part) {
        part = { type: "element", tagName: "div", properties: { className: [PART_CLASS] }, children: [] };
        children.push(part);
        partLines = 0;
      }
      part.children.push(node as ElementContent);
      if (node.type !== "text") {
        lastBlock = node;
        partLines += countLines(node);
      }
    }
    for (const node of children) {
      if (node.type === "element" && node.tagName === "div" && node.properties.className?.toString() === PART_CLASS) {
        node.properties.style = estimateSize(node);
      }
    }
    tree.children = children;
  };
}
