import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { bookCharacters, parseFaces, parseRange } from "../../../scripts/fonts/characters.mjs";

const generated = readFileSync("src/styles/fonts.css", "utf8");

/** The characters the committed @font-face rules of one family, style and weight cover. */
function covered(family: string, style: string, weight: number | string): [number, number][] {
  const faces = [...generated.matchAll(/@font-face\s*{([^}]*)}/g)].map(([, body]) => body);
  return faces
    .filter((body) => body.includes(`font-family: "${family}";`) && body.includes(`font-style: ${style};`) && body.includes(`font-weight: ${weight};`))
    .flatMap((body) => parseRange(body.match(/unicode-range:\s*([^;]+);/)![1]));
}

const inRanges = (point: number, ranges: [number, number][]) => ranges.some(([from, to]) => point >= from && point <= to);

describe("the subset fonts", () => {
  // Upright text keeps the weight axis in one face; each weight of italic and code is a static face of its own,
  // and each must cover the same characters.
  const stylesheets = [
    { css: "@fontsource-variable/source-serif-4/opsz.css", family: "Source Serif 4", style: "normal", weight: "400 700" },
    ...[400, 600, 700].flatMap((weight) => [
      { css: "@fontsource-variable/source-serif-4/opsz-italic.css", family: "Source Serif 4", style: "italic", weight },
      { css: "@fontsource-variable/jetbrains-mono/wght.css", family: "JetBrains Mono", style: "normal", weight },
    ]),
  ];

  it.each(stylesheets)("cover every character the book writes that $family ($style, $weight) has (else run npm run fonts)", ({ css, family, style, weight }) => {
    const original = parseFaces(createRequire(import.meta.url).resolve(css)).flatMap((face) => face.range);
    const ranges = covered(family, style, weight);
    const missing = [...bookCharacters()].filter((point) => inRanges(point, original) && !inRanges(point, ranges));
    expect(missing.map((point) => String.fromCodePoint(point))).toEqual([]);
  });

  it("name a font file for every face, and nothing from another site", () => {
    const sources = [...generated.matchAll(/src:\s*([^;]+);/g)].map(([, src]) => src);
    expect(sources.length).toBeGreaterThan(10);
    for (const src of sources) expect(src).toMatch(/^url\(\.\.\/fonts\/[\w-]+\.woff2\) format\("woff2"\)$/);
  });

  it("set italic and code in static faces, one weight each: a weight axis nearly doubles a file, and a page fetches only the weights it shows", () => {
    const faces = [...generated.matchAll(/@font-face\s*{([^}]*)}/g)].map(([, body]) => body);
    const italicOrCode = faces.filter((body) => body.includes("font-style: italic") || body.includes('"JetBrains Mono"'));
    expect(italicOrCode.length).toBeGreaterThanOrEqual(18);
    for (const body of italicOrCode) expect(body).toMatch(/font-weight: \d{3};/);
  });
});
