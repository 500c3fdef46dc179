// Plot writes coordinates with every digit a double has (226.66666666666666). A figure is at most a few hundred
// pixels wide and never drawn larger than that, so a tenth of a pixel is nothing a reader can see: points are
// rounded to one place. Sizes, radii and transforms keep two, and their numbers under 1 (a scale factor) stay as
// written. Together a fifth of a figure-heavy chapter's compressed HTML.
const geometry = /\s(d|points|transform|viewBox|x|y|x1|x2|y1|y2|cx|cy|r|rx|ry|dx|dy|width|height)="([^"]*)"/g;
const points = new Set(["d", "points", "x", "y", "x1", "x2", "y1", "y2", "cx", "cy", "dx", "dy"]);

/** Rounds the coordinates in the SVG figures of a page (points to one place, the rest to two); labels and text stay as written. */
export function roundSvgNumbers(html: string): string {
  return html.replace(/<svg[\s\S]*?<\/svg>/g, (svg) =>
    svg.replace(/<[^>]+>/g, (tag) =>
      tag.replace(geometry, (_, name: string, value: string) => {
        const isPoint = points.has(name);
        const long = isPoint ? /\d+\.\d{2,}/g : /\d+\.\d{3,}/g;
        return ` ${name}="${value.replace(long, (number) => (isPoint || Number(number) >= 1 ? String(Number(Number(number).toFixed(isPoint ? 1 : 2))) : number))}"`;
      }),
    ),
  );
}
