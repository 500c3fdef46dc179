// A page's HTML reaches Chromium as UTF-8 bytes, and the browser decodes them to text before its parser reads them.
// An all-ASCII body takes the decoder's fast path and stays in one-byte strings; a single character past Latin-1
// (a minus sign, a δ, a curly quote: about 1,400 of them in a 660 KB chapter, in KaTeX's markup mostly) sends the
// whole body down the slow path into two-byte strings. Measured on gradient-descent at load: decoding took 16-27 ms
// of main thread, and 2-9 ms once the page was ASCII, which is also the largest long task Lighthouse counts after
// the first paint. So after the build every character past ASCII is written as a reference the parser turns back
// into the same character: what the reader, search and screen readers get is unchanged, and gzip hides the longer
// spelling (gradient-descent: 100 bytes more; a Chinese chapter, 1 KB).

/** A raw-text element's whole run (the HTML parser reads no character references inside it), or one character past ASCII. */
const RAW_TEXT_OR_WIDE = /(<(script|style)\b[^>]*>)([\s\S]*?)(<\/\2\s*>)|[^\x00-\x7f]/gu;
const WIDE = /[^\x00-\x7f]/gu;

const hex = (code: number) => code.toString(16);

/** A character as HTML writes it anywhere but in a raw-text element: &#xHEX;. */
const reference = (character: string) => `&#x${hex(character.codePointAt(0)!)};`;

/** A character as JavaScript writes it in a string, a regular expression or a name: \uXXXX, two for a pair. */
function scriptEscape(character: string): string {
  return character
    .split("")
    .map((unit) => `\\u${hex(unit.charCodeAt(0)).padStart(4, "0")}`)
    .join("");
}

/** A character as CSS writes it: a backslash, its code point in hex, and the space that ends the escape. */
const styleEscape = (character: string) => `\\${hex(character.codePointAt(0)!)} `;

/** `html` with every character past ASCII written as &#xHEX; (as \uXXXX in scripts, as \HEX in style sheets): the same page, all ASCII. */
export function escapeNonAscii(html: string): string {
  return html.replace(RAW_TEXT_OR_WIDE, (match: string, open?: string, tag?: string, body?: string, close?: string) => {
    if (open === undefined) return reference(match);
    const escape = tag === "script" ? scriptEscape : styleEscape;
    return `${open.replace(WIDE, reference)}${body!.replace(WIDE, escape)}${close}`;
  });
}
