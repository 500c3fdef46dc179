/**
 * The allow-list a figure's markup must pass before the page draws it. Figures come from reader
 * code in the worker, so anything not named here is dropped: no script, no event handler, no
 * animation element (`<set>` and `<animate>` can write a javascript: URL later), nothing that
 * loads from a server, no style beyond the few properties Plot writes, and only `data:image/…`
 * and `#fragment` URLs. Kept apart from the DOM so it is tested in Node.
 */

/** The namespaces a figure may use: HTML (Plot's legends and captions) and SVG (the charts). */
export const HTML_NS = "http://www.w3.org/1999/xhtml";
/** The SVG namespace. */
export const SVG_NS = "http://www.w3.org/2000/svg";

/** HTML elements a figure may contain. */
export const HTML_ELEMENTS: ReadonlySet<string> = new Set([
  "div", "span", "p", "pre", "code", "strong", "em", "b", "i", "small", "sub", "sup", "br",
  "figure", "figcaption", "h2", "h3", "h4", "ul", "ol", "li",
  "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td",
  "svg",
]);

/** SVG elements a figure may contain; no animation, no foreignObject, no script, no use, no filters. */
export const SVG_ELEMENTS: ReadonlySet<string> = new Set([
  "svg", "g", "path", "line", "polyline", "polygon", "rect", "circle", "ellipse", "text", "tspan", "title", "desc",
  "defs", "clipPath", "linearGradient", "radialGradient", "stop", "marker", "pattern", "mask", "image",
]);

/** Attributes any kept element may carry. */
const COMMON_ATTRIBUTES = new Set(["class", "id", "role", "aria-label", "aria-hidden", "aria-description", "aria-labelledby", "title", "style"]);

/** Attributes only SVG elements may carry: geometry and presentation. */
const SVG_ATTRIBUTES = new Set([
  "viewBox", "width", "height", "x", "y", "x1", "x2", "y1", "y2", "cx", "cy", "r", "rx", "ry", "d", "points", "dx", "dy",
  "transform", "fill", "fill-opacity", "fill-rule", "stroke", "stroke-width", "stroke-opacity", "stroke-linecap", "stroke-linejoin",
  "stroke-miterlimit", "stroke-dasharray", "stroke-dashoffset", "opacity", "paint-order", "vector-effect", "shape-rendering",
  "text-anchor", "dominant-baseline", "alignment-baseline", "font-family", "font-size", "font-weight", "font-style", "font-variant",
  "letter-spacing", "clip-path", "clip-rule", "mask", "marker-start", "marker-mid", "marker-end", "markerWidth", "markerHeight",
  "refX", "refY", "orient", "markerUnits", "offset", "stop-color", "stop-opacity", "gradientUnits", "gradientTransform",
  "patternUnits", "patternTransform", "maskUnits", "clipPathUnits", "preserveAspectRatio", "image-rendering", "href", "xlink:href",
  "xmlns", "xmlns:xlink", "fx", "fy", "spreadMethod", "pathLength",
]);

/** Attributes only HTML elements may carry. */
const HTML_ATTRIBUTES = new Set(["scope", "colspan", "rowspan", "width", "height"]);

/** Attributes whose value is a URL: only a picture inlined as data or a reference inside the figure. */
const URL_ATTRIBUTES = new Set(["href", "xlink:href"]);

/** Attributes whose value may hold `url(#…)` and nothing else of that kind. */
const PAINT_ATTRIBUTES = new Set(["fill", "stroke", "clip-path", "mask", "marker-start", "marker-mid", "marker-end"]);

/** CSS properties a `style` attribute may set (what Plot writes, and nothing that positions or loads). */
export const STYLE_PROPERTIES: ReadonlySet<string> = new Set([
  "color", "background-color", "fill", "stroke", "stroke-width", "opacity", "fill-opacity", "stroke-opacity",
  "font-size", "font-family", "font-weight", "font-style", "font-variant", "font-variant-numeric", "text-anchor",
  "image-rendering", "max-width", "width", "height", "margin", "margin-left", "margin-right", "margin-top", "margin-bottom",
  "vertical-align", "white-space", "overflow", "display", "gap", "align-items", "flex-wrap", "text-align",
]);

