import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BrowserContext, Page } from "playwright-core";
import { launchBrowser, pageUrl } from "./harness";

// Issue #10: code cells use the width beside the reading column on a wide screen (as Jupyter's cells fill the
// width), while prose keeps its reading measure, and a phone never scrolls sideways.
const chapter = "your-own-autograd/";
const rem = 16;

let context: BrowserContext;

beforeAll(async () => {
  context = await launchBrowser();
});

afterAll(async () => {
  await context?.close();
});

/** How many characters of the code font fit, without scrolling, in the code box `selector` (a saved cell's <pre>, or an editor). */
async function visibleColumns(page: Page, selector: string): Promise<number> {
  return page.locator(selector).first().evaluate((box: HTMLElement) => {
    // An editor's text scrolls inside .cm-scroller, beside the line numbers; a saved cell's inside its <pre>.
    const scroller = box.querySelector<HTMLElement>(".cm-scroller") ?? box;
    const text = box.querySelector<HTMLElement>(".cm-content") ?? box;
    const gutters = box.querySelector<HTMLElement>(".cm-gutters")?.offsetWidth ?? 0;
    const padding = (element: Element) => parseFloat(getComputedStyle(element).paddingLeft) + parseFloat(getComputedStyle(element).paddingRight);
    const probe = document.createElement("span");
    probe.textContent = "0".repeat(100);
    probe.style.cssText = `font: ${getComputedStyle(box.querySelector(".cm-line, code") ?? text).font}; white-space: pre; position: absolute; visibility: hidden;`;
    document.body.append(probe);
    const characterWidth = probe.getBoundingClientRect().width / 100;
    probe.remove();
    const width = scroller.clientWidth - gutters - padding(text) - (text === scroller ? 0 : padding(scroller));
    return Math.floor(width / characterWidth);
  });
}

// At 1440 px the chapter column sits between the chapter list and the contents; at 1920 px it grows to --wide.
describe.each([
  [1440, 80],
  [1920, 100],
])("a chapter at %i px", (width, columns) => {
  let page: Page;

  beforeAll(async () => {
    page = await context.newPage();
    await page.setViewportSize({ width, height: 900 });
    await page.goto(pageUrl(chapter), { waitUntil: "networkidle" });
  });

  afterAll(async () => {
    await page?.close();
  });

  it("keeps every paragraph of prose at its reading measure (at most 42rem)", async () => {
    const widths = await page.locator(".prose > p, .prose > .chapter-part > p").evaluateAll((paragraphs) => paragraphs.map((p) => p.getBoundingClientRect().width));
    expect(widths.length).toBeGreaterThan(10);
    expect(Math.max(...widths)).toBeLessThanOrEqual(42 * rem);
  });

  it(`shows at least ${columns} characters of a cell's code, saved and in the editor, without scrolling sideways`, async () => {
    expect(await visibleColumns(page, "nb-cell .nb-input pre")).toBeGreaterThanOrEqual(columns);
    const cell = page.locator("nb-cell").first();
    await cell.locator("[data-nb-input]").click();
    await cell.locator(".cm-content").waitFor();
    expect(await visibleColumns(page, "nb-cell .cm-editor")).toBeGreaterThanOrEqual(columns);
  });

  it("puts the cells beside the chapter list and the contents, not under them", async () => {
    const boxes = await page.evaluate(() =>
      [".sidebar", "nb-cell", ".toc"].map((selector) => {
        const { left, right } = document.querySelector(selector)!.getBoundingClientRect();
        return { left, right };
      }),
    );
    const [sidebar, cell, toc] = boxes;
    expect(cell.left).toBeGreaterThanOrEqual(sidebar.right);
    expect(cell.right).toBeLessThanOrEqual(toc.left);
  });
});

describe("a chapter at 360 px", () => {
  it("does not scroll sideways, and its cells take the whole width", async () => {
    const page = await context.newPage();
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(pageUrl(chapter), { waitUntil: "networkidle" });
    const { scrollWidth, clientWidth, cellWidth } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
      cellWidth: document.querySelector("nb-cell")!.getBoundingClientRect().width,
    }));
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
    expect(cellWidth).toBeGreaterThan(clientWidth - 3 * rem);
    await page.close();
  });
});

// A cell's badges (reactive, your turn, modified) sit in the gutter beside its code; a badge broken over two lines,
// or poking out of the gutter, is what a reader saw in both languages when the gutter was narrower than the words.
describe.each([
  ["perceptron/", 700],
  ["perceptron/", 1440],
  ["zh/perceptron/", 700],
  ["zh/perceptron/", 1440],
])("the cell badges of %s at %i px", (path, width) => {
  it("each fit on one line inside the cell's gutter", async () => {
    const page = await context.newPage();
    await page.setViewportSize({ width, height: 900 });
    await page.goto(pageUrl(path), { waitUntil: "networkidle" });
    const badges = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>("nb-cell .nb-badge")].map((badge) => {
        // The "modified" badge appears once the reader edits; show it to measure it.
        badge.hidden = false;
        const box = badge.getBoundingClientRect();
        const gutter = badge.closest(".nb-gutter")!.getBoundingClientRect();
        const lineHeight = parseFloat(getComputedStyle(badge).fontSize) * 1.5;
        return { text: badge.textContent, oneLine: box.height < lineHeight + 2, inside: box.left >= gutter.left - 0.5 && box.right <= gutter.right + 0.5 };
      }),
    );
    expect(new Set(badges.map((badge) => badge.text)).size).toBeGreaterThanOrEqual(3);
    expect(badges.filter((badge) => !badge.oneLine || !badge.inside)).toEqual([]);
    await page.close();
  });
});
