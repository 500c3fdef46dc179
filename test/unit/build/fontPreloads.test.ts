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

  it("preloads only what the first screen uses: fonts first used in a part rendered on approach are left to load then", () => {
    const page = `${head}<body><p>Opening with <em>one</em> word.</p><div class="chapter-part"><code>x</code><span class="katex">w</span></div></body>`;
    expect(preloads(preloadPageFonts(page))).toEqual(["/b/_astro/source-serif-4-latin-opsz-italic.X4.woff2", "/b/_astro/serif.woff2"]);
  });
});
