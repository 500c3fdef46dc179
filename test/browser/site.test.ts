import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BrowserContext, Page } from "playwright-core";
import { gzipSync } from "node:zlib";
import { basePath, findSeriousViolations, launchBrowser, pageUrl, scrollIntoViewSettled, siteOrigin, watchPage, setTheme } from "./harness";
import { countScripts } from "./pageWeight";
import { testSite } from "./globalSetup";

const chapters = ["perceptron", "error-surface", "gradient-descent", "chain-rule", "backpropagation", "your-own-autograd", "real-data"];
/** Every page of one edition: "" is the English book, "zh/" the Chinese one (issue #16: both pass every check). */
const editionPages = (folder: string) => [folder, ...chapters.map((slug) => `${folder}${slug}/`), `${folder}notation/`, `${folder}instructors/`, `${folder}glossary/`];
const pages = [...editionPages(""), ...editionPages("zh/")];
/** Pages with no formula on them. */
const withoutMath = /^(zh\/)?(instructors\/|glossary\/)?$/;

let context: BrowserContext;

beforeAll(async () => {
  context = await launchBrowser();
});

afterAll(async () => {
  await context?.close();
});

async function open(path: string): Promise<{ page: Page; problems: string[] }> {
  const page = await context.newPage();
  const watch = watchPage(page);
  await page.goto(pageUrl(path), { waitUntil: "networkidle" });
  return { page, problems: watch.problems };
}

/**
 * Text a reader sees outside code (where leftover TeX would mean math failed to render): `root`'s text without what
 * `remove` matches; with `formulaAs`, each rendered formula reads as that word instead of being removed.
 */
async function proseText(page: Page, { root = "main", remove = "code, pre, .katex, script, style", formulaAs }: { root?: string; remove?: string; formulaAs?: string } = {}): Promise<string> {
  return page.evaluate(({ root, remove, formulaAs }) => {
    const copy = document.querySelector(root)!.cloneNode(true) as HTMLElement;
    if (formulaAs !== undefined) copy.querySelectorAll(".katex").forEach((node) => node.replaceWith(formulaAs));
    copy.querySelectorAll(remove).forEach((node) => node.remove());
    return copy.innerText;
  }, { root, remove, formulaAs });
}

