// A widget's saved figure is written into the page so a reader sees it before any script runs. Chapter 3 saves six
// error surfaces of 30 KB each: a third of the chapter's compressed HTML, all of it below the first screen, and all
// of it on the phone's link before the first paragraph can be drawn. A large one keeps its <svg> element in the page
// (its size, viewBox, class and label, so its box is the same from the first paint) and moves what is drawn inside
// it to a file of its own, fetched when the reader comes near it (src/site/savedPictures.ts). Without scripts, a
// <noscript> picture shows the same file.
// Any figure that draws a picture (an <image> with a data: URL, which gzip cannot shrink) and lies after the parts
// drawn at load moves out too, whatever its size and whoever drew it (a cell's saved output, a widget's): the rule
// for pictures in src/build/savedImages.ts, for the same reason.
import { contentName } from "./contentName.ts";
import { findFirstLoadEnd } from "./firstLoad.ts";

/** Figures smaller than this stay whole in the page: a request costs more than the bytes. */
const FIGURE_LIMIT = 12 * 1024;

// A widget's figure box (class widget-figure, data-figure) holding exactly one <svg> and nothing else, and a box
// holding a figure drawn at two sizes (class widget-two-sizes: one <svg> for a wide column, one for a phone).
const ONE_SVG = "<svg\\b[^>]*>(?:(?!<svg\\b|<\\/svg>)[\\s\\S])*<\\/svg>";
const WIDGET_FIGURE = new RegExp(`(<div\\b[^>]*\\bclass="[^"]*\\bwidget-figure\\b[^"]*"[^>]*\\bdata-figure\\b[^>]*>)(${ONE_SVG})<\\/div>`, "g");
const TWO_SIZES = new RegExp(`(<div\\b[^>]*\\bclass="[^"]*\\bwidget-two-sizes\\b[^"]*"[^>]*>)((?:${ONE_SVG})+)<\\/div>`, "g");
const SVG_PARTS = /^<svg\b([^>]*)>([\s\S]*)<\/svg>$/;
/** A drawing with no drawing inside it, anywhere in a page. */
const LEAF_SVG = new RegExp(ONE_SVG, "g");
/** A picture inside a drawing, carried in the page as a data: URL. */
const DATA_PICTURE = /<image\b[^>]*\shref="data:image\//;

/** A figure moved out of a page: its file name (by content, so one figure is stored once) and its text. */
export interface SavedFigure {
  name: string;
  text: string;
}

const attribute = (attributes: string, name: string) => attributes.match(new RegExp(`\\s${name}="([^"]*)"`))?.[1];

/**
 * Empties each large saved figure of a page's widgets, and each figure holding a data: picture after the parts drawn
 * at load, naming in `data-saved-src` the standalone SVG file under `folderUrl` (e.g. "/course/backprop/_astro/")
 * that holds it; returns the page and the files to write there.
 */
export function moveSavedFigures(html: string, folderUrl: string): { html: string; figures: SavedFigure[] } {
  const figures: SavedFigure[] = [];
  const move = (svg: string, whateverSize = false): string => {
    const [, attributes, inside] = svg.match(SVG_PARTS)!;
    if (inside.length < FIGURE_LIMIT && !whateverSize) return svg;
    const standalone = /\sxmlns=/.test(attributes) ? attributes : ` xmlns="http://www.w3.org/2000/svg"${attributes}`;
    const text = `<svg${standalone}>${inside}</svg>`;
    const name = contentName("figure", text, "svg");
    figures.push({ name, text });
    const url = `${folderUrl}${name}`;
    const size = ["width", "height"].map((key) => (attribute(attributes, key) ? ` ${key}="${attribute(attributes, key)}"` : "")).join("");
    const label = attribute(attributes, "aria-label") ?? "";
    // The <noscript> takes the figure's classes, so a box that shows one size of two shows the same one without scripts.
    const classes = attribute(attributes, "class");
    return `<svg${attributes} data-saved-src="${url}"></svg><noscript${classes ? ` class="${classes}"` : ""}><img src="${url}"${size} alt="${label}"></noscript>`;
  };
  const widgetsMoved = html
    .replace(WIDGET_FIGURE, (_, box: string, svg: string) => `${box}${move(svg)}</div>`)
    .replace(TWO_SIZES, (_, box: string, svgs: string) => `${box}${svgs.match(LEAF_SVG)!.map((svg) => move(svg)).join("")}</div>`);
  const firstLoadEnd = findFirstLoadEnd(widgetsMoved);
  const moved = widgetsMoved.replace(LEAF_SVG, (svg: string, at: number) => (at >= firstLoadEnd && DATA_PICTURE.test(svg) ? move(svg, true) : svg));
  return { html: moved, figures };
}
