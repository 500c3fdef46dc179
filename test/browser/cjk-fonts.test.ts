import { describe, expect, it } from "vitest";
import { chromium } from "playwright-core";
import { chromiumFlags } from "./chromiumFlags.mjs";
import { pageUrl } from "./harness";

// Issue #15: Chinese text left to the system's fallback font made Chromium ask for that font again and again while
// it laid out a page's first screen (on Linux, a round trip to the browser process each time). src/styles/i18n.css
// names the CJK font (WenQuanYi, which .ci/run installs) through a face of its own, so it is found once.
describe("the Chinese edition's CJK font", () => {
  it("is named by the page, so loading a chapter asks the system's per-character fallback a few times, not hundreds", async () => {
    const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: chromiumFlags });
    try {
      const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
      await browser.startTracing(page, { categories: ["fonts"] });
      await page.goto(pageUrl("zh/gradient-descent/"), { waitUntil: "load" });
      await page.evaluate(() => document.fonts.ready.then(() => new Promise((resolve) => requestAnimationFrame(resolve))));
      const trace = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: { name: string }[] };
      const lookups = trace.traceEvents.filter((event) => event.name === "WebSandboxSupportLinux::GetFallbackFontForCharacter").length;
      // Traced at all: the page set its CJK text (the font events are there), and the lookups are few.
      expect(trace.traceEvents.some((event) => event.name === "FontCache::GetFontPlatformData")).toBe(true);
      expect(lookups).toBeLessThan(20);
    } finally {
      await browser.close();
    }
  });
});
