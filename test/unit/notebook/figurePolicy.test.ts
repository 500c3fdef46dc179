import { describe, expect, it } from "vitest";
import { parseHTML } from "linkedom";
import { allowedAttribute, filterStyle, isAllowedElement, isSafeUrl, HTML_NS, SVG_NS } from "../../../src/notebook/figurePolicy";

/** The sanitiser's walk, run on linkedom's DOM: what the page keeps of a figure's markup. */
async function clean(markup: string): Promise<string> {
  const { document, Node } = parseHTML("<!doctype html><html><body></body></html>");
  Object.assign(globalThis, { document, Node });
  try {
    const { sanitizeFigure } = await import("../../../src/notebook/client/sanitize");
    const holder = document.createElement("div");
    holder.append(sanitizeFigure(markup));
    return holder.innerHTML;
  } finally {
    Reflect.deleteProperty(globalThis, "document");
    Reflect.deleteProperty(globalThis, "Node");
  }
}

describe("the figure allow-list", () => {
  it("keeps the elements Plot draws and nothing that animates, embeds, styles or runs", () => {
    for (const name of ["svg", "g", "path", "rect", "circle", "text", "tspan", "image", "clipPath", "linearGradient"]) expect(isAllowedElement(name, SVG_NS)).toBe(true);
    for (const name of ["figure", "figcaption", "div", "span", "table", "td"]) expect(isAllowedElement(name, HTML_NS)).toBe(true);
    for (const name of ["set", "animate", "animateMotion", "animateTransform", "discard", "foreignObject", "script", "use", "feImage", "filter", "a", "style"]) {
      expect(isAllowedElement(name, SVG_NS)).toBe(false);
    }
    for (const name of ["script", "iframe", "img", "video", "object", "embed", "link", "meta", "base", "form", "button", "style", "a", "noscript", "template"]) {
      expect(isAllowedElement(name, HTML_NS)).toBe(false);
    }
    expect(isAllowedElement("mtext", "http://www.w3.org/1998/Math/MathML")).toBe(false);
  });

  it("allows only data:image pictures and #fragments as URLs", () => {
    expect(isSafeUrl("data:image/png;base64,iVBORw0KGgo=")).toBe(true);
    expect(isSafeUrl("#clip-1")).toBe(true);
    for (const url of ["javascript:alert(1)", " JavaScript:x", "http://evil.example/x.png", "//evil.example", "data:text/html,<script>", "data:image/svg+xml,<svg onload=x>", "blob:null/1", "data:image/png;base64,\"><script>"]) {
      expect(isSafeUrl(url)).toBe(false);
    }
  });

  it("drops event handlers, loading attributes and page classes; prefixes ids and their references", () => {
    expect(allowedAttribute("onload", "x()", SVG_NS)).toBeUndefined();
    expect(allowedAttribute("onclick", "x()", HTML_NS)).toBeUndefined();
    for (const name of ["src", "srcset", "background", "poster", "ping", "action", "formaction", "attributeName", "to", "values", "srcdoc"]) expect(allowedAttribute(name, "http://evil.example/", HTML_NS)).toBeUndefined();
    expect(allowedAttribute("href", "http://evil.example/x.png", SVG_NS)).toBeUndefined();
    expect(allowedAttribute("xlink:href", "javascript:x", SVG_NS)).toBeUndefined();
    expect(allowedAttribute("fill", "url(http://evil.example/p)", SVG_NS)).toBeUndefined();
    expect(allowedAttribute("fill", "url(#grad)", SVG_NS)).toBe("url(#nb-fig-grad)");
    expect(allowedAttribute("clip-path", "url(#clip)", SVG_NS)).toBe("url(#nb-fig-clip)");
    expect(allowedAttribute("id", "clip", SVG_NS)).toBe("nb-fig-clip");
    expect(allowedAttribute("class", "nb-out-check nb-check-pass plot-d6a7b5", HTML_NS)).toBe("plot-d6a7b5");
    expect(allowedAttribute("class", "nb-check-pass", HTML_NS)).toBeUndefined();
    expect(allowedAttribute("stroke-width", "1.5", SVG_NS)).toBe("1.5");
  });

  it("keeps only the documented style properties, with plain values", () => {
    expect(filterStyle("max-width: initial; font-size: 13px")).toBe("max-width: initial; font-size: 13px");
    expect(filterStyle("position: fixed; inset: 0; z-index: 9999; color: red")).toBe("color: red");
    expect(filterStyle("background: url(http://evil.example/x)")).toBe("");
    expect(filterStyle("background-color: url(http://evil.example/x)")).toBe("");
    expect(filterStyle("color: image-set('http://evil.example/x' 1x)")).toBe("");
    expect(filterStyle("color: \\75 rl(http://evil.example)")).toBe("");
    expect(filterStyle("width: expression(alert(1))")).toBe("");
    expect(filterStyle("font-family: a; @import 'http://evil.example'")).toBe("font-family: a");
  });
});

describe("cleaning a figure's markup", () => {
  it("removes the <set> exploit, handlers and remote loads, and keeps a Plot-like chart intact", async () => {
    const attack = await clean(
      `<svg><a><set attributeName="href" to="javascript:alert(1)"/><rect width="100%" height="100%"/></a><image href="http://evil.example/i.png"/><foreignObject><img src=x onerror=alert(1)></foreignObject></svg><img src=x onerror=alert(1)><div style="position:fixed;background:url(http://evil.example)">x</div>`,
    );
    expect(attack).not.toMatch(/set|javascript|evil|onerror|img|foreignObject|position|<a/i);
    expect(attack).toContain("<div>x</div>");
    const chart = `<svg class="plot-d6a7b5" viewBox="0 0 640 400" width="640" height="400"><g stroke="currentColor" aria-hidden="true"><path d="M0,0L10,10" /></g><image href="data:image/png;base64,iVBORw0KGgo=" width="10" height="10" preserveAspectRatio="none" /><text x="5" y="5" text-anchor="middle">loss</text></svg>`;
    expect(await clean(chart)).toBe(chart);
  });

  it("drops comments and MathML", async () => {
    expect(await clean("<!-- x --><math><mtext>m</mtext></math><span>s</span>")).toBe("<span>s</span>");
  });
});
