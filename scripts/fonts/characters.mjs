// What the book's font subsets must hold, shared by the subsetting script and the test that it was re-run.
import { readFileSync, readdirSync, statSync } from "node:fs";
import { dirname, extname, join } from "node:path";

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

/** Code points the book's sources and the base set contain. */
export function bookCharacters() {
  const points = new Set();
  for (const [from, to] of baseRanges) for (let point = from; point <= to; point += 1) points.add(point);
  const walk = (folder) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (sourceTypes.has(extname(name)) && !path.endsWith("fonts.css")) {
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
export function parseRange(text) {
  return text.split(",").map((part) => {
    const [from, to] = part.trim().replace(/^U\+/i, "").split("-");
    return [parseInt(from, 16), parseInt(to ?? from, 16)];
  });
}

/** Writes code points as a compact unicode-range. */
export function formatRange(points) {
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
export function parseFaces(cssPath) {
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

