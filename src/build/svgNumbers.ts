/**
 * Rounds the long decimals that Plot writes into saved SVG figures (226.66666666666666) to two places, a
 * hundredth of a pixel: nothing a reader can see, and a third of a figure-heavy chapter's HTML.
 */
export function roundSvgNumbers(html: string): string {
  return html.replace(/<svg[\s\S]*?<\/svg>/g, (svg) =>
    svg.replace(/<[^>]+>/g, (tag) => tag.replace(/(\d+\.\d\d)\d+/g, (_, kept: string) => trimZeros(kept))),
  );
}

function trimZeros(number: string): string {
  return number.replace(/\.?0+$/, "");
}
