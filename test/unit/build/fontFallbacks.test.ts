import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { SYSTEM_SERIFS, fallbackFamily, fallbackStylesheet, measureFont } from "../../../scripts/fonts/fallbacks.mjs";

// Issue #15: the first screen is painted in a system serif sized to Source Serif 4, so nothing wraps anew when it arrives.
const committed = readFileSync("src/styles/fontFallbacks.css", "utf8");
const global = readFileSync("src/styles/global.css", "utf8");
const chinese = readFileSync("src/styles/i18n.css", "utf8");
const proseStack = (css: string) => css.match(/--font-prose:([^;]+);/)![1];
const displayStack = (css: string) => css.match(/--font-display:([^;]+);/)![1].replace(/\s+/g, " ").trim();
/** The face that names the system's CJK font in the Chinese edition. */
const CJK_FACE = "Book CJK Sans";
/** The @font-face bodies of one family in a stylesheet. */
const faceBodies = (css: string, family: string) => css.split("@font-face").filter((body) => body.includes(`font-family: "${family}";`));
/** The code point ranges of unicode-range descriptors, as [first, last]. */
const ranges = (css: string) =>
  [...css.matchAll(/unicode-range:([^;]+);/g)].flatMap(([, list]) =>
    [...list.matchAll(/U\+([0-9A-F]+)(?:-([0-9A-F]+))?/gi)].map(([, from, to]) => [parseInt(from, 16), parseInt(to ?? from, 16)] as const),
  );

describe("the fallback faces", () => {
  it("are the ones the book's font files give (else run npm run fonts)", async () => {
    expect(committed).toBe(await fallbackStylesheet());
  });

  it("scale a Times-metric serif to Source Serif 4's average letter width, measured on Liberation Serif's own file", async () => {
    const times = SYSTEM_SERIFS.find((serif) => serif.locals.includes("Liberation Serif"))!;
    expect((await measureFont("/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf")).widthPerEm).toBeCloseTo(times.widthPerEm, 4);
    const text = await measureFont("src/fonts/source-serif-4-latin-opsz-normal.woff2");
    const face = committed.split("@font-face").find((body) => body.includes(`"${fallbackFamily("Source Serif 4", times)}"`))!;
    expect(Number(face.match(/size-adjust: ([\d.]+)%/)![1]) / 100).toBeCloseTo(text.widthPerEm / times.widthPerEm, 3);
  });

  it("stand in the prose stack of both editions and the headings' stack right after the web face, with no unscaled Latin serif before them", () => {
    const fallbacks = SYSTEM_SERIFS.map((serif) => `"${fallbackFamily("Source Serif 4", serif)}"`).join(", ");
    const display = SYSTEM_SERIFS.map((serif) => `"${fallbackFamily("Source Serif 4 Display", serif)}"`).join(", ");
    // The Chinese edition's CJK face comes first (src/styles/i18n.css); Latin text passes over it to the fallbacks (below).
    const chineseFace = `"${CJK_FACE}", `;
    for (const [stack, before] of [
      [proseStack(global), ""],
      [proseStack(chinese), chineseFace],
    ]) {
      expect(stack.trim().startsWith(`"Source Serif 4", ${before}${fallbacks},`)).toBe(true);
      expect(stack.replace(fallbacks, "")).not.toMatch(/Georgia|Iowan|Palatino|Times/);
    }
    expect(displayStack(global)).toBe(`"Source Serif 4 Display", ${display}, var(--font-prose)`);
    expect(displayStack(chinese)).toBe(`"Source Serif 4 Display", ${chineseFace}${display}, var(--font-prose)`);
    expect(global.replace(/\s+/g, " ")).toMatch(/h1, h2 \{ font-family: var\(--font-display\); \}/);
    // No character the web faces set (so none their fallbacks stand in for) is one the CJK face takes first.
    const webFaces = readFileSync("src/styles/fonts.css", "utf8");
    const cjkRanges = ranges(faceBodies(chinese, CJK_FACE).join(""));
    const webRanges = ranges([...faceBodies(webFaces, "Source Serif 4"), ...faceBodies(webFaces, "Source Serif 4 Display")].join(""));
    expect(cjkRanges.length).toBeGreaterThan(0);
    expect(webRanges.length).toBeGreaterThan(0);
    for (const [from, to] of cjkRanges) expect(webRanges.filter(([low, high]) => low <= to && from <= high)).toEqual([]);
  });
});
