import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BrowserContext, Page } from "playwright-core";
import { readFileSync } from "node:fs";
import { findSeriousViolations, launchBrowser, setTheme, withEveryPartDrawn } from "./harness";
import { layoutShifts, openSettled, sumShifts } from "./layoutShifts";

// Issue #15: what Lighthouse's phone audit measures and is the same on every run: nothing moves while a page
// loads, no serious accessibility problem at phone or desktop width in either theme, no text under 12 px.
const chapters = ["perceptron/", "error-surface/", "gradient-descent/", "chain-rule/", "backpropagation/", "your-own-autograd/", "real-data/"];
// Both editions (issue #16); the lab page is a test bench in English only.
const pages = ["", ...chapters, "notation/", "instructors/", "glossary/", "lab/notebook/", "zh/", ...chapters.map((path) => `zh/${path}`), "zh/notation/", "zh/instructors/", "zh/glossary/"];
const phone = { width: 360, height: 740 };

/** The characters the subset KaTeX fonts of src/styles/katex.css have, as [from, to] ranges. */
const mathRanges = [...readFileSync("src/styles/katex.css", "utf8").matchAll(/unicode-range:\s*([^;]+);/g)].flatMap(([, list]) =>
  list.split(",").map((part) => {
    const [from, to] = part.trim().replace(/^U\+/, "").split("-");
    return [parseInt(from, 16), parseInt(to ?? from, 16)] as [number, number];
  }),
);
const inRanges = (point: number, ranges: [number, number][]) => ranges.some(([from, to]) => point >= from && point <= to);
/** Whether a character is Chinese text: a CJK ideograph, CJK punctuation (、。「」), full-width punctuation (，：（）) or a space. */
const isChineseText = (character: string) =>
  /^[\p{Script=Han}\u3000-\u303f\s\u200b]$/u.test(character) || (/^[\uff00-\uffef]$/u.test(character) && /^\p{P}$/u.test(character));


let context: BrowserContext;

beforeAll(async () => {
  context = await launchBrowser({ viewport: phone });
});

afterAll(async () => {
  await context?.close();
});

