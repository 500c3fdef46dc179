import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BrowserContext } from "playwright-core";
import { launchBrowser, pageUrl, watchPage } from "./harness";

// Issue #16: a Chinese title wraps between words, never halfway through one (反向|传播 across two lines).
const chapters = ["perceptron", "error-surface", "gradient-descent", "chain-rule", "backpropagation", "your-own-autograd", "real-data"];
const pages = ["zh/", ...chapters.map((slug) => `zh/${slug}/`), "zh/notation/", "zh/instructors/", "zh/glossary/"];
/** Every title on a page that may wrap: headings, the home page's chapter cards, the chapter list, the contents and the pager. */
const TITLES = "h1, h2, h3, .chapter-card-title, .chapter-name, .toc a, .pager-title";

/** What the page shows of its titles' words. */
interface TitleReport {
  /** Words measured (shown on screen). */
  words: number;
  /** Words drawn on more than one line, with their title. */
  brokenWords: string[];
  /** Titles with Chinese characters outside any word span (they could break anywhere). */
  unsegmented: string[];
  scrollWidth: number;
  clientWidth: number;
}

const widths = [360, 1440];
const contexts = new Map<number, BrowserContext>();

beforeAll(async () => {
  for (const width of widths) contexts.set(width, await launchBrowser({ viewport: { width, height: 900 } }));
});

afterAll(async () => {
  for (const context of contexts.values()) await context.close();
});

describe.each(widths)("Chinese titles at %i px", (width) => {
  it.each(pages)("%s: every title wraps between words, and nothing scrolls sideways", async (path) => {
    const page = await contexts.get(width)!.newPage();
    const watch = watchPage(page);
    await page.goto(pageUrl(path), { waitUntil: "load" });
    const report: TitleReport = await page.evaluate(async (selector) => {
      await document.fonts.ready;
      // The chapter list and the contents start folded on a phone; unfolded, their titles must wrap well too.
      for (const details of document.querySelectorAll<HTMLDetailsElement>(".sidebar details, .toc details")) details.open = true;
      const han = /\p{Script=Han}/u;
      const words = [...document.querySelectorAll<HTMLElement>(".zh-word")].filter((word) => word.closest(selector) && word.getClientRects().length > 0);
      const brokenWords = words
        .filter((word) => new Set([...word.getClientRects()].map((rect) => Math.round(rect.top))).size > 1)
        .map((word) => `${word.textContent} in ${word.closest(selector)!.textContent}`);
      const unsegmented: string[] = [];
      for (const title of document.querySelectorAll<HTMLElement>(selector)) {
        const walker = document.createTreeWalker(title, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const parent = node.parentElement!;
          if (han.test(node.textContent ?? "") && !parent.closest(".zh-word, .katex, code")) unsegmented.push(`${title.tagName} ${title.textContent}`);
        }
      }
      return { words: words.length, brokenWords, unsegmented, scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth };
    }, TITLES);
    expect(report.words).toBeGreaterThan(3);
    expect(report.unsegmented).toEqual([]);
    expect(report.brokenWords).toEqual([]);
    expect(report.scrollWidth).toBeLessThanOrEqual(report.clientWidth);
    expect(watch.problems).toEqual([]);
    await page.close();
  });
});

it("the titles that used to break inside a word now wrap between words", async () => {
  // The home page's headline at 1440 px and chapter 6's title at 360 px both wrapped mid-word before.
  for (const [width, path] of [
    [1440, "zh/"],
    [360, "zh/your-own-autograd/"],
  ] as const) {
    const page = await contexts.get(width)!.newPage();
    await page.goto(pageUrl(path), { waitUntil: "load" });
    const lines = await page.evaluate(async () => {
      await document.fonts.ready;
      const tops = [...document.querySelectorAll("h1 .zh-word")].map((word) => Math.round(word.getClientRects()[0].top));
      return new Set(tops).size;
    });
    // Each still takes more than one line, so the wrap happens, and happens between words (the test above).
    expect(lines).toBeGreaterThan(1);
    await page.close();
  }
});
