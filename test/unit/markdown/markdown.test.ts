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
import { rehypeIndexMathOnce } from "../../../src/markdown/mathSearch";

async function renderMarkdown(markdown: string): Promise<string> {
  const file = new VFile({ path: "content/example.mdx", value: markdown });
  const result = await unified()
    .use(remarkParse)
    .use(remarkMath)
    .use(remarkEquationNumbers)
    .use(remarkFailOnBadMath)
    .use(remarkRehype)
    .use(rehypeKatex)
    .use(rehypeIndexMathOnce)
    .use(rehypeStringify)
    .process(file);
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
