// A web font that arrives after the first layout makes the browser shape and lay out again every piece of text set in
// it; on a chapter with hundreds of formulas that is most of the page, several times over. The fonts a page uses
// on the first screen are preloaded, so they arrive with the page instead of after the parser has reached the first
// formula. A chapter's parts below its opening (src/build/chapterSections.ts) are not rendered until the reader
// nears them, and neither are their fonts fetched: preloading those would only spend a phone's link before it is needed.
import { PART_CLASS } from "./chapterSections.ts";

/** A font file (by the start of its name) and the mark in a page's HTML that says the page uses it. */
const fontsByUse: { file: string; used: RegExp; unusedIn?: RegExp }[] = [
  { file: "KaTeX_Main-Regular-subset", used: /class="katex"/ },
  { file: "KaTeX_Math-Italic-subset", used: /class="[^"]*\bmathnormal\b/ },
  // The Chinese edition sets emphasis upright and bold (i18n.css), so <em> there needs no italic.
  { file: "source-serif-4-latin-opsz-italic", used: /<em>/, unusedIn: /<html[^>]*\slang="zh/ },
  // A param's number in a sentence is set in the code face too.
  { file: "jetbrains-mono-latin-wght-normal", used: /<code\b|<nb-cell\b|<nb-param\b/ },
];

/** The page up to its first part rendered only on approach: the whole page when it has none. */
function findFirstScreen(html: string): string {
  const first = html.indexOf(`<div class="${PART_CLASS}"`);
  return first < 0 ? html : html.slice(0, first);
}

/** Adds a preload link for each font the page's first screen uses (math, emphasis, code), before its first preload. */
export function preloadPageFonts(html: string): string {
  const anchor = html.indexOf('<link rel="preload"');
  if (anchor < 0) return html;
  const firstScreen = findFirstScreen(html);
  const links = fontsByUse
    .filter(({ used, unusedIn }) => used.test(firstScreen) && !unusedIn?.test(html))
    // The regular face only: "…-italic.<hash>.woff2", not "…-italic-700.<hash>.woff2".
    .map(({ file }) => html.match(new RegExp(`url\\(([^)]*/${file}\\.[\\w-]+\\.woff2)\\)`))?.[1])
    .filter((url): url is string => url !== undefined && !html.includes(`<link rel="preload" href="${url}"`))
    .map((url) => `<link rel="preload" href="${url}" as="font" type="font/woff2" crossorigin>`);
  return html.slice(0, anchor) + links.join("") + html.slice(anchor);
}
