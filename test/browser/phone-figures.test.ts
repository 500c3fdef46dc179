import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BrowserContext, Page } from "playwright-core";
import { launchBrowser, pageUrl, watchPage } from "./harness";
import { layoutShifts, openSettled, sumShifts } from "./layoutShifts";

// Issue: charts shrank with their box on a phone, so a figure drawn 640 px wide showed its 10 px labels at 5 px.
// Every chapter in both editions, at 360 × 740: what each figure's text measures on screen (its font size times
// the scale its SVG is drawn at), with the page as it loads and again once every widget has gone live.
const chapters = ["perceptron/", "error-surface/", "gradient-descent/", "chain-rule/", "backpropagation/", "your-own-autograd/", "real-data/"];
const pages = [...chapters, ...chapters.map((path) => `zh/${path}`)];
const phone = { width: 360, height: 740 };
/** A notebook cell's chart: the phone copy's floor, the same as text in the prose (phone.test.ts). */
const CELL_FLOOR = 12;
/** Any other figure: never smaller than the smallest text the book's figures show on a wide screen (Plot's 10 px). */
const FIGURE_FLOOR = 10;

interface ShownText {
  figure: string;
  size: number;
  text: string;
}

/** Every SVG text on the page a reader can see, with the size it is drawn at on screen, in px. */
function listShownTexts(): ShownText[] {
  const found: ShownText[] = [];
  for (const text of document.querySelectorAll("svg text")) {
    const words = text.textContent?.trim() ?? "";
    if (!words || text.getClientRects().length === 0 || getComputedStyle(text).visibility !== "visible") continue;
    const matrix = (text as SVGTextElement).getScreenCTM();
    if (!matrix) continue;
    const size = parseFloat(getComputedStyle(text).fontSize) * Math.hypot(matrix.a, matrix.b);
    let owner = text.parentElement;
    while (owner && !owner.tagName.includes("-")) owner = owner.parentElement;
    const figure = !owner ? "page" : owner.tagName === "NB-CELL" ? `cell ${(owner as HTMLElement).dataset.index}` : owner.tagName.toLowerCase();
    found.push({ figure, size: Math.round(size * 10) / 10, text: words.slice(0, 24) });
  }
  return found;
}

/** The texts under their floor, as "figure: size px 'text'" lines (one per figure, its smallest). */
function findTooSmall(texts: ShownText[]): string[] {
  const worst = new Map<string, ShownText>();
  for (const shown of texts) {
    const floor = shown.figure.startsWith("cell ") ? CELL_FLOOR : FIGURE_FLOOR;
    if (shown.size >= floor - 0.05) continue;
    if (!worst.has(shown.figure) || worst.get(shown.figure)!.size > shown.size) worst.set(shown.figure, shown);
  }
  return [...worst.values()].map(({ figure, size, text }) => `${figure}: ${size} px "${text}"`);
}


let context: BrowserContext;

beforeAll(async () => {
  context = await launchBrowser({ viewport: phone, touch: true });
});

afterAll(async () => {
  await context?.close();
});

describe.each(pages)("the figures of /%s on a 360 px phone", (path) => {
  let page: Page;
  let problems: string[];

  beforeAll(async () => {
    page = await openSettled(context, path, (opened) => {
      problems = watchPage(opened).problems;
    });
  });

  afterAll(async () => {
    await page?.close();
  });

  it(`shows every chart's text at ${CELL_FLOOR} px or more in cells, ${FIGURE_FLOOR} px or more in widgets, as saved`, async () => {
    const texts = await page.evaluate(listShownTexts);
    expect(texts.length).toBeGreaterThan(0);
    expect(findTooSmall(texts)).toEqual([]);
  });

  it("does not move while it loads and does not scroll sideways", async () => {
    const shifts = await layoutShifts(page);
    expect(sumShifts(shifts), JSON.stringify(shifts)).toBeLessThan(0.02);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
  });

  it("keeps them readable once every widget has gone live", async () => {
    // The kit loads a widget's runtime on the first focus of its figure; the live figure is drawn at its box's width.
    for (const figure of await page.locator("[data-figure]").all()) await figure.focus();
    await page.waitForTimeout(2000);
    expect(findTooSmall(await page.evaluate(listShownTexts))).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
    expect(problems).toEqual([]);
  });
});

describe("a chart a reader draws on a phone by running a cell", () => {
  it("comes with its phone copy too, so its text is 12 px or more", async () => {
    const page = await context.newPage();
    const { problems } = watchPage(page);
    try {
      await page.goto(pageUrl("gradient-descent/"), { waitUntil: "networkidle" });
      const cell = page.locator("nb-cell").first();
      await cell.locator("[data-nb-action=run]").click();
      await expect.poll(() => cell.locator(".nb-prompt").textContent(), { timeout: 20_000 }).toBe("[1]");
      await expect.poll(() => cell.locator(".nb-output").getAttribute("data-saved")).toBeNull();
      const texts = (await page.evaluate(listShownTexts)).filter((shown) => shown.figure === "cell 0");
      expect(texts.length).toBeGreaterThan(0);
      expect(findTooSmall(texts)).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
