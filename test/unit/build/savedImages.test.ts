import { describe, expect, it } from "vitest";
import { moveSavedImages } from "../../../src/build/savedImages";

const large = Buffer.alloc(9000, 7).toString("base64");
const small = Buffer.alloc(100, 7).toString("base64");

describe("moveSavedImages", () => {
  it("moves a large data: picture to a file named by its content, fetched on approach at low priority, keeping its size and text, with a copy for readers without scripts", () => {
    const page = `<p><img class="w" src="data:image/png;base64,${large}" width="178" height="148" alt="Weights"></p>`;
    const { html, images } = moveSavedImages(page, "/course/backprop/_astro/");
    expect(images).toHaveLength(1);
    expect(images[0].bytes).toEqual(Buffer.alloc(9000, 7));
    expect(images[0].name).toMatch(/^saved-[0-9a-f]{12}\.png$/);
    const url = `/course/backprop/_astro/${images[0].name}`;
    expect(html).toBe(
      `<p><img class="w" data-saved-src="${url}" fetchpriority="low" decoding="async" width="178" height="148" alt="Weights">` +
        `<noscript><img class="w" src="${url}" decoding="async" width="178" height="148" alt="Weights"></noscript></p>`,
    );
  });

  it("leaves small pictures, pictures inside SVG and a page without pictures as they are", () => {
    const page = `<img src="data:image/png;base64,${small}" alt=""><svg><image href="data:image/png;base64,${large}"/></svg>`;
    expect(moveSavedImages(page, "/_astro/")).toEqual({ html: page, images: [] });
  });

  it("stores one picture once however often a page shows it, and keeps a priority the page set", () => {
    const tag = `<img src="data:image/png;base64,${large}" fetchpriority="high" alt="">`;
    const { html, images } = moveSavedImages(tag + tag, "/_astro/");
    expect(new Set(images.map((image) => image.name)).size).toBe(1);
    expect(html.match(/fetchpriority=/g)).toHaveLength(4);
    expect(html).not.toContain('"low"');
  });

  it("moves a small picture too when it lies after the parts drawn at load (the opening and the first part), and only then", () => {
    const picture = (alt: string) => `<img src="data:image/png;base64,${small}" width="28" height="28" alt="${alt}">`;
    const part = (inside: string) => `<div class="chapter-part">${inside}</div>`;
    const page = `<p>${picture("opening")}</p>${part(picture("first part"))}${part(picture("second part"))}${part(picture("third part"))}`;
    const { html, images } = moveSavedImages(page, "/_astro/");
    expect(new Set(images.map((image) => image.name)).size).toBe(1);
    expect(html.match(/src="data:image/g)).toHaveLength(2);
    for (const alt of ["opening", "first part"]) expect(html).toContain(`<img src="data:image/png;base64,${small}" width="28" height="28" alt="${alt}">`);
    for (const alt of ["second part", "third part"]) {
      expect(html).toContain(`<img data-saved-src="/_astro/${images[0].name}" fetchpriority="low" decoding="async" width="28" height="28" alt="${alt}">`);
    }
  });
});
