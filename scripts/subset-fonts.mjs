// `npm run fonts`: regenerates src/fonts/*.woff2 and src/styles/fonts.css, the book's web fonts cut down to the
// characters it uses. Fontsource ships Source Serif 4 and JetBrains Mono split by script (latin, latin-ext, greek,
// ...); each split file is subset to the book's characters within its range, and @font-face rules name exactly
// those characters, so a page downloads a file only when it shows one of them (italic and Greek only where used).
// Run it after adding text with characters outside the base set below; committed output keeps builds offline.
import { readFileSync, readdirSync, writeFileSync, mkdirSync, rmSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, extname } from "node:path";
import subsetFont from "subset-font";

const require = createRequire(import.meta.url);
const outFonts = "src/fonts";
const outCss = "src/styles/fonts.css";

// Printable ASCII, typographic punctuation, Greek letters and the math signs prose uses, so ordinary new text
// never falls back; the sources add whatever else the book writes (all of Latin-1 would cost 30 KiB a face).
const baseRanges = [
  [0x20, 0x7e],
  [0xa0, 0xa0],
  [0xb7, 0xb7],
  [0xd7, 0xd7],
  [0x2010, 0x2027],
  [0x2030, 0x203a],
  [0x0391, 0x03a9],
  [0x03b1, 0x03c9],
  [0x2190, 0x2193],
  [0x2202, 0x2202],
  [0x2207, 0x2207],
  [0x2212, 0x2212],
  [0x2248, 0x2248],
  [0x2260, 0x2265],
];
const sourceFolders = ["content", "src", "components"];
const sourceTypes = new Set([".mdx", ".md", ".astro", ".ts", ".css"]);

// The optical-size axis more than doubles a serif file; it is pinned at the body text's size (18 px). Weights
// below 400 cost a third of a file, and only the home page's large chapter numbers use one (300): they get their
// own face of ten digits at their size.
const serifAxes = { opsz: 18, wght: { min: 400, max: 700 } };
const digits = new Set([..."0123456789"].map((digit) => digit.codePointAt(0)));

/** The faces written: a Fontsource stylesheet, the axes kept, optionally only some characters, files, another family. */
const families = [
  { css: "@fontsource-variable/source-serif-4/opsz.css", axes: serifAxes },
  { css: "@fontsource-variable/source-serif-4/opsz-italic.css", axes: serifAxes },
  { css: "@fontsource-variable/source-serif-4/opsz.css", axes: { opsz: 36, wght: 300 }, only: digits, suffix: "-light" },
  // Headings (h1, h2: 26-54 px, weight 650) keep their display optical size in a face of their own.
  { css: "@fontsource-variable/source-serif-4/opsz.css", axes: { opsz: 32, wght: 650 }, file: /-latin-opsz/, suffix: "-display", family: "Source Serif 4 Display" },
  { css: "@fontsource-variable/jetbrains-mono/wght.css", axes: { wght: { min: 400, max: 700 } } },
];

/** Code points the book's sources and the base set contain. */
function bookCharacters() {
  const points = new Set();
  for (const [from, to] of baseRanges) for (let point = from; point <= to; point += 1) points.add(point);
  const walk = (folder) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (sourceTypes.has(extname(name)) && !path.startsWith(outCss)) {
        for (const character of readFileSync(path, "utf8")) {
          const point = character.codePointAt(0);
          if (point >= 0x20 && !(point >= 0xe000 && point <= 0xf8ff)) points.add(point);
        }
      }
    }
  };
  for (const folder of sourceFolders) walk(folder);
  return points;
}

/** Parses "U+0000-00FF,U+0131" into [from, to] pairs. */
function parseRange(text) {
  return text.split(",").map((part) => {
    const [from, to] = part.trim().replace(/^U\+/i, "").split("-");
    return [parseInt(from, 16), parseInt(to ?? from, 16)];
  });
}

/** Writes code points as a compact unicode-range. */
function formatRange(points) {
  const sorted = [...points].sort((a, b) => a - b);
  const parts = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j += 1;
    const hex = (point) => point.toString(16).toUpperCase().padStart(4, "0");
    parts.push(i === j ? `U+${hex(sorted[i])}` : `U+${hex(sorted[i])}-${hex(sorted[j])}`);
    i = j + 1;
  }
  return parts.join(",");
}

/** The @font-face blocks of a Fontsource stylesheet. */
function parseFaces(cssPath) {
  const css = readFileSync(cssPath, "utf8");
  return [...css.matchAll(/@font-face\s*{([^}]*)}/g)].map(([, body]) => {
    const field = (name) => body.match(new RegExp(`${name}:\\s*([^;]+);`))?.[1].trim();
    return {
      family: field("font-family").replace(/['"]/g, ""),
      style: field("font-style"),
      weight: field("font-weight"),
      file: join(dirname(cssPath), field("src").match(/url\(([^)]+)\)/)[1]),
      range: parseRange(field("unicode-range")),
    };
  });
}

const characters = bookCharacters();
rmSync(outFonts, { recursive: true, force: true });
mkdirSync(outFonts, { recursive: true });
const blocks = [];
let total = 0;
for (const { css, axes, only, suffix = "", file, family } of families) {
  for (const face of parseFaces(require.resolve(css))) {
    if (file && !file.test(face.file)) continue;
    const inFace = (point) => face.range.some(([from, to]) => point >= from && point <= to) && (!only || only.has(point));
    const kept = [...characters].filter(inFace);
    if (kept.length === 0) continue;
    const name = face.file.split("/").pop().replace(".woff2", `${suffix}.woff2`);
    const font = await subsetFont(readFileSync(face.file), String.fromCodePoint(...kept), { targetFormat: "woff2", variationAxes: axes });
    writeFileSync(join(outFonts, name), font);
    total += font.length;
    const weight = typeof axes.wght === "number" ? axes.wght : `${axes.wght.min} ${axes.wght.max}`;
    blocks.push(
      `@font-face {\n  font-family: "${family ?? face.family}";\n  font-style: ${face.style};\n  font-display: swap;\n  font-weight: ${weight};\n` +
        `  src: url(../fonts/${name}) format("woff2");\n  unicode-range: ${formatRange(kept)};\n}`,
    );
    console.log(`${name}: ${kept.length} characters, ${(font.length / 1024).toFixed(1)} KiB`);
  }
}
const header = "/* Generated by scripts/subset-fonts.mjs (npm run fonts): the book's fonts, subset to its characters. */\n\n";
writeFileSync(outCss, header + blocks.join("\n\n") + "\n");
console.log(`${blocks.length} faces, ${(total / 1024).toFixed(1)} KiB in all`);
