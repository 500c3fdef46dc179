import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BrowserContext, Page } from "playwright-core";
import { basePath, launchBrowser, numberParam, pageUrl, watchPage } from "./harness";
import { testSite } from "./globalSetup";

// Issue #16: the Simplified Chinese edition under <base>/zh/, and switching between the two editions.
const chapters = ["perceptron", "error-surface", "gradient-descent", "chain-rule", "backpropagation", "your-own-autograd"];

let context: BrowserContext;

beforeAll(async () => {
  context = await launchBrowser();
});

afterAll(async () => {
  await context?.close();
});

/** The ids of a page's section headings, in order. */
async function headingIds(path: string): Promise<string[]> {
  const html = await (await fetch(pageUrl(path))).text();
  return [...html.matchAll(/<h([23]) id="([^"]+)"/g)].map((match) => `h${match[1]} ${match[2]}`);
}

describe("the Chinese edition", () => {
  it.each(chapters)("zh/%s/ is in Chinese and its sections carry the English chapter's anchors", async (slug) => {
    const page = await context.newPage();
    const watch = watchPage(page);
    await page.goto(pageUrl(`zh/${slug}/`), { waitUntil: "load" });
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("zh-CN");
    expect(await page.locator(".toc-title").textContent()).toBe("本页内容");
    expect(await page.locator("article.chapter h1").textContent()).toMatch(/[\u4e00-\u9fff]/);
    const english = await headingIds(`${slug}/`);
    expect(english.length).toBeGreaterThan(3);
    expect(await headingIds(`zh/${slug}/`)).toEqual(english);
    expect(watch.problems).toEqual([]);
    await page.close();
  });

  it("names its counterpart in the head with whole URLs on the host the build was given: hreflang en, zh-CN and x-default", async () => {
    // The attribute as written, not the property (which the browser resolves against the page): search engines read the attribute.
    const html = await (await fetch(pageUrl("zh/chain-rule/"))).text();
    const alternates = Object.fromEntries([...html.matchAll(/<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"/g)].map((match) => [match[1], match[2]]));
    const site = `${testSite.origin}${basePath}`;
    expect(alternates).toEqual({ en: `${site}chain-rule/`, "zh-CN": `${site}zh/chain-rule/`, "x-default": `${site}chain-rule/` });
  });
});

describe("switching languages", () => {
  it("lands on the same section with the same params, both ways, and remembers the choice", async () => {
    const page = await context.newPage();
    const watch = watchPage(page);
    const section = "momentum-remembering-the-last-step";
    await page.goto(pageUrl(`gradient-descent/?lr=12#${section}`), { waitUntil: "networkidle" });
    // The value the page shows, and its field once drawn, say the address's 12.
    expect(await page.locator("nb-param[data-name=lr] [role=spinbutton]").getAttribute("aria-valuenow")).toBe("12");
    const lr = await numberParam(page, "lr");
    expect(await lr.getAttribute("aria-valuenow")).toBe("12");
    // A setting changed on the page (it goes into the address) travels too.
    await lr.fill("20");
    await lr.press("Tab");
    await expect.poll(() => new URL(page.url()).searchParams.get("lr")).toBe("20");

    await page.locator("a.language-switch").click();
    await page.waitForURL((url) => url.pathname === `${basePath}zh/gradient-descent/`);
    const url = new URL(page.url());
    expect(url.searchParams.get("lr")).toBe("20");
    expect(url.hash).toBe(`#${section}`);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("zh-CN");
    // The saved page shows the default until its scripts, loaded after the first paint, read the address.
    await expect.poll(() => page.locator("nb-param[data-name=lr] [role=spinbutton]").getAttribute("aria-valuenow")).toBe("20");
    const heading = page.locator(`[id="${section}"]`);
    expect(await heading.textContent()).toMatch(/动量/);
    await expect.poll(async () => (await heading.boundingBox())?.y ?? -1).toBeLessThan(300);
    expect((await heading.boundingBox())!.y).toBeGreaterThanOrEqual(-5);
    expect(await page.evaluate(() => localStorage.getItem("bn-lang"))).toBe("zh-CN");

    await page.locator("a.language-switch").click();
    await page.waitForURL((next) => next.pathname === `${basePath}gradient-descent/`);
    expect(new URL(page.url()).searchParams.get("lr")).toBe("20");
    expect(new URL(page.url()).hash).toBe(`#${section}`);
    expect(await page.evaluate(() => localStorage.getItem("bn-lang"))).toBe("en");
    expect(watch.problems).toEqual([]);
    await page.close();
  });

  it("offers the Chinese edition on the English home page to a Chinese-locale browser, once, and never redirects", async () => {
    const chinese = await launchBrowser({ locale: "zh-CN" });
    const page = await chinese.newPage();
    await page.goto(pageUrl(""), { waitUntil: "networkidle" });
    expect(new URL(page.url()).pathname).toBe(basePath);
    const offer = page.locator(".language-offer");
    await expect.poll(() => offer.isVisible()).toBe(true);
    expect(await offer.locator("a").getAttribute("href")).toBe(`${basePath}zh/`);
    await offer.locator("button").click();
    expect(await offer.isVisible()).toBe(false);
    await page.reload({ waitUntil: "networkidle" });
    expect(await offer.isVisible()).toBe(false);
    await chinese.close();

    const english = await context.newPage();
    await english.goto(pageUrl(""), { waitUntil: "networkidle" });
    expect(await english.locator(".language-offer").isVisible()).toBe(false);
    await english.close();
  });
});

describe("search in each edition", () => {
  /** The result links a query gives on a page, once Pagefind has answered. */
  async function search(page: Page, query: string): Promise<string[]> {
    await page.locator(".search-open").click();
    await page.locator("#search-input").fill(query);
    const results = page.locator(".search-results > li > a");
    await expect.poll(() => results.count(), { timeout: 10_000 }).toBeGreaterThan(0);
    return results.evaluateAll((links) => links.map((link) => new URL((link as HTMLAnchorElement).href).pathname));
  }

  it("finds Chinese pages only for a two-character Chinese word (梯度)", async () => {
    const page = await context.newPage();
    await page.goto(pageUrl("zh/"), { waitUntil: "networkidle" });
    const found = await search(page, "梯度");
    expect(found.every((path) => path.startsWith(`${basePath}zh/`))).toBe(true);
    expect(found).toContain(`${basePath}zh/gradient-descent/`);
    expect(await page.locator(".search-results mark").first().textContent()).toContain("梯度");
    await page.close();
  });

  it("finds English pages only for an English word", async () => {
    const page = await context.newPage();
    await page.goto(pageUrl(""), { waitUntil: "networkidle" });
    const found = await search(page, "gradient");
    expect(found.some((path) => path.startsWith(`${basePath}zh/`))).toBe(false);
    expect(found).toContain(`${basePath}gradient-descent/`);
    await page.close();
  });
});
