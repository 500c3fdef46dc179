// Shiki colours every token of a code block with its own style attribute holding both themes' colours
// (style="color:#CF222E;--shiki-dark:#FF7B72"), and a theme has only a dozen such pairs. Chapter 7's code, 290 KB
// of markup, says one of nine pairs two thousand times. Each pair becomes a class named by its colours, defined
// once in the page's head: the same colours in both themes, a quarter of the page's compressed code gone.
//
// A cell's code stands on the theme's white inside the cell's sunk paper. Where the browser has not laid a chapter
// part out yet (content-visibility), a contrast check such as axe's, run at load as Lighthouse runs it, cannot find
// the code's own white and judges its tokens against the cell's paper. github-light-default's purple and grey pass
// on white and fail on that paper, so each light colour is darkened just enough to pass on both: the check is then
// right whichever paper it finds, and so is the reader.

const TOKEN_STYLE = /<span style="color:#([0-9A-Fa-f]{6});--shiki-dark:#([0-9A-Fa-f]{6})">/g;

/** The darkest paper light code is set on or beside: a cell's sunk paper (--paper-sunk, light theme, global.css). */
export const CODE_PAPER = "f2f0ea";
/** WCAG's least contrast for text of a normal size (1.4.3). */
export const MIN_CONTRAST = 4.5;

/** Relative luminance of an sRGB colour `rrggbb`: L = 0.2126 R + 0.7152 G + 0.0722 B on linearised channels (WCAG). */
export function luminance(hex: string): number {
  const [red, green, blue] = [0, 2, 4].map((at) => {
    const channel = parseInt(hex.slice(at, at + 2), 16) / 255;
    return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * red + 0.7152 * green + 0.0722 * blue;
}

/** Contrast ratio (L_lighter + 0.05) / (L_darker + 0.05) of two colours `rrggbb`. */
export function contrastRatio(first: string, second: string): number {
  const [lighter, darker] = [luminance(first), luminance(second)].sort((a, b) => b - a);
  return (lighter + 0.05) / (darker + 0.05);
}

/** `colour` (rrggbb, lower case) as it is, or each channel scaled down by the same 1% steps until it reaches MIN_CONTRAST on `paper`. */
export function readableOn(colour: string, paper: string): string {
  const channels = [0, 2, 4].map((at) => parseInt(colour.slice(at, at + 2), 16));
  let readable = colour.toLowerCase();
  for (let step = 1; contrastRatio(readable, paper) < MIN_CONTRAST && step <= 100; step++) {
    readable = channels.map((channel) => Math.round(channel * (1 - step / 100)).toString(16).padStart(2, "0")).join("");
  }
  return readable;
}

/** Replaces each code token's colour pair by a class `c-<light>-<dark>` (light made readable on CODE_PAPER) defined once before </head>. */
export function classifyCodeColours(html: string): string {
  // A page says a dozen pairs thousands of times: each pair's class is worked out once.
  const namesByPair = new Map<string, string>();
  const classified = html.replace(TOKEN_STYLE, (_, light: string, dark: string) => {
    const pair = `${light}-${dark}`;
    let name = namesByPair.get(pair);
    if (name === undefined) {
      name = `c-${readableOn(light, CODE_PAPER)}-${dark.toLowerCase()}`;
      namesByPair.set(pair, name);
    }
    return `<span class="${name}">`;
  });
  if (namesByPair.size === 0) return html;
  const rules = [...new Set(namesByPair.values())]
    .sort()
    .map((name) => {
      const [, light, dark] = name.split("-");
      return `.${name}{color:#${light};--shiki-dark:#${dark}}`;
    })
    .join("");
  return classified.replace("</head>", `<style>${rules}</style></head>`);
}
