import { describe, expect, it } from "vitest";
import { pageUrl, watchPage, withEveryPartDrawn, useBrowserPerWidth } from "./harness";

// A chart's tick labels were cut off at its edge: real-data's "100 %" lost its 1, perceptron's "−1.5" its minus sign,
// the log axes of back-propagation drew a decade above the frame and another under the steps axis, and chapter 6's
// starter drew an all-zero loss labelled "0.000000" half outside its figure. Every chapter in both editions, at a
// phone's width and density and a wide screen's, with every part drawn: each text of every chart lies inside its own figure.
const chapters = ["perceptron/", "error-surface/", "gradient-descent/", "chain-rule/", "backpropagation/", "your-own-autograd/", "real-data/"];
const pages = [...chapters, ...chapters.map((path) => `zh/${path}`)];
const widths = [360, 1440];
/** Sub-pixel slack: a glyph's box may round past the edge it is drawn against. */
const SLACK = 0.5;

/** Every shown SVG text that reaches past its outermost SVG's box, as "how far px 'text'" lines; and how many texts were measured. */
function findTextsOutside(slack: number): { measured: number; outside: string[] } {
  let measured = 0;
  const outside: string[] = [];
  for (const text of document.querySelectorAll("svg text")) {
    const words = text.textContent?.trim() ?? "";
    if (!words || text.getClientRects().length === 0 || getComputedStyle(text).visibility !== "visible") continue;
    let svg = text.closest("svg")!;
    while (svg.parentElement?.closest("svg")) svg = svg.parentElement.closest("svg")!;
    const box = svg.getBoundingClientRect();
    const drawn = text.getBoundingClientRect();
    measured += 1;
    const past = Math.max(box.left - drawn.left, drawn.right - box.right, box.top - drawn.top, drawn.bottom - box.bottom);
    if (past > slack) outside.push(`${past.toFixed(1)} px "${words.slice(0, 24)}"`);
  }
  return { measured, outside };
}

// The phone is a phone: touch and two device pixels a CSS pixel. Text is laid out at that density: the box of the
// sigmoid cell's axis label "z →", set at 13 px against the book's 12, reached 1 px below its figure at density 2 only.
const browserAt = useBrowserPerWidth(widths, 900, (width) => ({ touch: width < 600 }));

describe.each(widths)("charts at %i px", (width) => {
  it.each(pages)("%s: no text of a chart reaches past its figure's edge, as saved and once live", async (path) => {
    const page = await browserAt(width).newPage();
    const { problems } = watchPage(page);
    await page.goto(pageUrl(path), { waitUntil: "networkidle" });
    const saved = await withEveryPartDrawn(page, () => page.evaluate(findTextsOutside, SLACK));
    expect(saved.measured).toBeGreaterThan(10);
    expect(saved.outside).toEqual([]);
    // The kit loads a widget's runtime on the first focus of its figure; the live figure is drawn at its box's width.
    for (const figure of await page.locator("[data-figure]").all()) await figure.focus();
    await page.waitForTimeout(1500);
    const live = await withEveryPartDrawn(page, () => page.evaluate(findTextsOutside, SLACK));
    expect(live.outside).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });
});