describe.each(pages)("page /%s on a phone", (path) => {
  let page: Page;

  beforeAll(async () => {
    page = await openSettled(context, path);
  });

  afterAll(async () => {
    await page?.close();
  });

  it("draws every math glyph from the subset KaTeX fonts (else run npm run fonts)", async () => {
    // Chinese words inside \text{} are set by KaTeX in a .cjk_fallback span from the page's CJK system fonts, like the prose.
    const { used, fallback } = await page.evaluate(() => {
      const fallbackText: string[] = [];
      const characters = [...document.querySelectorAll(".katex-html")].flatMap((math) => {
        const copy = math.cloneNode(true) as Element;
        for (const words of copy.querySelectorAll(".cjk_fallback")) {
          fallbackText.push(words.textContent ?? "");
          words.remove();
        }
        return [...(copy.textContent ?? "")];
      });
      return { used: [...new Set(characters)], fallback: [...new Set(fallbackText.join(""))] };
    });
    // KaTeX puts zero-width spaces between atoms; none of its fonts has that character.
    const missing = used.filter((character) => character !== "\u200b" && !inRanges(character.codePointAt(0)!, mathRanges));
    expect(missing).toEqual([]);
    // What the system fonts draw is Chinese only: a Latin letter or a math symbol the subset lacks cannot hide there.
    expect(fallback.filter((character) => !isChineseText(character))).toEqual([]);
  });

  it("lays out KaTeX's screen-reader MathML in the letters it is written in, not the mathematical italic alphabet no font on the page has", async () => {
    // Each such letter cost a fallback-font lookup at load (src/styles/global.css, .katex-mathml mi).
    const { drawn, written, laidOut } = await page.evaluate(() => {
      const astral = (text: string) => [...text].filter((character) => character.codePointAt(0)! > 0xffff).join("");
      const copies = [...document.querySelectorAll<HTMLElement>(".katex-mathml")].filter((math) => math.checkVisibility({ contentVisibilityAuto: true }));
      return { drawn: copies.length, written: astral(copies.map((math) => math.textContent).join("")), laidOut: astral(copies.map((math) => math.innerText).join("")) };
    });
    if (path === "gradient-descent/") expect(drawn).toBeGreaterThan(0);
    expect(laidOut).toBe(written);
  });

  it("does not move while it loads, its web fonts arriving after the first paint: cumulative layout shift below 0.02 at 360 px", async () => {
    const { paint, fontsDone } = await page.evaluate(() => ({
      paint: performance.getEntriesByName("first-paint")[0]!.startTime,
      fontsDone: (performance.getEntriesByType("resource") as PerformanceResourceTiming[]).filter((entry) => entry.name.endsWith(".woff2")).map((entry) => entry.responseEnd),
    }));
    // The case a slow connection makes: the first screen drawn in the fallback faces, then the web fonts swapped in.
    expect(fontsDone.length).toBeGreaterThan(0);
    expect(Math.min(...fontsDone)).toBeGreaterThan(paint);
    const shifts = await layoutShifts(page);
    expect(sumShifts(shifts), JSON.stringify(shifts)).toBeLessThan(0.02);
  });

  // The build preloads what a chapter's opening and first part use (src/build/fontPreloads.ts); the notation
  // page's parts are short tables, several of which render at once, so only chapters are held to this.
  if (chapters.some((chapter) => path.endsWith(chapter))) it("fetches at load only web fonts it preloads, as a chapter: a font found late by layout makes the browser resolve the page's fonts again after the first paint", async () => {
    const fonts = await page.evaluate(() =>
      (performance.getEntriesByType("resource") as PerformanceResourceTiming[]).filter((entry) => entry.name.endsWith(".woff2")).map((entry) => ({ file: entry.name.split("/").pop(), by: entry.initiatorType })),
    );
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.filter((font) => font.by !== "link")).toEqual([]);
  });

  it("keeps every equation's number clear of its formula at 360 px", async () => {
    // KaTeX pins the number to the right edge; on a phone a wide formula ran under it.
    const overlaps = await page.evaluate(() =>
      [...document.querySelectorAll(".katex-display")].flatMap((display) => {
        const tag = display.querySelector(".katex-html > .tag");
        if (!tag) return [];
        const number = tag.getBoundingClientRect();
        const touches = [...display.querySelectorAll(".katex-html > .base")].some((part) => {
          const box = part.getBoundingClientRect();
          return box.right > number.left + 0.5 && box.left < number.right - 0.5 && box.bottom > number.top && box.top < number.bottom;
        });
        return touches ? [`${tag.textContent}: ${(display.querySelector(".katex-mathml")?.textContent ?? "").slice(0, 60)}`] : [];
      }),
    );
    expect(overlaps).toEqual([]);
  });

  it("starts no line with the punctuation after a short inline formula or an inline number, and ends none with a bracket before one, at 360 px", async () => {
    const { count, stranded } = await withEveryPartDrawn(page, () =>
      page.evaluate(() => {
        const tails = [...document.querySelectorAll(".with-punctuation")];
        const found = tails.flatMap((tail) => {
          // The glyph boxes of a formula, or the boxes of a component (a number's field).
          const kept = tail.firstElementChild;
          const boxes = kept?.classList.contains("katex") ? [...kept.querySelectorAll(".katex-html > .base")].map((base) => base.getBoundingClientRect()) : [...(kept?.getClientRects() ?? [])];
          const name = `${tail.querySelector(".katex-mathml")?.textContent ?? kept?.textContent}`;
          const opening = tail.firstChild?.nodeType === Node.TEXT_NODE ? tail.firstChild : null;
          const closing = tail.lastChild?.nodeType === Node.TEXT_NODE ? tail.lastChild : null;
          if (boxes.length === 0 || (!opening && !closing)) return [`${tail.textContent}: no formula or no punctuation`];
          /** Whether the first character of `text` is drawn on the line of `glyphs`. */
          const onLineOf = (text: ChildNode, glyphs: DOMRect) => {
            const range = document.createRange();
            range.setStart(text, 0);
            range.setEnd(text, 1);
            const mark = range.getBoundingClientRect();
            return mark.top < glyphs.bottom && mark.bottom > glyphs.top;
          };
          return [
            ...(opening && !onLineOf(opening, boxes[0]) ? [`${opening.textContent}${name}`] : []),
            ...(closing && !onLineOf(closing, boxes.at(-1)!) ? [`${name}${closing.textContent}`] : []),
          ];
        });
        return { count: tails.length, stranded: found };
      }),
    );
    if (/perceptron|descent|surface|rule|propagation|autograd|real-data|notation/.test(path)) expect(count).toBeGreaterThan(20);
    if (/gradient-descent/.test(path)) expect(await page.locator(".with-punctuation > nb-param").count()).toBeGreaterThan(3);
    expect(stranded).toEqual([]);
  });

  it("shows no visible text under 12 px at 360 px", async () => {
    // Text in HTML elements. SVG figures scale with the screen, so their labels' computed size is not what shows;
    // math follows TeX's script sizes.
    const small = await page.evaluate(() => {
      const found: string[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      while (walker.nextNode()) {
        const text = walker.currentNode as Text;
        const element = text.parentElement;
        if (!text.data.trim() || !element || element.closest("svg, script, style, .katex, .visually-hidden")) continue;
        if (element.getClientRects().length === 0 || getComputedStyle(element).visibility !== "visible") continue;
        const size = parseFloat(getComputedStyle(element).fontSize);
        if (size < 12) found.push(`${element.tagName.toLowerCase()}.${[...element.classList].join(".")} ${size}px: ${text.data.trim().slice(0, 30)}`);
      }
      return found;
    });
    expect(small).toEqual([]);
  });

  it.each(["light", "dark"] as const)("has no serious or critical axe violation at 360 px in the %s theme", async (theme) => {
    await setTheme(page, theme);
    expect(await findSeriousViolations(page)).toEqual([]);
  });

  it.each(["light", "dark"] as const)("has no serious or critical axe violation at 1440 px in the %s theme", async (theme) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await setTheme(page, theme);
    try {
      expect(await findSeriousViolations(page)).toEqual([]);
    } finally {
      await page.setViewportSize(phone);
    }
  });
});

