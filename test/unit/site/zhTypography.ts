// The typography rules of the Chinese edition, as a lint over its prose. What counts as prose: text in paragraphs,
// headings, list items, table cells and block quotes, and the frontmatter's title, summary and objectives.
// Skipped: code fences, inline code, math, JSX props, link targets and bare URLs. Inline code and inline math still
// count as Latin where they touch Chinese text, since a reader sees them as Latin letters.
//
// The rules (after 中文文案排版指北 and the W3C's Requirements for Chinese Text Layout, §3.2, as this book applies them):
//   1. no half-width , . : ; ? ! ( ) directly after a Chinese character: Chinese text takes full-width punctuation;
//   2. a space between a Chinese character and a Latin letter, a digit, inline code or inline math, on either side;
//   3. no half-width , ; : ? ! leading into Chinese (“*Learning*, 第 2 章” takes “，”), even across a space.
// Allowed, as those guides and the book allow:
//   - no space between a Chinese character and full-width punctuation, or between a number and %, °, ′, ² …
//     (those signs are neither letters nor digits, so rule 2 never sees them);
//   - Latin text in full-width brackets touches them: “（perceptron）”, “「run」”;
//   - a digit or letter inside an emphasis or link still counts: the marks are not what a reader sees.
import { readFileSync } from "node:fs";
import { fromMarkdown } from "mdast-util-from-markdown";
import { mdxjs } from "micromark-extension-mdxjs";
import { mdxFromMarkdown } from "mdast-util-mdx";
import { gfm } from "micromark-extension-gfm";
import { gfmFromMarkdown } from "mdast-util-gfm";
import { math } from "micromark-extension-math";
import { mathFromMarkdown } from "mdast-util-math";
import { parse as parseYaml } from "yaml";

/** One typography problem: where it is, which rule, and the text around it. */
export interface TypographyProblem {
  line: number;
  rule: "half-width punctuation after Chinese" | "no space between Chinese and Latin" | "half-width punctuation before Chinese" | "parentheses inside parentheses";
  context: string;
}

/** Han characters (CJK unified ideographs and extension A); kana and Hangul never occur in this book. */
const HAN = "\\u3400-\\u4dbf\\u4e00-\\u9fff";
/** Stands for inline code or inline math in the flattened text: Latin to the reader. */
const LATIN_ATOM = "\u{E000}";
const HALF_WIDTH_AFTER_HAN = new RegExp(`[${HAN}][,.:;?!()]`, "gu");
/** Rule 3, where rule 1 has not already caught it (a Chinese character on both sides). */
const HALF_WIDTH_BEFORE_HAN = new RegExp(`(?<![${HAN}])[,;:?!] ?[${HAN}]`, "gu");
const HAN_TOUCHING_LATIN = new RegExp(`[${HAN}][A-Za-z0-9${LATIN_ATOM}]|[A-Za-z0-9${LATIN_ATOM}][${HAN}]`, "gu");
/** Bare URLs are not prose. */
const URL_PATTERN = /\bhttps?:\/\/\S+/g;

interface Node {
  type: string;
  value?: string;
  children?: Node[];
  position?: { start: { line: number } };
}

/** A paragraph-like block's text as the reader sees it, with inline code and math as one Latin mark each. */
function flatten(node: Node): string {
  switch (node.type) {
    case "text":
      return (node.value ?? "").replace(URL_PATTERN, (url) => "a".repeat(url.length));
    case "inlineCode":
    case "inlineMath":
      return LATIN_ATOM;
    case "break":
      return "\n";
    case "mdxTextExpression":
      return LATIN_ATOM;
    default:
      return (node.children ?? []).map(flatten).join("");
  }
}

/** Blocks whose children are inline text. */
const INLINE_PARENTS = new Set(["paragraph", "heading", "tableCell"]);

/**
 * Where a full-width parenthesis opens inside another: Chinese gives an aside one bracket (or dashes), and a term's
 * English in brackets inside an aside reads as a stutter, （一个引擎（autograd））. A book's title in 《》 keeps its own.
 */
function findNestedParentheses(text: string): number[] {
  const found: number[] = [];
  let depth = 0;
  let inTitle = 0;
  // By UTF-16 unit, as the other rules' match indices are: the brackets are all in the BMP.
  for (let index = 0; index < text.length; index++) {
    const character = text[index];
    if (character === "《") inTitle += 1;
    else if (character === "》") inTitle = Math.max(0, inTitle - 1);
    else if (character === "（" && inTitle === 0) {
      if (depth > 0) found.push(index);
      depth += 1;
    } else if (character === "）" && inTitle === 0) depth = Math.max(0, depth - 1);
  }
  return found;
}

/** Runs the four rules over a block of prose that starts at `line`. */
export function lintText(text: string, line: number): TypographyProblem[] {
  const problems: TypographyProblem[] = [];
  const show = (index: number) => text.slice(Math.max(0, index - 12), index + 14).replaceAll(LATIN_ATOM, "$…$").replace(/\n/g, " ");
  const lineOf = (index: number) => line + (text.slice(0, index).match(/\n/g)?.length ?? 0);
  for (const match of text.matchAll(HALF_WIDTH_AFTER_HAN)) {
    problems.push({ line: lineOf(match.index), rule: "half-width punctuation after Chinese", context: show(match.index) });
  }
  for (const match of text.matchAll(HALF_WIDTH_BEFORE_HAN)) {
    problems.push({ line: lineOf(match.index), rule: "half-width punctuation before Chinese", context: show(match.index) });
  }
  for (const match of text.matchAll(HAN_TOUCHING_LATIN)) {
    problems.push({ line: lineOf(match.index), rule: "no space between Chinese and Latin", context: show(match.index) });
  }
  for (const index of findNestedParentheses(text)) {
    problems.push({ line: lineOf(index), rule: "parentheses inside parentheses", context: show(index) });
  }
  return problems;
}

/** The typography problems of one Chinese MDX file's prose and frontmatter. */
export function lintChineseMdx(file: string): TypographyProblem[] {
  const source = readFileSync(file, "utf8");
  const front = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(source);
  const body = front ? source.slice(front[0].length) : source;
  const offset = front ? front[0].split("\n").length - 1 : 0;
  const problems: TypographyProblem[] = [];
  if (front) {
    const data = parseYaml(front[1]) ?? {};
    const lines = front[1].split("\n");
    for (const key of ["title", "summary", "description", "objectives"]) {
      for (const value of [data[key] ?? []].flat()) {
        if (typeof value !== "string") continue;
        const at = lines.findIndex((l) => l.includes(value.slice(0, 8)));
        problems.push(...lintText(value, at + 2));
      }
    }
  }
  const tree = fromMarkdown(body, {
    extensions: [mdxjs(), gfm(), math()],
    mdastExtensions: [mdxFromMarkdown(), gfmFromMarkdown(), mathFromMarkdown()],
  }) as Node;
  const visit = (node: Node) => {
    if (INLINE_PARENTS.has(node.type)) {
      problems.push(...lintText(flatten(node), (node.position?.start.line ?? 1) + offset));
      return;
    }
    for (const child of node.children ?? []) visit(child);
  };
  visit(tree);
  return problems;
}
