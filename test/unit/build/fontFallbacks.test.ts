import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { SYSTEM_SERIFS, fallbackFamily, fallbackStylesheet, measureFont } from "../../../scripts/fonts/fallbacks.mjs";

// Issue #15: the first screen is painted in a system serif sized to Source Serif 4, so nothing wraps anew when it arrives.
const committed = readFileSync("src/styles/fontFallbacks.css", "utf8");
const global = readFileSync("src/styles/global.css", "utf8");
const chinese = readFileSync("src/styles/i18n.css", "utf8");
const proseStack = (css: string) => css.match(/--font-prose:([^;]+);/)![1];

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
    for (const stack of [proseStack(global), proseStack(chinese)]) {
      expect(stack.trim().startsWith(`"Source Serif 4", ${fallbacks},`)).toBe(true);
      expect(stack.replace(fallbacks, "")).not.toMatch(/Georgia|Iowan|Palatino|Times/);
    }
    const display = SYSTEM_SERIFS.map((serif) => `"${fallbackFamily("Source Serif 4 Display", serif)}"`).join(", ");
    expect(global.replace(/\s+/g, " ")).toContain(`font-family: "Source Serif 4 Display", ${display}, var(--font-prose);`);
  });
});
