import { describe, expect, it } from "vitest";
import type { Page, Route } from "playwright-core";
import { pageUrl, useChapter, watchPage } from "./harness";

const chapter = useChapter("perceptron/", { viewport: { width: 360, height: 740 } });

describe("module scripts load after the first paint (src/build/deferredScripts.ts)", () => {
  it("requests no script before the first contentful paint, then every one the page had, and the widgets work", async () => {
    const page = await chapter.context().newPage();
    await page.bringToFront();
    const { problems } = watchPage(page);
    await page.goto(pageUrl("perceptron/"), { waitUntil: "networkidle" });
    const timing = await page.evaluate(() => ({
      paint: performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? NaN,
      scripts: performance
        .getEntriesByType("resource")
        .filter((entry) => /\.js(\?|$)/.test(entry.name))
        .map((entry) => ({ name: entry.name.split("/").pop()!, start: entry.startTime })),
      listed: JSON.parse(document.querySelector<HTMLScriptElement>("script[data-modules]")!.dataset.modules!) as string[],
      moduleTags: document.querySelectorAll('script[type="module"][src]').length,
    }));
    expect(timing.paint).toBeGreaterThan(0);
    expect(timing.moduleTags).toBe(0);
    expect(timing.scripts.length).toBeGreaterThanOrEqual(timing.listed.length);
    for (const script of timing.scripts) expect(script.start, script.name).toBeGreaterThanOrEqual(timing.paint);
    // Every listed file arrived and ran: each of these elements is defined by one of them.
    for (const tag of ["nb-cell", "nb-param", "site-search", "decision-line", "perceptron-lab"]) {
      expect(await page.evaluate((name) => customElements.get(name) !== undefined, tag), tag).toBe(true);
    }
    expect(problems).toEqual([]);
    await page.close();
  });

  /** Opens the chapter with `script` (a component's script file) held back; `release` lets it through. */
  async function openWithScriptHeld(script: RegExp, tag: string): Promise<{ page: Page; problems: string[]; release: () => void }> {
    const page = await chapter.context().newPage();
    await page.bringToFront();
    const { problems } = watchPage(page);
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const held: Route[] = [];
    await page.route(script, async (route) => {
      held.push(route);
      await released;
      await route.continue();
    });
    await page.goto(pageUrl("perceptron/"), { waitUntil: "load" });
    await expect.poll(() => held.length).toBeGreaterThan(0);
    expect(await page.evaluate((name) => customElements.get(name) === undefined, tag)).toBe(true);
    return { page, problems, release };
  }

  it("keeps a click on a button made before its element's script has arrived, and acts on it when it does", async () => {
    const { page, problems, release } = await openWithScriptHeld(/\/Search\.astro_astro_type_script[^/]*\.js$/, "site-search");
    await page.locator("site-search .search-open").click();
    await page.waitForTimeout(200);
    expect(await page.locator("dialog.search-dialog").evaluate((dialog) => (dialog as HTMLDialogElement).open)).toBe(false);
    release();
    await expect.poll(() => page.locator("dialog.search-dialog").evaluate((dialog) => (dialog as HTMLDialogElement).open)).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("keeps a click on a cell's code made before the cell's script has arrived, and opens the editor when it does", async () => {
    const { page, problems, release } = await openWithScriptHeld(/\/Cell\.astro_astro_type_script[^/]*\.js$/, "nb-cell");
    const cell = page.locator("nb-cell").first();
    await cell.locator("[data-nb-input]").click();
    await page.waitForTimeout(200);
    expect(await cell.locator(".cm-content").count()).toBe(0);
    release();
    await expect.poll(() => cell.locator(".cm-content").evaluate((editor) => editor.contains(document.activeElement)).catch(() => false)).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("keeps a tap on a param made before its script has arrived: the field written when it does takes the focus", async () => {
    const { page, problems, release } = await openWithScriptHeld(/\/Param\.astro_astro_type_script[^/]*\.js$/, "nb-param");
    const param = page.locator("nb-param.nb-param-kind-number").first();
    await param.scrollIntoViewIfNeeded();
    await param.locator(".nb-param-value").click();
    await page.waitForTimeout(200);
    expect(await param.locator("input").count()).toBe(0);
    release();
    await expect.poll(() => param.locator("input").evaluate((input) => input === document.activeElement).catch(() => false)).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  });
});