describe.each([
  ["a table", "notation/", ":is(.prose, .chapter-part) > table"],
  ["a table", "zh/notation/", ":is(.prose, .chapter-part) > table"],
  // Its formula fits; the room kept for its number, (1), does not.
  ["a numbered formula", "gradient-descent/", "#eq-one-step-decrease > .katex-display"],
  // Code keeps its theme's paper (white, or github-dark-default's), not the page's: the covers must match it.
  ["a code block", "backpropagation/", ".chapter-part > pre.astro-code"],
  ["a cell's code", "your-own-autograd/", ".nb-input pre.astro-code"],
  // A cell's table of numbers, on the page's paper; a widget's table and diagram, on the widget's raised paper.
  ["a cell's table", "real-data/", ".nb-out-table > table"],
  ["a widget's table", "backpropagation/", "bp-error-table .widget-numbers"],
  ["the network diagram", "backpropagation/", ".bp-diagram-scroll"],
])("%s on /%s wider than a phone", (_, path, selector) => {
  it.each(["light", "dark"] as const)("shows a shadow on the side where some of it is hidden, in the %s theme: the right at first, the left once scrolled to the end", async (theme) => {
    const page = await openSettled(context, path);
    await setTheme(page, theme);
    // With the text hidden, an edge's pixels are the block's background (and a table's rules). Code's tokens are
    // hidden, not made transparent: the dark theme sets their colour with !important.
    await page.addStyleTag({ content: ".prose :is(table, .katex-display) * { color: transparent !important; } .prose pre * { visibility: hidden; }" });
    const block = page.locator(selector).first();
    await block.scrollIntoViewIfNeeded();
    expect(await block.evaluate((element) => element.scrollWidth - element.clientWidth)).toBeGreaterThan(20);
    /** How far the middle pixel of the column one pixel in from each side is from the middle column's, in R+G+B. */
    const edges = async () => {
      const png = await block.screenshot();
      return page.evaluate(async (bytes) => {
        const image = await createImageBitmap(new Blob([new Uint8Array(bytes)], { type: "image/png" }));
        const canvas = new OffscreenCanvas(image.width, image.height);
        const drawing = canvas.getContext("2d")!;
        drawing.drawImage(image, 0, 0);
        const column = (x: number) => {
          const { data } = drawing.getImageData(x, 0, 1, image.height);
          const sums: number[] = [];
          for (let i = 0; i < data.length; i += 4) sums.push(data[i] + data[i + 1] + data[i + 2]);
          return sums.sort((a, b) => a - b)[sums.length >> 1];
        };
        const paper = column(image.width >> 1);
        return { left: Math.abs(column(1) - paper), right: Math.abs(column(image.width - 2) - paper) };
      }, [...png]);
    };
    const start = await edges();
    expect(start.right).toBeGreaterThan(30);
    expect(start.left).toBeLessThan(6);
    await block.evaluate((element) => element.scrollTo({ left: element.scrollWidth, behavior: "instant" }));
    const end = await edges();
    expect(end.left).toBeGreaterThan(30);
    expect(end.right).toBeLessThan(6);
    await page.close();
  });
});
