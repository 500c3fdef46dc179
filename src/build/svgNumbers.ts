// Plot writes coordinates with every digit a double has (226.66666666666666). Two places are a hundredth of a
// pixel: nothing a reader can see, and a tenth of a figure-heavy chapter's HTML.
const geometry = /\s(d|points|transform|viewBox|x|y|x1|x2|y1|y2|cx|cy|r|rx|ry|dx|dy|width|height)="([^"]*)"/g;

/** Rounds the coordinates in the SVG figures of a page to two decimal places; labels and text stay as written. */
export function roundSvgNumbers(html: string): string {
  return html.replace(/<svg[\s\S]*?<\/svg>/g, (svg) =>
    svg.replace(/<[^>]+>/g, (tag) =>
      tag.replace(geometry, (_, name: string, value: string) => ` ${name}="${value.replace(/\d+\.\d{3,}/g, round)}"`),
    ),
  );
}

function round(number: string): string {
  return String(Number(Number(number).toFixed(2)));
}
