import { describe, expect, it } from "vitest";
import { preloadPageFonts } from "../../../src/build/fontPreloads";

const css =
  "<style>@font-face{src:url(/b/_astro/KaTeX_Main-Regular-subset.X1.woff2)}@font-face{src:url(/b/_astro/KaTeX_Math-Italic-subset.X2.woff2)}" +
  "@font-face{src:url(/b/_astro/jetbrains-mono-latin-wght-normal.X3.woff2)}@font-face{src:url(/b/_astro/source-serif-4-latin-opsz-italic.X4.woff2)}</style>";
const head = `<head><link rel="preload" href="/b/_astro/serif.woff2" as="font" type="font/woff2" crossorigin>${css}</head>`;
const preloads = (html: string) => [...html.matchAll(/<link rel="preload" href="([^"]+)"/g)].map(([, url]) => url);

describe("preloadPageFonts", () => {
  it("preloads the math, code and italic fonts a page uses, at the URLs its styles name, before its own preloads", () => {
    const page = `${head}<body><span class="katex"><span class="mord mathnormal">w</span></span><em>so</em><code>x</code></body>`;
    expect(preloads(preloadPageFonts(page))).toEqual([
      "/b/_astro/KaTeX_Main-Regular-subset.X1.woff2",
      "/b/_astro/KaTeX_Math-Italic-subset.X2.woff2",
      "/b/_astro/source-serif-4-latin-opsz-italic.X4.woff2",
      "/b/_astro/jetbrains-mono-latin-wght-normal.X3.woff2",
      "/b/_astro/serif.woff2",
    ]);
  });

  it("preloads the code face for a param's number in a sentence, and the regular face of a family, not a bolder one", () => {
    const bolder = "<style>@font-face{src:url(/b/_astro/jetbrains-mono-latin-wght-normal-700.Y1.woff2)}</style>";
    const page = `<head><link rel="preload" href="/b/_astro/serif.woff2" as="font" type="font/woff2" crossorigin>${bolder}${css}</head><body><p>A rate <nb-param></nb-param>.</p></body>`;
    expect(preloads(preloadPageFonts(page))).toEqual(["/b/_astro/jetbrains-mono-latin-wght-normal.X3.woff2", "/b/_astro/serif.woff2"]);
  });

  it("preloads no italic for emphasis on a Chinese page, which sets it upright and bold", () => {
    const page = `<html lang="zh-CN">${head}<body><p>强调<em>这里</em>，代码 <code>x</code></p></body></html>`;
    expect(preloads(preloadPageFonts(page))).toEqual(["/b/_astro/jetbrains-mono-latin-wght-normal.X3.woff2", "/b/_astro/serif.woff2"]);
  });

  it("preloads nothing a page does not use, and nothing twice", () => {
    const page = `${head}<body><p>Plain text.</p></body>`;
    expect(preloadPageFonts(page)).toBe(page);
    const once = preloadPageFonts(`${head}<body><code>x</code></body>`);
    expect(preloadPageFonts(once)).toBe(once);
  });

  it("preloads what the opening and the first part use, which the browser renders at load on every phone; fonts first used in a later part are left to load on approach", () => {
    const page = `${head}<body><p>Opening with <em>one</em> word.</p><div class="chapter-part"><span class="katex">w</span></div><div class="chapter-part"><code>x</code></div><div class="chapter-part"><code>x</code></div></body>`;
    expect(preloads(preloadPageFonts(page))).toEqual(["/b/_astro/KaTeX_Main-Regular-subset.X1.woff2", "/b/_astro/source-serif-4-latin-opsz-italic.X4.woff2", "/b/_astro/serif.woff2"]);
  });

  it("preloads KaTeX's delimiter and operator sizes by the classes its stylesheet sets in them", () => {
    const sizes = "<style>@font-face{src:url(/b/_astro/KaTeX_Size1-Regular-subset.S1.woff2)}@font-face{src:url(/b/_astro/KaTeX_Size2-Regular-subset.S2.woff2)}@font-face{src:url(/b/_astro/KaTeX_Size4-Regular-subset.S4.woff2)}</style>";
    const page = (math: string) => `<head><link rel="preload" href="/b/_astro/serif.woff2" as="font" type="font/woff2" crossorigin>${sizes}</head><body>${math}</body>`;
    expect(preloads(preloadPageFonts(page('<span class="mopen delimsizing size1">(</span>')))).toEqual(["/b/_astro/KaTeX_Size1-Regular-subset.S1.woff2", "/b/_astro/serif.woff2"]);
    expect(preloads(preloadPageFonts(page('<span class="mop op-symbol large-op">∑</span>')))).toEqual(["/b/_astro/KaTeX_Size2-Regular-subset.S2.woff2", "/b/_astro/serif.woff2"]);
    expect(preloads(preloadPageFonts(page('<span class="delimsizing mult"><span class="delim-size4">⎛</span></span>')))).toEqual(["/b/_astro/KaTeX_Size4-Regular-subset.S4.woff2", "/b/_astro/serif.woff2"]);
    // "sizing reset-size6 size3" is a font size, not the Size3 delimiter font.
    expect(preloads(preloadPageFonts(page('<span class="sizing reset-size6 size3">x</span>')))).toEqual(["/b/_astro/serif.woff2"]);
  });

  it("preloads the Greek of the face a Greek letter is set in: prose or code, not math, which KaTeX sets in its own fonts", () => {
    const greek = "<style>@font-face{src:url(/b/_astro/source-serif-4-greek-opsz-normal.G1.woff2)}@font-face{src:url(/b/_astro/jetbrains-mono-greek-wght-normal.G2.woff2)}</style>";
    const page = (body: string) => `<head><title>η</title><link rel="preload" href="/b/_astro/serif.woff2" as="font" type="font/woff2" crossorigin>${greek}</head><body>${body}</body>`;
    const serifGreek = "/b/_astro/source-serif-4-greek-opsz-normal.G1.woff2";
    const monoGreek = "/b/_astro/jetbrains-mono-greek-wght-normal.G2.woff2";
    expect(preloads(preloadPageFonts(page("<p>The rate η sets the step.</p>")))).toEqual([serifGreek, "/b/_astro/serif.woff2"]);
    expect(preloads(preloadPageFonts(page("<p>A rate <code>η = 0.1</code>.</p>")))).toContain(monoGreek);
    expect(preloads(preloadPageFonts(page("<p>A rate <code>η = 0.1</code>.</p>")))).not.toContain(serifGreek);
    const math = '<p>A rate <span class="katex"><span class="katex-mathml"><math><mi>η</mi></math></span><span class="katex-html"><span class="mord">η</span></span></span> here.</p>';
    expect(preloads(preloadPageFonts(page(math)))).not.toContain(serifGreek);
    expect(preloads(preloadPageFonts(page(`${math}<p>and ε after it</p>`)))).toContain(serifGreek);
  });
});