describe.each(pages)("page /%s", (path) => {
  let page: Page;
  let problems: string[];

  beforeAll(async () => {
    ({ page, problems } = await open(path));
  });

  afterAll(async () => {
    await page?.close();
  });

  it("loads with no console error, no failed request and nothing fetched outside the base path", async () => {
    expect(await page.title()).toMatch(/Backprop Notebook/);
    expect(problems).toEqual([]);
  });

  it("renders its math: no raw TeX left in the prose", async () => {
    const text = await proseText(page);
    expect(text).not.toContain("$$");
    expect(text).not.toMatch(/\\(frac|partial|label|eqref|sum)/);
    if (!withoutMath.test(path)) {
      expect(await page.locator(".katex").count()).toBeGreaterThan(0);
    }
  });

  it("opens every quotation with “ and closes it with ”, also where a quote starts with a symbol or a formula", async () => {
    // Smart quotes guess a quote's side from its neighbours; before "∂" or a formula they guessed wrong (”∂”).
    const text = await proseText(page, { remove: "code, pre, script, style", formulaAs: "x" });
    expect(text.length).toBeGreaterThan(200);
    expect(text.match(/(^|[\s(\[])”.{0,20}/gm) ?? []).toEqual([]);
    expect(text.match(/.{0,20}“(\s|$)/gm) ?? []).toEqual([]);
  });

  it("writes apostrophes and quotation marks as ’ “ ”, never ' or \" (outside code)", async () => {
    // Smart quotes reach the Markdown only: a component's attributes (Check yourself questions), the front matter's
    // objectives and the widgets' strings kept the typewriter's marks, so one page mixed "unit's" and "unit’s".
    // A cell's output is left out with its code: it prints the strings the reader's code holds, typed in ASCII.
    const text = await proseText(page, { root: "body", remove: "code, pre, script, style, noscript, .katex, .nb-output" });
    expect(text.length).toBeGreaterThan(200);
    expect(text.match(/.{0,20}\p{L}'\p{L}.{0,10}/gu) ?? []).toEqual([]);
    expect(text.match(/.{0,20}".{0,20}/g) ?? []).toEqual([]);
  });

  it("is sent in ASCII, which the browser reads back as the characters the book is written in", async () => {
    // src/build/asciiMarkup.ts writes every other character as a reference, for the decoder's fast path.
    const bytes = new Uint8Array(await (await fetch(pageUrl(path))).arrayBuffer());
    expect(bytes.findIndex((byte) => byte > 0x7f)).toBe(-1);
    const { title, text } = await page.evaluate(() => ({ title: document.title, text: document.body.innerText }));
    expect(text).not.toMatch(/&#x[0-9a-f]+;/i);
    if (path.replace(/^zh\//, "") !== "") expect(title).toMatch(/ \u00b7 Backprop Notebook$/);
    if (path.startsWith("zh/")) expect(title + text).toMatch(/[\u4e00-\u9fff]/);
  });

  it("points every link and asset below the base path (the hreflang links below it on the host the build was given)", async () => {
    const { outside, alternates } = await page.evaluate((base) => {
      const urls = [
        ...[...document.querySelectorAll<HTMLAnchorElement>("a[href]")].map((a) => a.href),
        ...[...document.querySelectorAll<HTMLLinkElement>("link[href]:not([hreflang])")].map((link) => link.href),
        ...[...document.querySelectorAll<HTMLScriptElement>("script[src]")].map((script) => script.src),
      ];
      return {
        // A data: URL (the icon) is part of the page: it fetches nothing.
        outside: urls.filter((url) => !url.startsWith(location.origin + base) && !url.startsWith("data:")),
        alternates: [...document.querySelectorAll<HTMLLinkElement>("link[hreflang]")].map((link) => link.getAttribute("href")!),
      };
    }, basePath);
    expect(outside).toEqual([]);
    expect(alternates.filter((url) => !url.startsWith(testSite.origin + basePath))).toEqual([]);
  });

  it("leads every link to a file the site serves, and every #fragment to an element of that page", async () => {
    // The Chinese real-data chapter once linked ../data/digits.txt, which from zh/real-data/ is a file nobody wrote.
    const links = await page.evaluate(
      (base) => [...new Set([...document.querySelectorAll<HTMLAnchorElement>("a[href]")].map((a) => a.href).filter((href) => href.startsWith(location.origin + base)))],
      basePath,
    );
    expect(links.length).toBeGreaterThan(3);
    const bodies = new Map<string, string | number>();
    const broken: string[] = [];
    for (const link of links) {
      const url = new URL(link);
      const fragment = decodeURIComponent(url.hash.slice(1));
      url.hash = "";
      if (!bodies.has(url.href)) {
        const response = await fetch(url.href);
        bodies.set(url.href, response.ok ? await response.text() : response.status);
      }
      const body = bodies.get(url.href)!;
      if (typeof body === "number") broken.push(`${link}: HTTP ${body}`);
      else if (fragment && !body.includes(`id="${fragment}"`)) broken.push(`${link}: no element with id "${fragment}"`);
    }
    expect(broken).toEqual([]);
  });

  it("carries its icon in the page, and no picture after the parts drawn at load: those are files fetched a screen ahead of the reader", async () => {
    const icon = await page.evaluate(async () => {
      const image = new Image();
      image.src = document.querySelector<HTMLLinkElement>('link[rel="icon"]')!.href;
      await image.decode();
      return { url: image.src, width: image.naturalWidth };
    });
    expect(icon.url).toMatch(/^data:image\/svg\+xml,%3Csvg/);
    expect(icon.width).toBeGreaterThan(0);
    // The opening and the first part are drawn at load (src/build/firstLoad.ts): the rest begins at the second part.
    const html = await (await fetch(pageUrl(path))).text();
    const rest = html.slice([...html.matchAll(/<div class="chapter-part"/g)][1]?.index ?? html.length);
    expect(rest.match(/.{0,60}(?:src|href)="data:image\/(?:png|jpeg|webp)/g) ?? []).toEqual([]);
  });

  it.each(["light", "dark"] as const)("has no serious or critical axe violation in the %s theme", async (theme) => {
    await setTheme(page, theme);
    expect(await findSeriousViolations(page)).toEqual([]);
  });

  it("has no horizontal scroll on a 360 px phone", async () => {
    const phone = await context.newPage();
    await phone.setViewportSize({ width: 360, height: 740 });
    await phone.goto(pageUrl(path), { waitUntil: "load" });
    const { scrollWidth, clientWidth } = await phone.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
    }));
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
    await phone.close();
  });
});

describe("chapter navigation", () => {
  it("moves between chapters from the sidebar and marks the current one", async () => {
    const { page } = await open("perceptron/");
    const current = page.locator('.sidebar a[aria-current="page"]');
    await expect.poll(() => current.textContent()).toContain("The perceptron");
    await page.locator(".sidebar a", { hasText: "Gradient descent" }).click();
    await page.waitForURL(pageUrl("gradient-descent/"));
    expect(await page.locator("h1").textContent()).toBe("Gradient descent");
    expect(await current.textContent()).toContain("Gradient descent");
    await page.close();
  });

  it("follows previous and next links in reading order", async () => {
    const { page } = await open("error-surface/");
    // The pager ends a long page: parts drawn as it comes into view move it, so a click waits until it stays put.
    const follow = async (rel: "prev" | "next", path: string) => {
      const link = page.locator(`.pager a[rel="${rel}"]`);
      await scrollIntoViewSettled(link);
      await link.click();
      await page.waitForURL(pageUrl(path));
    };
    await follow("next", "gradient-descent/");
    await follow("prev", "error-surface/");
    await follow("prev", "perceptron/");
    expect(await page.locator('.pager a[rel="prev"]').count()).toBe(0);
    await page.close();
  });

  it("jumps to a section from the table of contents", async () => {
    const page = await context.newPage();
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(pageUrl("chain-rule/"), { waitUntil: "load" });
    const link = page.locator(".toc a").first();
    await expect.poll(() => link.isVisible()).toBe(true);
    const target = decodeURIComponent((await link.getAttribute("href"))!.slice(1));
    await link.click();
    await expect.poll(() => page.evaluate(() => decodeURIComponent(location.hash.slice(1)))).toBe(target);
    const { top, height } = await page.evaluate((id) => ({ top: document.getElementById(id)!.getBoundingClientRect().top, height: innerHeight }), target);
    expect(top).toBeGreaterThanOrEqual(0);
    expect(top).toBeLessThan(height / 2);
    await page.close();
  });

  it("links a numbered equation from the prose", async () => {
    const { page } = await open("backpropagation/");
    const reference = page.locator("a.eqref").first();
    expect(await reference.textContent()).toMatch(/^\(\d+\)$/);
    await reference.click();
    const hash = await page.evaluate(() => location.hash);
    expect(hash).toMatch(/^#eq-/);
    expect(await page.locator(`${hash} .katex-display`).count()).toBe(1);
    await page.close();
  });

  it("remembers how far a chapter was read", async () => {
    const fresh = await launchBrowser({ viewport: { width: 1280, height: 600 } });
    const page = await fresh.newPage();
    await page.goto(pageUrl("chain-rule/"), { waitUntil: "load" });
    // Module scripts load after the first paint (src/build/deferredScripts.ts); the reading is kept once they have.
    await page.waitForFunction(() => customElements.get("reading-progress") !== undefined);
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await expect.poll(() => page.locator("reading-progress").evaluate((bar) => Number(getComputedStyle(bar).getPropertyValue("--progress") || 0))).toBeGreaterThan(0.5);
    await page.goto(pageUrl(""), { waitUntil: "load" });
    // The home page's bars are filled by its script, which runs after the first paint.
    await expect.poll(() => page.locator('[data-progress-for="chain-rule"]').evaluate((link) => Number(getComputedStyle(link).getPropertyValue("--progress") || 0))).toBeGreaterThan(0.5);
    const untouched = await page.locator('[data-progress-for="backpropagation"]').evaluate((link) => Number(getComputedStyle(link).getPropertyValue("--progress") || 0));
    expect(untouched).toBe(0);
    await fresh.close();
  });

  it("serves the 404 page for an unknown address under the base path", async () => {
    const page = await context.newPage();
    const watch = watchPage(page, { allowStatus: [404] });
    const response = await page.goto(pageUrl("no-such-chapter/"), { waitUntil: "load" });
    expect(response?.status()).toBe(404);
    expect(await page.locator("h1").textContent()).toContain("not in the notebook");
    await page.locator("main a", { hasText: "The perceptron" }).click();
    await page.waitForURL(pageUrl("perceptron/"));
    // The 404 itself is expected (Chromium logs it as a console error); nothing else may fail.
    const unexpected = watch.problems.filter((problem) => !problem.includes("no-such-chapter") && !problem.includes("status of 404"));
    expect(unexpected).toEqual([]);
    expect(watch.problems.length).toBeGreaterThan(0);
    await page.close();
  });
});

describe("search", () => {
  it("finds a chapter by a word it contains and opens it", async () => {
    const { page, problems } = await open("");
    await page.locator(".search-open").click();
    await page.locator("#search-input").fill("landscape");
    const result = page.locator(".search-results a").first();
    await expect.poll(() => result.textContent(), { timeout: 10_000 }).toBe("The error surface");
    expect(await result.getAttribute("href")).toBe(`${basePath}error-surface/`);
    await result.click();
    await page.waitForURL(pageUrl("error-surface/"));
    expect(problems).toEqual([]);
    await page.close();
  });

  it("opens with the / key and says when nothing matches", async () => {
    const { page } = await open("perceptron/");
    await page.keyboard.press("/");
    // Pagefind matches a query by its longest indexed prefix, and every Latin letter is indexed as a
    // variable name (x, z, q…), so the word that finds nothing is Cyrillic.
    await page.locator("#search-input").fill("жжж");
    await expect.poll(() => page.locator(".search-status").textContent(), { timeout: 10_000 }).toContain("Nothing found");
    await page.close();
  });
});

describe("theme", () => {
  it("toggles between light and dark and remembers the choice", async () => {
    const { page } = await open("perceptron/");
    const theme = () => page.evaluate(() => document.documentElement.dataset.theme);
    expect(await theme()).toBe("light");
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const lightBackground = await background();
    await page.locator("theme-toggle button").click();
    expect(await theme()).toBe("dark");
    expect(await background()).not.toBe(lightBackground);
    await page.reload({ waitUntil: "load" });
    expect(await theme()).toBe("dark");
    await page.goto(pageUrl(""), { waitUntil: "load" });
    expect(await theme()).toBe("dark");
    await page.locator("theme-toggle button").click();
    await page.reload();
    expect(await theme()).toBe("light");
    await page.close();
  });

  it("follows the system's dark preference when the reader has not chosen", async () => {
    const dark = await launchBrowser({ colorScheme: "dark" });
    const page = await dark.newPage();
    await page.goto(pageUrl(""), { waitUntil: "load" });
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe("dark");
    await dark.close();
  });
});

describe("page weight", () => {
  // Issue #4: at most 100 KiB of gzipped JavaScript before the reader touches anything. Widgets show the figure
  // saved at build time and load their drawing code (Plot, KaTeX, the engine) on the first touch
  // (components/kit/lazyWidget.ts); the editor, the kernel and sucrase load when a cell is edited or run.
  const goal = 100 * 1024;
  it.each([...chapters, ...chapters.map((slug) => `zh/${slug}`)])("the %s chapter loads at most 100 KiB of JavaScript, and no editor, kernel, Plot or KaTeX, before any interaction", async (slug) => {
    const page = await context.newPage();
    const scripts = countScripts(page);
    await page.goto(pageUrl(`${slug}/`), { waitUntil: "networkidle" });
    const inline = await page.evaluate(() => [...document.querySelectorAll("script:not([src])")].map((script) => script.textContent ?? "").join("\n"));
    const { files, totalGzipBytes } = await scripts.weigh();
    const inlineGzipBytes = gzipSync(inline, { level: 9 }).length;
    const total = totalGzipBytes + inlineGzipBytes;
    console.log(`[measure] ${slug}: ${(total / 1024).toFixed(1)} KiB gzip of JavaScript on load (${files.length} files + inline ${(inlineGzipBytes / 1024).toFixed(1)} KiB)`);
    expect(files.map((file) => file.url).filter((url) => /editor|kernelWorker|sucrase|katex|Runtime/.test(url))).toEqual([]);
    // Plot's bundle is the one chunk over 50 KiB gzip a widget could pull in through a static import.
    expect(files.filter((file) => file.gzipBytes > 50 * 1024).map((file) => file.url)).toEqual([]);
    expect(total).toBeLessThanOrEqual(goal);
    await page.close();
  });
});

describe("keyboard and print", () => {
  it("offers a skip link as the first tab stop, which moves focus to the text", async () => {
    const { page } = await open("gradient-descent/");
    await page.keyboard.press("Tab");
    const focused = page.locator(":focus");
    expect(await focused.textContent()).toBe("Skip to content");
    const box = await focused.boundingBox();
    expect(box && box.y >= 0 && box.height > 0).toBe(true);
    const outline = await focused.evaluate((element) => getComputedStyle(element).outlineStyle);
    expect(outline).not.toBe("none");
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("main");
    await page.close();
  });

  it("prints the chapter without the header, sidebar, contents or pager", async () => {
    const { page } = await open("perceptron/");
    await page.emulateMedia({ media: "print" });
    const hidden = await page.evaluate(() =>
      [".site-header", ".sidebar", ".toc", ".pager"].map((selector) => {
        const element = document.querySelector(selector);
        return element === null || getComputedStyle(element).display === "none";
      }),
    );
    expect(hidden).toEqual([true, true, true, true]);
    expect(await page.locator("article.chapter h1").isVisible()).toBe(true);
    await page.close();
  });

  it("shows code and a cell's output as the characters a reader types: JetBrains Mono joins none of => === ++ != <=", async () => {
    const { page } = await open("real-data/");
    for (const selector of ["pre.astro-code code", "pre.nb-out"]) {
      const block = page.locator(selector).first();
      await block.scrollIntoViewIfNeeded();
      await block.evaluate((element) => {
        element.textContent = "(d) => n === 0 && i++ != j <= k -> // x";
      });
      const asStyled = await block.screenshot();
      // The reference: the same text with every ligature and contextual alternate turned off on the element itself.
      await block.evaluate((element) => element.style.setProperty("font-variant-ligatures", "none", "important"));
      expect(asStyled.equals(await block.screenshot()), selector).toBe(true);
    }
    await page.close();
  });

  it("prints every code block whole, in the light theme's colours, even for a reader in the dark theme", async () => {
    const { page } = await open("real-data/");
    // About an A4 page's width inside the margins, at 96 dpi.
    await page.setViewportSize({ width: 720, height: 1000 });
    await setTheme(page, "dark");
    await page.emulateMedia({ media: "print" });
    const blocks = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>("pre.astro-code")]
        .filter((pre) => pre.getClientRects().length > 0)
        .map((pre) => {
          // A token's class names its colours: c-<light>-<dark> (src/build/codeColours.ts).
          const token = pre.querySelector<HTMLElement>("span[class^='c-']")!;
          const light = token.className.split("-")[1];
          const rgb = [0, 2, 4].map((at) => parseInt(light.slice(at, at + 2), 16)).join(", ");
          return { hidden: pre.scrollWidth - pre.clientWidth, colour: getComputedStyle(token).color, light: `rgb(${rgb})` };
        }),
    );
    // Real-data has the book's longest lines of code: on screen, at this width, most of its blocks scroll sideways.
    expect(blocks.length).toBeGreaterThan(8);
    expect(blocks.filter(({ hidden }) => hidden > 1)).toEqual([]);
    expect(blocks.map(({ colour }) => colour)).toEqual(blocks.map(({ light }) => light));
    await page.close();
  });
});

describe("static hosting", () => {
  it("serves the site only below the base path", async () => {
    const response = await fetch(`${siteOrigin()}/perceptron/`);
    expect(response.status).toBe(404);
    const inside = await fetch(pageUrl("perceptron/"));
    expect(inside.status).toBe(200);
  });
});
