/**
 * A cell's chart drawn a second time for a phone. Plot draws 640 px wide by default with 10 px text; a
 * phone's output box (about 330 px at 360) would shrink that text to 5 px. So every chart a cell draws
 * with text in it is also drawn at PHONE_FIGURE_WIDTH with text of at least PHONE_FONT_SIZE, and the
 * page shows that copy, at its own size, in a box too narrow for the wide one (notebook.css). The wide
 * figure stays what wide screens see. Both are drawn from the cell's own options, so they say the same.
 * A diagram (no axis on either side: its marks are sized by the cell, in pixels) would not survive a
 * narrower drawing, nor larger text in the same circles, so its copy is the same drawing scaled whole until
 * its smallest text is PHONE_FONT_SIZE, and scrolls sideways in its box.
 */

/** The width the phone copy is drawn at: it fits the output box of a 360 px screen (328 px) unscaled. */
export const PHONE_FIGURE_WIDTH = 320;
/** The smallest text size in the phone copy, in px: the book's floor for text on a phone. */
export const PHONE_FONT_SIZE = 12;

/** The options this module reads; Plot's own PlotOptions fit. */
interface SizedOptions {
  width?: number;
  style?: unknown;
  x?: unknown;
  y?: unknown;
}
interface Sized {
  getAttribute(name: string): string | null;
  setAttribute(name: string, value: string): void;
}
interface DrawnFigure extends Sized {
  querySelector(selector: string): unknown;
  querySelectorAll(selector: string): Iterable<Sized>;
}

/** A figure's phone copy, and whether it keeps the wide width (a diagram) and so scrolls sideways on a phone. */
export interface PhoneCopy {
  figure: object;
  scrolls: boolean;
}

const phoneCopies = new WeakMap<object, PhoneCopy>();

/** Draws `options` with `draw`, and, when the chart is wider than a phone and has text, its phone copy too (found later with phoneCopyOf). */
export function drawWithPhoneCopy<O extends SizedOptions, T extends object>(options: O, draw: (options: O) => T): T {
  const figure = draw(options);
  const width = typeof options.width === "number" ? options.width : 640; // Plot's default width
  if (width <= PHONE_FIGURE_WIDTH || !(figure as unknown as DrawnFigure).querySelector("text")) return figure;
  const scrolls = isDiagram(options);
  // A diagram's copy is drawn again, not cloned: Plot numbers its clip paths and patterns per drawing, and a clone's
  // url(#…) would point into the wide copy, which a phone does not show.
  const phone = scrolls ? scaledToFontFloor(draw(options) as unknown as DrawnFigure) : withTextFloor(draw({ ...options, width: PHONE_FIGURE_WIDTH, style: withFontFloor(options.style) as O["style"] }) as unknown as DrawnFigure);
  phoneCopies.set(figure, { figure: phone, scrolls });
  return figure;
}

function withTextFloor(chart: DrawnFigure): DrawnFigure {
  for (const element of textSized(chart)) {
    const size = Number.parseFloat(element.getAttribute("font-size") ?? "");
    if (!Number.isNaN(size) && size < PHONE_FONT_SIZE) element.setAttribute("font-size", String(PHONE_FONT_SIZE));
  }
  return chart;
}

// The viewBox keeps the drawing's own coordinates; only the size it is shown at grows.
function scaledToFontFloor(diagram: DrawnFigure): DrawnFigure {
  const sizes = textSized(diagram).map((element) => Number.parseFloat(element.getAttribute("font-size") ?? "")).filter((size) => size > 0);
  const scale = Math.max(1, PHONE_FONT_SIZE / Math.min(...sizes));
  const width = Number.parseFloat(diagram.getAttribute("width") ?? "");
  const height = Number.parseFloat(diagram.getAttribute("height") ?? "");
  if (scale === 1 || !(width > 0 && height > 0)) return diagram;
  if (diagram.getAttribute("viewBox") === null) diagram.setAttribute("viewBox", `0 0 ${width} ${height}`);
  diagram.setAttribute("width", String(Math.ceil(width * scale)));
  diagram.setAttribute("height", String(Math.ceil(height * scale)));
  return diagram;
}

function textSized(figure: DrawnFigure): Sized[] {
  return [figure, ...figure.querySelectorAll("[font-size]")];
}

/** The phone copy drawn with a figure, if it has one. */
export function phoneCopyOf(figure: object): PhoneCopy | undefined {
  return phoneCopies.get(figure);
}

function isDiagram(options: SizedOptions): boolean {
  const hidesAxis = (scale: unknown) => typeof scale === "object" && scale !== null && (scale as { axis?: unknown }).axis === null;
  return hidesAxis(options.x) && hidesAxis(options.y);
}

// A cell's own larger font size is kept; a smaller one is raised. A style string is left alone (Plot cannot apply one outside a browser).
function withFontFloor(style: unknown): unknown {
  if (style !== undefined && (typeof style !== "object" || style === null)) return style;
  const own = style as { fontSize?: unknown } | undefined;
  const size = Number.parseFloat(String(own?.fontSize ?? ""));
  return { ...own, fontSize: size >= PHONE_FONT_SIZE ? own?.fontSize : `${PHONE_FONT_SIZE}px` };
}
