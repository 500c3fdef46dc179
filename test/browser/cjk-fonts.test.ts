import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromium, type Browser } from "playwright-core";
import { chromiumFlags } from "./chromiumFlags.mjs";
import { pageUrl } from "./harness";

interface TraceEvent {
  name: string;
  args?: { family_name?: string };
}

/** The families a stack of a stylesheet names, without quotes. */
function familiesOf(css: string, property: string): string[] {
  const stack = new RegExp(`${property}:([^;]+);`).exec(css)![1];
  return stack.split(",").map((family) => family.trim().replace(/^"|"$/g, ""));
}

/** Traces the fonts Chromium asks the system for while a page loads, until its fonts are in and a frame is drawn. */
async function traceFontRequests(browser: Browser, path: string): Promise<TraceEvent[]> {
  const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
  await browser.startTracing(page, { categories: ["fonts", "blink"] });
  await page.goto(pageUrl(path), { waitUntil: "load" });
  await page.evaluate(() => document.fonts.ready.then(() => new Promise((resolve) => requestAnimationFrame(resolve))));
  const trace = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] };
  await page.close();
  return trace.traceEvents;
}

// Issue #15: Chinese text left to the system's fallback font made Chromium ask for that font again and again while
// it laid out a page's first screen (on Linux, a round trip to the browser process each time). src/styles/i18n.css
// names the CJK font (WenQuanYi, which .ci/run installs) through a face of its own, so it is found once; and it names
// that face right after the Latin face, so Chinese text finds it before Chromium asks the system for the CJK families
// other systems have, each a round trip too.
describe("the Chinese edition's CJK font", () => {
  let browser: Browser;
  let events: TraceEvent[];
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: chromiumFlags });
    events = await traceFontRequests(browser, "zh/gradient-descent/");
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("is named by the page, so loading a chapter asks the system's per-character fallback a few times, not hundreds", () => {
    const lookups = events.filter((event) => event.name === "WebSandboxSupportLinux::GetFallbackFontForCharacter").length;
    // Traced at all: the page set its CJK text (the font events are there), and the lookups are few.
    expect(events.some((event) => event.name === "FontCache::GetFontPlatformData")).toBe(true);
    expect(lookups).toBeLessThan(20);
  });

  it("is found before the CJK families other systems have, so a chapter's Chinese text asks this system for none of them", () => {
    const chinese = readFileSync("src/styles/i18n.css", "utf8");
    const english = readFileSync("src/styles/global.css", "utf8");
    const code = familiesOf(chinese, "--font-code");
    // The CJK families the Chinese edition adds to the prose, headings' and interface stacks, but its own face (the
    // code stack's may also be asked for a symbol the code face lacks, which is not Chinese text); this system has none.
    const cjkFamilies = ["--font-prose", "--font-display", "--font-ui"]
      .flatMap((property) => familiesOf(chinese, property).filter((family) => !familiesOf(english, property).includes(family)))
      .filter((family) => family !== "Book CJK Sans" && !code.includes(family));
    expect(cjkFamilies).toEqual(expect.arrayContaining(["Noto Serif CJK SC", "Songti SC", "Hiragino Sans GB"]));
    const asked = events.filter((event) => event.name === "FontDataManager::onMatchFamilyStyle").map((event) => event.args?.family_name ?? "");
    // The requests are traced: the generic serif at least is asked for on every page.
    expect(asked).toContain("serif");
    expect(asked.filter((family) => cjkFamilies.includes(family))).toEqual([]);
  });
});
