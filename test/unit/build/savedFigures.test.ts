import { describe, expect, it } from "vitest";
import { moveSavedFigures } from "../../../src/build/savedFigures";

const drawing = `<style>:where(.plot-1) { display: block; }</style>${'<path d="M0,0L10,10" />'.repeat(800)}`;
const box = `<div class="widget-figure" data-figure tabindex="0" role="application" aria-label="Surface">`;
const svg = (inside: string) => `<svg role="img" aria-label="Error surface" viewBox="0 0 260 240" width="260" height="240" fill="currentColor" class="plot-1">${inside}</svg>`;

describe("moveSavedFigures", () => {
  it("keeps a large widget figure's <svg> (size, class, label) in the page, empty, and moves its drawing to a standalone file", () => {
    const { html, figures } = moveSavedFigures(`<p>Before</p>${box}${svg(drawing)}</div><p>After</p>`, "/course/backprop/_astro/");
    expect(figures).toHaveLength(1);
    expect(figures[0].name).toMatch(/^figure-[0-9a-f]{12}\.svg$/);
    expect(figures[0].text).toBe(
      `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="Error surface" viewBox="0 0 260 240" width="260" height="240" fill="currentColor" class="plot-1">${drawing}</svg>`,
    );
    const url = `/course/backprop/_astro/${figures[0].name}`;
    expect(html).toBe(
      `<p>Before</p>${box}<svg role="img" aria-label="Error surface" viewBox="0 0 260 240" width="260" height="240" fill="currentColor" class="plot-1" data-saved-src="${url}"></svg>` +
        `<noscript class="plot-1"><img src="${url}" width="260" height="240" alt="Error surface"></noscript></div><p>After</p>`,
    );
  });

  it("moves each large drawing of a figure saved at two sizes, and its <noscript> copy keeps the size's class", () => {
    const sized = (size: string, inside: string) => `<svg class="figure-${size}" width="${size === "wide" ? 440 : 320}" height="300">${inside}</svg>`;
    const page = `<div class="pg-heatmap widget-two-sizes" data-heatmap>${sized("wide", drawing)}${sized("phone", drawing + "<rect />")}</div>`;
    const { html, figures } = moveSavedFigures(page, "/_astro/");
    expect(figures).toHaveLength(2);
    expect(html).toBe(
      `<div class="pg-heatmap widget-two-sizes" data-heatmap>` +
        `<svg class="figure-wide" width="440" height="300" data-saved-src="/_astro/${figures[0].name}"></svg><noscript class="figure-wide"><img src="/_astro/${figures[0].name}" width="440" height="300" alt=""></noscript>` +
        `<svg class="figure-phone" width="320" height="300" data-saved-src="/_astro/${figures[1].name}"></svg><noscript class="figure-phone"><img src="/_astro/${figures[1].name}" width="320" height="300" alt=""></noscript></div>`,
    );
  });

  it("leaves small figures, figures that are not a widget's, a widget box holding more than one drawing, and nested drawings as they are", () => {
    const small = `${box}${svg("<path d='M0,0' />")}</div>`;
    const notWidget = `<div class="nb-out">${svg(drawing)}</div>`;
    const twoInOneBox = `${box}${svg(drawing)}${svg(drawing)}</div>`;
    const nested = `${box}${svg(`${drawing}<svg><rect /></svg>`)}</div>`;
    for (const page of [small, notWidget, twoInOneBox, nested]) expect(moveSavedFigures(page, "/_astro/")).toEqual({ html: page, figures: [] });
  });

  it("stores one drawing once however often pages show it", () => {
    const page = `${box}${svg(drawing)}</div>`;
    const first = moveSavedFigures(page, "/_astro/");
    const second = moveSavedFigures(page + page, "/_astro/");
    expect(new Set(second.figures.map((figure) => figure.name))).toEqual(new Set([first.figures[0].name]));
  });

  it("moves a small figure holding a data: picture, in any box, when it lies after the parts drawn at load; not before, and not one without a picture", () => {
    const picture = `<image href="data:image/png;base64,iVBORw0KGgo=" width="668" height="72" />`;
    const strip = svg(`<g>${picture}</g>`);
    const plain = svg("<path d='M0,0' />");
    const part = (inside: string) => `<div class="chapter-part">${inside}</div>`;
    const output = (inside: string) => `<div class="nb-out nb-out-figure">${inside}</div>`;
    const page = `${output(strip)}${part(output(strip))}${part(`${output(strip)}${output(plain)}`)}`;
    const { html, figures } = moveSavedFigures(page, "/_astro/");
    expect(figures).toHaveLength(1);
    expect(figures[0].text).toContain(picture);
    const url = `/_astro/${figures[0].name}`;
    expect(html).toBe(
      `${output(strip)}${part(output(strip))}` +
        part(
          `${output(`<svg role="img" aria-label="Error surface" viewBox="0 0 260 240" width="260" height="240" fill="currentColor" class="plot-1" data-saved-src="${url}"></svg>` +
            `<noscript class="plot-1"><img src="${url}" width="260" height="240" alt="Error surface"></noscript>`)}${output(plain)}`,
        ),
    );
  });
});
