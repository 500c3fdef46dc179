import { describe, expect, it } from "vitest";
import { DROP_BOTTOM, DROP_TOP, markPartEdges } from "../../../src/build/partEdges";

/** A page whose prose holds `blocks`. */
const page = (blocks: string) => `<!DOCTYPE html><html><head></head><body><div class="prose">${blocks}</div></body></html>`;
const part = (blocks: string) => `<div class="chapter-part">${blocks}</div>`;

describe("markPartEdges", () => {
  it("drops the bottom margin of text before a part's heading and at a part's end, and the top of a paragraph after a figure", () => {
    const marked = markPartEdges(page(`<p>a</p>${part("<h2>h</h2><p>x</p>")}${part("<p>y</p><figure>f</figure>")}<p>z</p>`));
    expect(marked).toBe(
      page(
        `<p class="${DROP_BOTTOM}">a</p>${part(`<h2>h</h2><p class="${DROP_BOTTOM}">x</p>`)}${part("<p>y</p><figure>f</figure>")}<p class="${DROP_TOP}">z</p>`,
      ),
    );
  });

  it("drops the top margin of a part's first paragraph, or first figure, after a block outside the parts, skipping scripts", () => {
    const marked = markPartEdges(page(`<bp-widget></bp-widget>${part("<script>1</script><p>x</p>")}<ul></ul>${part("<figure>f</figure><p>y</p>")}`));
    expect(marked).toBe(
      page(
        `<bp-widget></bp-widget>${part(`<script>1</script><p class="${DROP_TOP} ${DROP_BOTTOM}">x</p>`)}<ul></ul>${part(`<figure class="${DROP_TOP}">f</figure><p class="${DROP_BOTTOM}">y</p>`)}`,
      ),
    );
  });

  it("drops the bottom margin of a paragraph before a part that opens with a figure, and keeps the figure's top one", () => {
    expect(markPartEdges(page(`<p>a</p>${part("<figure>f</figure>")}`))).toBe(page(`<p class="${DROP_BOTTOM}">a</p>${part("<figure>f</figure>")}`));
  });

  it("counts a script between the prose's blocks as the block before a part, as a sibling selector would", () => {
    expect(markPartEdges(page(`<p>a</p><script>1</script>${part("<figure>f</figure>")}`))).toBe(
      page(`<p>a</p><script>1</script>${part(`<figure class="${DROP_TOP}">f</figure>`)}`),
    );
  });

  it("adds to a block's own classes inside their quotes, and leaves the rest of the page as written", () => {
    const blocks = `<p class='lead' data-x="a&amp;b">a<noscript><div>n</div></noscript></p>${part(`<h3 id="s">h</h3><p class="x">y</p>`)}<aside>z</aside>`;
    expect(markPartEdges(page(blocks))).toBe(
      page(`<p class='lead ${DROP_BOTTOM}' data-x="a&amp;b">a<noscript><div>n</div></noscript></p>${part(`<h3 id="s">h</h3><p class="x ${DROP_BOTTOM}">y</p>`)}<aside>z</aside>`),
    );
  });

  it("returns a page without parts as it was", () => {
    const html = page("<p>a</p><figure>f</figure><p>b</p>");
    expect(markPartEdges(html)).toBe(html);
  });
});
