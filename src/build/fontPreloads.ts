// A web font that arrives after the first layout makes the browser shape and lay out again every piece of text set in
// it, and resolve the page's fonts afresh (on gradient-descent a 3 KB delimiter font arriving late cost a 60 ms style
// pass after the first paint). The fonts a page uses at load are preloaded, so they arrive with the page instead of
// after the parser has reached the first formula. A chapter's parts (src/build/chapterSections.ts) are rendered as the
// reader nears them, and the opening and the first part at load (src/build/firstLoad.ts;
// test/browser/phone.test.ts holds each chapter to fetching no font it did not preload), so their fonts are loaded
// with the opening's.
// The second part is within that reach only on a few chapters, and only on taller phones (412 x 823, not 360 x 740);
// preloading its fonts on every chapter fetched 15-30 KB of fonts that most chapters did not use at load, all of it on
// the slow link beside the first screen's own fonts (real-data's 29 KB of KaTeX put its largest contentful paint past
// 2 s in Lighthouse's simulation). So it and the parts after it load their fonts on approach.
import { findFirstLoadEnd } from "./firstLoad.ts";

/** A font file (by the start of its name) and the mark in a page's first screen that says the page uses it. */
const fontsByUse: { file: string; used: RegExp | ((screen: FirstScreen) => boolean); unusedIn?: RegExp }[] = [
  { file: "KaTeX_Main-Regular-subset", used: /class="katex"/ },
  { file: "KaTeX_Math-Italic-subset", used: /class="[^"]*\bmathnormal\b/ },
  // KaTeX's stylesheet sets these classes in the fonts named (src/styles/katex.css).
  { file: "KaTeX_Main-Bold-subset", used: /class="[^"]*\b(?:mathbf|textbf)\b/ },
  { file: "KaTeX_Main-Italic-subset", used: /class="[^"]*\b(?:mathit|textit)\b/ },
  { file: "KaTeX_Math-BoldItalic-subset", used: /class="[^"]*\bboldsymbol\b/ },
  { file: "KaTeX_AMS-Regular-subset", used: /class="[^"]*\b(?:amsrm|mathbb|textbb)\b/ },
  { file: "KaTeX_SansSerif-Regular-subset", used: /class="[^"]*\b(?:mathsf|textsf)\b/ },
  { file: "KaTeX_Typewriter-Regular-subset", used: /class="[^"]*\b(?:mathtt|texttt)\b/ },
  { file: "KaTeX_Size1-Regular-subset", used: /class="[^"]*\b(?:small-op|delimsizing size1|delim-size1)\b/ },
  { file: "KaTeX_Size2-Regular-subset", used: /class="[^"]*\b(?:large-op|delimsizing size2)\b/ },
  { file: "KaTeX_Size3-Regular-subset", used: /class="[^"]*\bdelimsizing size3\b/ },
  { file: "KaTeX_Size4-Regular-subset", used: /class="[^"]*\b(?:delimsizing size4|delim-size4)\b/ },
  // The Chinese edition sets emphasis upright and bold (i18n.css), so <em> there needs no italic.
  { file: "source-serif-4-latin-opsz-italic", used: /<em>/, unusedIn: /<html[^>]*\slang="zh/ },
  { file: "source-serif-4-greek-opsz-normal", used: (screen) => GREEK.test(screen.prose) },
  // A param's number in a sentence is set in the code face too.
  { file: "jetbrains-mono-latin-wght-normal", used: /<code\b|<nb-cell\b|<nb-param\b/ },
  { file: "jetbrains-mono-greek-wght-normal", used: (screen) => GREEK.test(screen.code) },
  // The home page's chapter numbers (global.css, .chapter-card-number).
  { file: "source-serif-4-latin-opsz-normal-light", used: /class="chapter-card-number"/ },
];

/** The Greek letters Source Serif 4's and JetBrains Mono's Greek files hold (src/styles/fonts.css). */
const GREEK = /[\u0391-\u03a9\u03b1-\u03c9]/;

/** A page's markup up to its parts rendered later, and that markup's text set in the code face and in the prose face. */
interface FirstScreen {
  html: string;
  code: string;
  prose: string;
}

/** The page up to its first part rendered later than at load (the whole page when it has none), split by face. */
function findFirstScreen(html: string): FirstScreen {
  const end = findFirstLoadEnd(html);
  const body = html.slice(Math.max(0, html.indexOf("<body")), end);
  const withoutMath = removeElements(body, "span", '<span class="katex">');
  const codeBlocks = /<(code|pre|nb-cell)\b[\s\S]*?<\/\1>/g;
  const text = (markup: string) => markup.replace(/<[^>]*>/g, "");
  return {
    html: html.slice(0, end),
    code: text([...withoutMath.matchAll(codeBlocks)].map(([block]) => block).join(" ")),
    prose: text(withoutMath.replace(codeBlocks, "")),
  };
}

/** `html` without each element that starts with `start` (with its nested `tag`s counted, so its end is found). */
function removeElements(html: string, tag: string, start: string): string {
  let kept = "";
  let from = 0;
  for (let at = html.indexOf(start); at >= 0; at = html.indexOf(start, from)) {
    kept += html.slice(from, at);
    const nesting = new RegExp(`<${tag}\\b|</${tag}>`, "g");
    nesting.lastIndex = at + 1;
    let depth = 1;
    for (let match = nesting.exec(html); match && depth > 0; match = nesting.exec(html)) {
      depth += match[0].startsWith("</") ? -1 : 1;
      from = nesting.lastIndex;
    }
    if (depth > 0) return kept;
  }
  return kept + html.slice(from);
}

/** Adds a preload link for each font the page uses at load (math, emphasis, Greek, code), before its first preload. */
export function preloadPageFonts(html: string): string {
  const anchor = html.indexOf('<link rel="preload"');
  if (anchor < 0) return html;
  const firstScreen = findFirstScreen(html);
  const links = fontsByUse
    .filter(({ used, unusedIn }) => (used instanceof RegExp ? used.test(firstScreen.html) : used(firstScreen)) && !unusedIn?.test(html))
    // The regular face only: "…-italic.<hash>.woff2", not "…-italic-700.<hash>.woff2".
    .map(({ file }) => html.match(new RegExp(`url\\(([^)]*/${file}\\.[\\w-]+\\.woff2)\\)`))?.[1])
    .filter((url): url is string => url !== undefined && !html.includes(`<link rel="preload" href="${url}"`))
    .map((url) => `<link rel="preload" href="${url}" as="font" type="font/woff2" crossorigin>`);
  return html.slice(0, anchor) + links.join("") + html.slice(anchor);
}
