import { describe, expect, it } from "vitest";
import { pageUrl, watchPage, withEveryPartDrawn, useBrowserPerWidth } from "./harness";

// Issue #16: a Chinese title wraps between words, never halfway through one (反向|传播 across two lines).
const chapters = ["perceptron", "error-surface", "gradient-descent", "chain-rule", "backpropagation", "your-own-autograd", "real-data"];
const pages = ["zh/", ...chapters.map((slug) => `zh/${slug}/`), "zh/notation/", "zh/instructors/", "zh/glossary/", "zh/404/"];
/** Every title on a page that may wrap: headings, the home page's chapter cards, the chapter list, the contents, the pager and the glossary's terms. */
const TITLES = "h1, h2, h3, .chapter-card-title, .chapter-name, .toc a, .pager-title, .glossary-table td:first-child";

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
const browserAt = useBrowserPerWidth(widths);

describe.each(widths)("Chinese titles at %i px", (width) => {
  it.each(pages)("%s: every title wraps between words, and nothing scrolls sideways", async (path) => {
    const page = await browserAt(width).newPage();
    const watch = watchPage(page);
    // Settled before it is read and closed: events arriving for a closed page are unhandled errors in Playwright.
    await page.goto(pageUrl(path), { waitUntil: "networkidle" });
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

it("the titles that used to break inside a word now wrap between words, and would break mid-word without the rule", async () => {
  // The home page's headline at 1440 px and chapter 6's title at 360 px both wrapped mid-word before.
  for (const [width, path] of [
    [1440, "zh/"],
    [360, "zh/your-own-autograd/"],
  ] as const) {
    const page = await browserAt(width).newPage();
    await page.goto(pageUrl(path), { waitUntil: "load" });
    /** How many lines the h1 takes, and how many of its words are cut across two lines. */
    const measure = () =>
      page.evaluate(async () => {
        await document.fonts.ready;
        const words = [...document.querySelectorAll("h1 .zh-word")];
        const lineTops = (word: Element) => new Set([...word.getClientRects()].map((rect) => Math.round(rect.top)));
        return { lines: new Set(words.flatMap((word) => [...lineTops(word)])).size, broken: words.filter((word) => lineTops(word).size > 1).length };
      });
    const kept = await measure();
    expect(kept.lines).toBeGreaterThan(1);
    expect(kept.broken).toBe(0);
    // Filling each line greedily (a browser without text-wrap: balance) still wraps between words.
    await page.addStyleTag({ content: "h1 { text-wrap: wrap; }" });
    expect((await measure()).broken).toBe(0);
    // The last resort: in a box narrower than a word, the word breaks rather than stick out.
    const overflow = await page.evaluate(() => {
      const h1 = document.querySelector<HTMLElement>("h1")!;
      const width = h1.style.width;
      h1.style.width = "1.5em";
      const sticksOut = h1.scrollWidth - h1.clientWidth;
      h1.style.width = width;
      return sticksOut;
    });
    expect(overflow).toBeLessThanOrEqual(0);
    // The control: with Chinese's usual break-anywhere rule back, the same title cuts a word, so the measure can see it.
    await page.addStyleTag({ content: ".zh-words { word-break: normal; }" });
    expect((await measure()).broken, `${path} at ${width} px`).toBeGreaterThan(0);
    await page.close();
  }
});

/** What a page's tables show of their headings and code at a width. */
interface TableReport {
  headings: number;
  codes: number;
  /** Heading words and code names drawn on more than one line, with their table's first heading. */
  broken: string[];
}

/**
 * Every word of every table heading and every code name in a table cell, and which of them are drawn on more than one
 * line. A heading's words are its runs between spaces and Chinese punctuation (a line may break at a full-width comma
 * or bracket); a code name is a run between spaces (long code may wrap at its spaces, never inside a name).
 */
function measureTables(): TableReport {
  const lines = (rects: Iterable<DOMRect>) => new Set([...rects].filter((rect) => rect.width > 0).map((rect) => Math.round(rect.top))).size;
  const where = (element: Element) => element.closest("table")?.querySelector("th")?.textContent ?? "";
  const broken: string[] = [];
  const findBroken = (root: Element, words: RegExp, skip: string, kind: string) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (skip && node.parentElement!.closest(skip)) continue;
      for (const word of (node.textContent ?? "").matchAll(words)) {
        const range = document.createRange();
        range.setStart(node, word.index);
        range.setEnd(node, word.index + word[0].length);
        if (lines(range.getClientRects()) > 1) broken.push(`${kind} ${word[0]} (table: ${where(root)})`);
      }
    }
  };
  const headings = [...document.querySelectorAll("th")].filter((th) => th.getClientRects().length > 0);
  for (const th of headings) findBroken(th, /[^\s，、；：。（）]+/g, ".katex, code", "heading");
  const codes = [...document.querySelectorAll(":is(td, th) code")].filter((code) => code.getClientRects().length > 0);
  for (const code of codes) findBroken(code, /\S+/g, "", "code");
  return { headings: headings.length, codes: codes.length, broken };
}

describe("Chinese tables at 360 px", () => {
  const tablePages = ["your-own-autograd", "real-data", "backpropagation", "chain-rule", "gradient-descent", "notation"].map((slug) => `zh/${slug}/`);
  it.each(tablePages)("%s: no heading word and no code name in a table is cut across two lines", async (path) => {
    const page = await browserAt(360).newPage();
    await page.goto(pageUrl(path), { waitUntil: "networkidle" });
    await page.evaluate(() => document.fonts.ready);
    const report = await withEveryPartDrawn(page, () => page.evaluate(measureTables));
    expect(report.headings).toBeGreaterThan(2);
    expect(report.broken).toEqual([]);
    await page.close();
  });

  // A cell's table heads its columns with the keys of the objects the cell displays. The translator translates quoted
  // keys; unquoted ones are code and stay, so tables read "node | value | 你的梯度 | 引擎的梯度 | pattern". A cell whose
  // object has a key that needs quotes now quotes them all (Prettier's "consistent" rule) in English, and Chinese
  // translates every one. A table in one language throughout (epoch | mistakes | w1) is left as code.
  it.each(chapters.map((slug) => `zh/${slug}/`))("%s: no cell's table puts an English word beside a Chinese heading", async (path) => {
    const page = await browserAt(360).newPage();
    await page.goto(pageUrl(path), { waitUntil: "networkidle" });
    const mixed = await page.evaluate(() =>
      [...document.querySelectorAll(".nb-out-table table")].flatMap((table) => {
        const headings = [...table.querySelectorAll("th")].map((th) => th.textContent!.trim());
        const english = headings.filter((heading) => /^[A-Za-z ]*[A-Za-z]{3,}[A-Za-z ]*$/.test(heading));
        return headings.some((heading) => /[\u4e00-\u9fff]/.test(heading)) && english.length > 0 ? [headings.join(" | ")] : [];
      }),
    );
    expect(await page.locator(".nb-out-table table").count()).toBeGreaterThan(0);
    expect(mixed).toEqual([]);
    await page.close();
  });

  it("would see a heading cut after each character and x.add(y) cut in two with Chinese's break-anywhere rules back", async () => {
    const page = await browserAt(360).newPage();
    await page.goto(pageUrl("zh/your-own-autograd/"), { waitUntil: "networkidle" });
    await page.addStyleTag({ content: ":lang(zh-CN) th { word-break: normal; } :lang(zh-CN) .nb-out-table th { white-space: normal; } :lang(zh-CN) .prose :is(td, th) code { overflow-wrap: anywhere; }" });
    await page.evaluate(() => document.fonts.ready);
    const report = await withEveryPartDrawn(page, () => page.evaluate(measureTables));
    expect(report.broken.some((line: string) => line.startsWith("heading "))).toBe(true);
    expect(report.broken).toContain("code x.add(y) (table: 运算)");
    await page.close();
  });
});
