// Shiki colours every token of a code block with its own style attribute holding both themes' colours
// (style="color:#CF222E;--shiki-dark:#FF7B72"), and a theme has only a dozen such pairs. Chapter 7's code, 290 KB
// of markup, says one of nine pairs two thousand times. Each pair becomes a class named by its colours, defined
// once in the page's head: the same colours in both themes, a quarter of the page's compressed code gone.

const TOKEN_STYLE = /<span style="color:#([0-9A-Fa-f]{6});--shiki-dark:#([0-9A-Fa-f]{6})">/g;

/** Replaces each code token's colour pair by a class `c-<light>-<dark>` and defines the classes the page uses before </head>. */
export function classifyCodeColours(html: string): string {
  const pairs = new Set<string>();
  const classified = html.replace(TOKEN_STYLE, (_, light: string, dark: string) => {
    const name = `c-${light.toLowerCase()}-${dark.toLowerCase()}`;
    pairs.add(name);
    return `<span class="${name}">`;
  });
  if (pairs.size === 0) return html;
  const rules = [...pairs]
    .sort()
    .map((name) => {
      const [, light, dark] = name.split("-");
      return `.${name}{color:#${light};--shiki-dark:#${dark}}`;
    })
    .join("");
  return classified.replace("</head>", `<style>${rules}</style></head>`);
}
