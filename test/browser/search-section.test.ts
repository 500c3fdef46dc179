import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BrowserContext } from "playwright-core";
import { launchBrowser, pageUrl, watchPage } from "./harness";

// Issue 17: search lands where the word is, and Escape closes it in one press.
let context: BrowserContext;

beforeAll(async () => {
  context = await launchBrowser();
});

afterAll(async () => {
  await context?.close();
});

describe("search that lands where the word is", () => {
  it("opens a result at its matching section, with the word marked", async () => {
    const page = await context.newPage();
    const watch = watchPage(page);
    await page.goto(pageUrl(""), { waitUntil: "networkidle" });
    await page.locator(".search-open").click();
    await page.locator("#search-input").fill("momentum");
    const section = page.locator(".search-sections a").first();
    await expect.poll(() => section.count(), { timeout: 10_000 }).toBeGreaterThan(0);
    const href = (await section.getAttribute("href"))!;
    expect(href).toMatch(/\?highlight=momentum#[\w-]+$/);
    const anchor = decodeURIComponent(href.split("#")[1]);
    await section.click();
    await page.waitForURL((url) => url.hash === `#${anchor}`);
    const heading = page.locator(`[id="${anchor}"]`);
    // The section's heading is at the top of the window, not the chapter's title.
    await expect.poll(async () => (await heading.boundingBox())?.y ?? -1).toBeLessThan(300);
    expect((await heading.boundingBox())!.y).toBeGreaterThanOrEqual(-5);
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(200);
    const marks = page.locator("main mark.search-hit");
    expect(await marks.count()).toBeGreaterThan(0);
    expect((await marks.first().textContent())!.toLowerCase()).toBe("momentum");
    expect(watch.problems).toEqual([]);
    await page.close();
  });

  it("closes with one Escape, even with a query typed", async () => {
    const page = await context.newPage();
    await page.goto(pageUrl("perceptron/"), { waitUntil: "networkidle" });
    await page.keyboard.press("/");
    await page.locator("#search-input").fill("gradient");
    expect(await page.locator(".search-dialog").isVisible()).toBe(true);
    await page.keyboard.press("Escape");
    expect(await page.locator(".search-dialog").isVisible()).toBe(false);
    await page.close();
  });
});
