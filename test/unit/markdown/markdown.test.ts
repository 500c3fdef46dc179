import { describe, expect, it } from "vitest";
import { unified } from "unified";
import remarkParse from "remark-parse";
import remarkMath from "remark-math";
import remarkRehype from "remark-rehype";
import rehypeKatex from "rehype-katex";
import rehypeStringify from "rehype-stringify";
import { VFile } from "vfile";
import { remarkEquationNumbers } from "../../../src/markdown/equationNumbers";
import { remarkFailOnBadMath } from "../../../src/markdown/mathErrors";
import { rehypeIndexMathOnce } from "../../../src/markdown/indexMathOnce";
import { rehypeKeepPunctuation } from "../../../src/markdown/keepPunctuation";
import { parseHTML } from "linkedom";
import type { Root } from "hast";

async function renderMarkdown(markdown: string, { punctuation = false } = {}): Promise<string> {
  const file = new VFile({ path: "content/example.mdx", value: markdown });
  const processor = unified().use(remarkParse).use(remarkMath).use(remarkEquationNumbers).use(remarkFailOnBadMath).use(remarkRehype).use(rehypeKatex).use(rehypeIndexMathOnce);
  if (punctuation) processor.use(rehypeKeepPunctuation);
  const result = await processor.use(rehypeStringify).process(file);
  return String(result);
}

describe("equation numbers", () => {
  it("numbers labelled display equations in order and links references to them", async () => {
    const html = await renderMarkdown(
      ["$$", "a = b", "\\label{first}", "$$", "", "$$", "c = d", "\\label{second}", "$$", "", "See $\\eqref{second}$ and $\\eqref{first}$."].join("\n"),
    );
    expect(html).toContain('id="eq-first"');
    expect(html).toContain('id="eq-second"');
    expect(html).toMatch(/<a href="#eq-second" class="eqref">\(2\)<\/a>/);
    expect(html).toMatch(/<a href="#eq-first" class="eqref">\(1\)<\/a>/);
    expect(html).not.toContain("\\label");
  });

  it("fails on a reference to a label that does not exist", async () => {
    await expect(renderMarkdown("See $\\eqref{missing}$.")).rejects.toThrow(/content\/example\.mdx.*missing/);
  });

  it("fails on a label used twice", async () => {
    await expect(renderMarkdown("$$\nx\n\\label{a}\n$$\n\n$$\ny\n\\label{a}\n$$")).rejects.toThrow(/used twice/);
  });
});

describe("bad TeX", () => {
  it("fails the build naming the file, the line and KaTeX's complaint", async () => {
    await expect(renderMarkdown("Fine text.\n\nBroken $\\frac{1}{$ here.")).rejects.toThrow(/content\/example\.mdx:3:\d+.*KaTeX/s);
  });

  it("fails on an unknown command in display math", async () => {
    await expect(renderMarkdown("$$\n\\notacommand{x}\n$$")).rejects.toThrow(/example\.mdx:1:.*notacommand/s);
  });

  it("lets good TeX through", async () => {
    const html = await renderMarkdown("$$\n\\frac{\\partial E}{\\partial w} = \\delta\n$$");
    expect(html).toContain('class="katex-display"');
  });
});

describe("math in the search index", () => {
  it("hides the glyphs from Pagefind, keeping the MathML once, and writes no TeX annotation", async () => {
    const html = await renderMarkdown("Inline $\\eta$ and $\\frac{a}{b}$ here.");
    expect(html).toMatch(/class="katex-html"[^>]*data-pagefind-ignore="all"/);
    expect(html).not.toMatch(/<math[^>]*data-pagefind-ignore/);
    expect(html.match(/<math\b[^>]*><semantics><mrow><mi>η<\/mi><\/mrow><\/semantics><\/math>/)).not.toBeNull();
    expect(html).toMatch(/<mfrac><mi>a<\/mi><mi>b<\/mi><\/mfrac>/);
    expect(html).not.toContain("<annotation");
    expect(html).not.toContain("\\frac");
  });
});

describe("punctuation after an inline formula or component", () => {
  const render = (markdown: string) => renderMarkdown(markdown, { punctuation: true });
  /** What each with-punctuation span holds after its formula, and the text that follows the span. */
  const tails = (html: string) =>
    [...parseHTML(`<!DOCTYPE html><html><body>${html}</body></html>`).document.querySelectorAll(".with-punctuation")].map((tail) => {
      expect(tail.firstElementChild?.className).toBe("katex");
      return [tail.lastChild?.textContent, tail.nextSibling?.textContent ?? ""];
    });

  it("keeps a short formula and the punctuation after it in one span that does not wrap, the rest of the text outside", async () => {
    const html = await render("The weight runs to $h_2$. Then $x$, and $\\eta$) ends.");
    expect(tails(html)).toEqual([
      [".", " Then "],
      [",", " and "],
      [")", " ends."],
    ]);
  });

  it("does the same for Chinese punctuation", async () => {
    const html = await render("权重 $w_5$，学习率 $\\eta$。");
    expect(tails(html)).toEqual([
      ["，", "学习率 "],
      ["。", ""],
    ]);
  });

  it("keeps an opening bracket or quotation mark with the formula after it, with or without punctuation after", async () => {
    const html = await render("the momentum ($\\alpha$), then “$x$ and” and ($\\eta$ is small) and （$w$）。");
    const spans = [...parseHTML(`<!DOCTYPE html><html><body>${html}</body></html>`).document.querySelectorAll(".with-punctuation")];
    expect(spans.map((span) => [span.firstChild?.textContent, span.firstElementChild?.className, span.lastChild?.nodeType === 3 ? span.lastChild.textContent : null])).toEqual([
      ["(", "katex", "),"],
      ["“", "katex", null],
      ["(", "katex", null],
      ["（", "katex", "）。"],
    ]);
    expect(spans.map((span) => span.previousSibling?.textContent)).toEqual(["the momentum ", " then ", " and” and ", " is small) and "]);
  });

  it("keeps an inline component (a <Param> in a sentence) with the punctuation after it", () => {
    const param = { type: "mdxJsxTextElement", name: "Param", attributes: [], children: [] };
    const paragraph = { type: "element", tagName: "p", properties: {}, children: [{ type: "text", value: "the rate " }, param, { type: "text", value: ", then more" }] };
    const tree = { type: "root", children: [paragraph] } as unknown as Root;
    rehypeKeepPunctuation()(tree);
    expect(paragraph.children).toEqual([
      { type: "text", value: "the rate " },
      { type: "element", tagName: "span", properties: { className: ["with-punctuation"] }, children: [param, { type: "text", value: "," }] },
      { type: "text", value: " then more" },
    ]);
  });

  it("leaves alone a formula followed by a word, a display formula, and a formula too long to keep on one line", async () => {
    const long = "$\\|\\tilde w + \\eta s \\tilde x\\|^2 = \\|\\tilde w\\|^2 + 2 \\eta s (\\tilde w \\cdot \\tilde x) + \\eta^2 \\|\\tilde x\\|^2$.";
    const html = await render(["Take $x$ and go.", "", "$$", "a = b", "$$", "", long].join("\n"));
    expect(html).not.toContain("with-punctuation");
    expect(html).toContain("katex-display");
  });
});
