// A web font that arrives after the first layout makes the browser shape and lay out again every piece of text set in
// it; on a chapter with hundreds of formulas that is most of the page, several times over. The fonts a page uses
// everywhere are preloaded, so they arrive with the page instead of after the parser has reached the first formula.

/** A font file (by the start of its name) and the mark in a page's HTML that says the page uses it. */
const fontsByUse: { file: string; used: RegExp }[] = [
  { file: "KaTeX_Main-Regular", used: /class="katex"/ },
  { file: "KaTeX_Math-Italic", used: /class="[^"]*\bmathnormal\b/ },
  { file: "source-serif-4-latin-opsz-italic", used: /<em>/ },
  { file: "jetbrains-mono-latin-wght", used: /<code\b|<nb-cell\b/ },
];

/** Adds a preload link for each font the page uses everywhere (math, emphasis, code), before its first preload. */
export function preloadPageFonts(html: string): string {
  const anchor = html.indexOf('<link rel="preload"');
  if (anchor < 0) return html;
  const links = fontsByUse
    .filter(({ used }) => used.test(html))
    .map(({ file }) => html.match(new RegExp(`url\\(([^)]*/${file}[^)/]*\\.woff2)\\)`))?.[1])
    .filter((url): url is string => url !== undefined && !html.includes(`<link rel="preload" href="${url}"`))
    .map((url) => `<link rel="preload" href="${url}" as="font" type="font/woff2" crossorigin>`);
  return html.slice(0, anchor) + links.join("") + html.slice(anchor);
}