/** True when `value` is a URL a figure may use: `#fragment` or a `data:image/…` picture (not SVG, which could hold more markup). */
export function isSafeUrl(value: string): boolean {
  const url = value.trim();
  return /^#[\w-]*$/.test(url) || /^data:image\/(png|jpeg|gif|webp);base64,[a-z0-9+/=\s]*$/i.test(url);
}

/** True when a paint value has no URL but `url(#id)`: no loading, no script. */
function isSafePaint(value: string): boolean {
  const urls = value.match(/url\s*\(/gi) ?? [];
  if (urls.length === 0) return !/[\\@]/.test(value);
  return /^\s*url\(\s*["']?#[\w-]+["']?\s*\)\s*$/i.test(value);
}

/** The kept part of a style attribute: allowed properties with plain values (no url(), image-set(), @import, escapes or expressions). */
export function filterStyle(style: string): string {
  const kept: string[] = [];
  for (const declaration of style.split(";")) {
    const colon = declaration.indexOf(":");
    if (colon < 0) continue;
    const property = declaration.slice(0, colon).trim().toLowerCase();
    const value = declaration.slice(colon + 1).trim();
    if (!STYLE_PROPERTIES.has(property) || value === "") continue;
    if (!/^[#\w\s.,%+\-/"'()]*$/.test(value) || /(url|image|image-set|expression|attr|var|env)\s*\(/i.test(value)) continue;
    kept.push(`${property}: ${value}`);
  }
  return kept.join("; ");
}

/** True when the element (local name, namespace) may stay in a figure. */
export function isAllowedElement(name: string, namespace: string | null): boolean {
  if (namespace === SVG_NS) return SVG_ELEMENTS.has(name);
  if (namespace === HTML_NS || namespace === null) return HTML_ELEMENTS.has(name.toLowerCase());
  return false;
}

/** The prefix every id in a figure gets, so a figure can neither clobber nor point at the page's own ids. */
export const FIGURE_ID_PREFIX = "nb-fig-";

// References follow their ids: "#clip" → "#nb-fig-clip", "url(#clip)" → "url(#nb-fig-clip)".
function prefixReferences(value: string): string {
  return value.replace(/^#(?=[\w-])/, `#${FIGURE_ID_PREFIX}`).replace(/url\(\s*(["']?)#/gi, `url($1#${FIGURE_ID_PREFIX}`);
}

/** The value an attribute may keep on an element, or undefined to drop it. */
export function allowedAttribute(name: string, value: string, namespace: string | null): string | undefined {
  const svg = namespace === SVG_NS;
  if (!COMMON_ATTRIBUTES.has(name) && !(svg ? SVG_ATTRIBUTES : HTML_ATTRIBUTES).has(name)) return undefined;
  if (URL_ATTRIBUTES.has(name)) return isSafeUrl(value) ? prefixReferences(value.trim()) : undefined;
  if (name === "style") {
    const kept = filterStyle(value);
    return kept === "" ? undefined : kept;
  }
  // A figure's own classes are Plot's; the page's classes (nb-…) would let a figure dress as a verdict.
  if (name === "class") {
    const kept = value.split(/\s+/).filter((token) => /^plot-[\w-]+$/.test(token));
    return kept.length === 0 ? undefined : kept.join(" ");
  }
  if (name === "id") return /^[\w-]+$/.test(value) ? FIGURE_ID_PREFIX + value : undefined;
  if (PAINT_ATTRIBUTES.has(name) || name.startsWith("font")) return isSafePaint(value) ? prefixReferences(value) : undefined;
  return /url\s*\(|javascript:/i.test(value) ? undefined : value;
}
