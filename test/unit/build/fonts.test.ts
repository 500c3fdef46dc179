import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { bookCharacters, parseFaces, parseRange } from "../../../scripts/fonts/characters.mjs";

const generated = readFileSync("src/styles/fonts.css", "utf8");

/** The characters the committed @font-face rules of one family and style cover. */
function covered(family: string, style: string): [number, number][] {
  const faces = [...generated.matchAll(/@font-face\s*{([^}]*)}/g)].map(([, body]) => body);
  return faces
    .filter((body) => body.includes(`font-family: "${family}"`) && body.includes(`font-style: ${style};`))
    .flatMap((body) => parseRange(body.match(/unicode-range:\s*([^;]+);/)![1]));
}

const inRanges = (point: number, ranges: [number, number][]) => ranges.some(([from, to]) => point >= from && point <= to);

describe("the subset fonts", () => {
  const stylesheets = [
    { css: "@fontsource-variable/source-serif-4/opsz.css", family: "Source Serif 4 Variable", style: "normal" },
    { css: "@fontsource-variable/source-serif-4/opsz-italic.css", family: "Source Serif 4 Variable", style: "italic" },
    { css: "@fontsource-variable/jetbrains-mono/wght.css", family: "JetBrains Mono Variable", style: "normal" },
  ];

  it.each(stylesheets)("cover every character the book writes that $family ($style) has (else run npm run fonts)", ({ css, family, style }) => {
    const original = parseFaces(createRequire(import.meta.url).resolve(css)).flatMap((face) => face.range);
    const ranges = covered(family, style);
    const missing = [...bookCharacters()].filter((point) => inRanges(point, original) && !inRanges(point, ranges));
    expect(missing.map((point) => String.fromCodePoint(point))).toEqual([]);
  });

  it("name a font file for every face, and nothing from another site", () => {
    const sources = [...generated.matchAll(/src:\s*([^;]+);/g)].map(([, src]) => src);
    expect(sources.length).toBeGreaterThan(10);
    for (const src of sources) expect(src).toMatch(/^url\(\.\.\/fonts\/[\w-]+\.woff2\) format\("woff2"\)$/);
  });
});
