import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { chromium, type BrowserContext, type Locator, type Page, type Request } from "playwright-core";
import { afterAll, beforeAll, expect, inject } from "vitest";
import { chromiumFlags } from "./chromiumFlags.mjs";

/** The sub-path the test build is served under. */
export const basePath = "/course/backprop/";

/** The origin (scheme, host, port) of the test server. */
export function siteOrigin(): string {
  return inject("siteOrigin");
}

/** An absolute URL of a page of the test build, e.g. pageUrl("perceptron/"). */
export function pageUrl(path = ""): string {
  return siteOrigin() + basePath + path.replace(/^\/+/, "");
}

/** Options for a fresh browser. */
export interface BrowserOptions {
  javaScriptEnabled?: boolean;
  colorScheme?: "light" | "dark";
  viewport?: { width: number; height: number };
  /** A phone: touch events and a coarse pointer. */
  touch?: boolean;
  /** The browser's language (navigator.languages, Accept-Language), e.g. "zh-CN". */
  locale?: string;
}


/** Launches Debian's Chromium headless with a fresh profile; closing the context deletes the profile. */
export async function launchBrowser(options: BrowserOptions = {}): Promise<BrowserContext> {
  const profile = await mkdtemp(join(tmpdir(), "backprop-notebook-profile-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: "/usr/bin/chromium",
    headless: true,
    args: chromiumFlags,
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    colorScheme: options.colorScheme ?? "light",
    viewport: options.viewport ?? { width: 1280, height: 900 },
    ...(options.locale ? { locale: options.locale } : {}),
    ...(options.touch ? { hasTouch: true, isMobile: true, deviceScaleFactor: 2 } : {}),
  });
  const removeProfile = () => rm(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 }).catch(() => undefined);
  // close() waits for the removal: a removal merely started on the close event was cut short when the test
  // process exited, and every run left its profiles in the temp folder. The event still covers a browser that dies.
  context.on("close", () => void removeProfile());
  const close = context.close.bind(context);
  context.close = async (options) => {
    await close(options);
    await removeProfile();
  };
  return context;
}

/** What went wrong on a page: console errors, uncaught exceptions, failed requests, requests outside the base path. */
export interface PageWatch {
  problems: string[];
}

/** Starts recording a page's problems; assert `problems` is empty after interacting with it. */
export function watchPage(page: Page, options: { allowStatus?: number[] } = {}): PageWatch {
  const watch: PageWatch = { problems: [] };
  const allowed = siteOrigin() + basePath;
  page.on("console", (message) => {
    if (message.type() === "error") watch.problems.push(`console error: ${message.text()}`);
  });
  page.on("pageerror", (error) => watch.problems.push(`uncaught: ${error.message}`));
  // Chromium logs most violations of the Content-Security-Policy, but a report from the event is certain.
  void page.exposeFunction("__reportCspViolation", (text: string) => watch.problems.push(`CSP violation: ${text}`)).catch(() => undefined);
  void page.addInitScript(() =>
    addEventListener("securitypolicyviolation", (event) => {
      (window as unknown as { __reportCspViolation?: (text: string) => void }).__reportCspViolation?.(`${event.violatedDirective} blocked ${event.blockedURI}`);
    }),
  );
  // A page that navigates away cancels what its old document was still fetching (a figure fetched on approach):
  // the browser's own doing, not a failure. Such a request is aborted while the navigation that replaces its
  // document is under way (from its request until its page has arrived), or after one began.
  let navigations = 0;
  const navigating = new Set<object>();
  const startedAfter = new WeakMap<object, number>();
  const isPageLoad = (request: Request) => request.isNavigationRequest() && request.frame() === page.mainFrame();
  page.on("requestfinished", (request) => navigating.delete(request));
  page.on("requestfailed", (request) => {
    navigating.delete(request);
    const errorText = request.failure()?.errorText;
    const leaving = navigating.size > 0 || navigations > (startedAfter.get(request) ?? navigations);
    if (errorText === "net::ERR_ABORTED" && !isPageLoad(request) && leaving) return;
    watch.problems.push(`request failed: ${request.url()} (${errorText})`);
  });
  page.on("request", (request) => {
    startedAfter.set(request, navigations);
    if (isPageLoad(request)) {
      navigations += 1;
      navigating.add(request);
    }
    const url = request.url();
    if (url.startsWith("data:") || url.startsWith("blob:")) return;
    if (!url.startsWith(allowed)) watch.problems.push(`request outside ${allowed}: ${url}`);
  });
  page.on("response", (response) => {
    const status = response.status();
    if (status >= 400 && !(options.allowStatus ?? []).includes(status)) {
      watch.problems.push(`HTTP ${status}: ${response.url()}`);
    }
  });
  return watch;
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** One accessibility problem axe-core found. */
export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/**
 * Runs `measure` with every part of a chapter drawn, as a reader scrolling through sees them: a part the browser
 * skips (content-visibility) has no lines, boxes or colours yet. The page is as it was afterwards.
 */
export async function withEveryPartDrawn<T>(page: Page, measure: () => Promise<T>): Promise<T> {
  await page.evaluate(async () => {
    const drawAll = new CSSStyleSheet();
    drawAll.replaceSync(".chapter-part { content-visibility: visible !important; }");
    (window as unknown as { everyPartDrawn: CSSStyleSheet }).everyPartDrawn = drawAll;
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, drawAll];
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  });
  try {
    return await measure();
  } finally {
    await page.evaluate(() => {
      const drawAll = (window as unknown as { everyPartDrawn: CSSStyleSheet }).everyPartDrawn;
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((sheet) => sheet !== drawAll);
    });
  }
}

/**
 * Runs axe-core on the page, or only inside the elements matching `include` (a widget's own tests check just
 * the widget; site.test.ts checks whole pages), and returns its serious and critical violations.
 */
export async function findSeriousViolations(page: Page, include?: string[]): Promise<AxeViolation[]> {
  // Evaluated over the DevTools protocol: an inline <script> tag would be refused by the book's policy.
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(`${axeSource}\n;undefined`);
  // Axe measures the colours behind text where it is drawn, and a part the browser skips has nothing there yet.
  const violations = await withEveryPartDrawn(page, () => page.evaluate(async (selectors) => {
    type Result = { violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] };
    const axe = (window as unknown as { axe: { run(context?: unknown): Promise<Result> } }).axe;
    const result = await (selectors ? axe.run({ include: selectors.map((selector) => [selector]) }) : axe.run());
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.slice(0, 5).map((node) => node.target.join(" ")),
    }));
  }, include ?? null));
  return violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical");
}

/** Opens a notebook cell's editor (CodeMirror loads on the first click) and replaces its source, as a reader would type it. */
export async function replaceCellSource(page: Page, cell: Locator, source: string): Promise<void> {
  await cell.locator("[data-nb-input]").click();
  const editor = cell.locator(".cm-content");
  await editor.waitFor();
  await editor.focus();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.press("Delete");
  await page.keyboard.insertText(source);
}

/**
 * A file's tests at several screen widths: one fresh browser per width, opened before them and closed after; returns
 * the browser for a width. `options` adds settings per width, e.g. a phone's touch and pixel density.
 */
export function useBrowserPerWidth(widths: readonly number[], height = 900, options: (width: number) => BrowserOptions = () => ({})): (width: number) => BrowserContext {
  const contexts = new Map<number, BrowserContext>();
  beforeAll(async () => {
    for (const width of widths) contexts.set(width, await launchBrowser({ ...options(width), viewport: { width, height } }));
  });
  afterAll(async () => {
    for (const context of contexts.values()) await context.close();
  });
  return (width) => contexts.get(width)!;
}

/** A chapter's tests share one fresh browser; `open(search)` loads the chapter and records its problems. */
export function useChapter(chapter: string, options: BrowserOptions = {}) {
  let context: BrowserContext;
  beforeAll(async () => {
    context = await launchBrowser(options);
  });
  afterAll(async () => {
    await context?.close();
  });
  const openPage = async (path: string, search = ""): Promise<{ page: Page; problems: string[] }> => {
    const page = await context.newPage();
    const watch = watchPage(page);
    await page.goto(pageUrl(path) + search, { waitUntil: "networkidle" });
    return { page, problems: watch.problems };
  };
  const visitPage = async (path: string, search: string, test: PageTest): Promise<void> => {
    const { page, problems } = await openPage(path, search);
    try {
      await test(page);
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  };
  const sharePage = (onOpen: (shared: SharedPage) => unknown, search = ""): void => {
    let shared: SharedPage | undefined;
    beforeAll(async () => {
      shared = await openPage(chapter, search);
      await onOpen(shared);
    });
    afterAll(() => shared?.page.close());
  };
  function visit(test: PageTest): Promise<void>;
  function visit(search: string, test: PageTest): Promise<void>;
  function visit(searchOrTest: string | PageTest, test?: PageTest): Promise<void> {
    return typeof searchOrTest === "string" ? visitPage(chapter, searchOrTest, test!) : visitPage(chapter, "", searchOrTest);
  }
  return {
    context: () => context,
    open: (search = "") => openPage(chapter, search),
    /** Opens another page of the site in the same browser. */
    openPage,
    /** Opens the chapter (with a query, when given one first), runs `test` on it, expects the page to have had no problems, and closes it. */
    visit,
    /** The same as `visit`, for another page of the site. */
    visitPage,
    /** Inside a describe: its tests share one page of the chapter, opened before the first (and handed to `onOpen`) and closed after the last. */
    sharePage,
    /** Like `sharePage`, once the widget `tag` has upgraded; `onOpen` gets that element as `widget`. */
    shareWidget(tag: string, onOpen: (shared: SharedPage & { widget: Locator }) => void): void {
      sharePage(async (shared) => {
        await shared.page.locator(`${tag}[data-widget="ready"]`).waitFor();
        onOpen({ ...shared, widget: shared.page.locator(tag) });
      });
    },
  };
}

/** A page the tests of a describe share, and the problems it has had so far. */
export interface SharedPage {
  page: Page;
  problems: string[];
}

/** What a test does with a page that `visit` opened for it. */
export type PageTest = (page: Page) => Promise<void>;

/**
 * Scrolls `target` into view and waits until it stops moving: the parts of a chapter above it are drawn as it comes
 * into view (content-visibility), and each one drawn may move it by the difference from its estimated height.
 */
export async function scrollIntoViewSettled(target: Locator): Promise<void> {
  await target.scrollIntoViewIfNeeded();
  let previous = "";
  await expect
    .poll(
      async () => {
        const box = JSON.stringify(await target.boundingBox());
        const settled = box === previous;
        previous = box;
        return settled;
      },
      { interval: 100 },
    )
    .toBe(true);
}

/** The field of the <Param> `name`, scrolled to first as a reader's page would be: its part writes it only once drawn (components/Param.astro). */
async function paramField(page: Page, name: string, tag: "input" | "select"): Promise<Locator> {
  const host = page.locator(`nb-param[data-name="${name}"]`);
  await host.scrollIntoViewIfNeeded();
  const field = host.locator(tag);
  await field.waitFor({ state: "attached" });
  return field;
}

/** The text field of the number <Param> `name` (see paramField). */
export const numberParam = (page: Page, name: string): Promise<Locator> => paramField(page, name, "input");

/** The menu of the choice <Param> `name` (see paramField). */
export const choiceParam = (page: Page, name: string): Promise<Locator> => paramField(page, name, "select");

/** Drags a number param sideways with the pointer from its middle, `dx` pixels in `steps` moves, as a reader scrubs it. */
export async function scrubParam(page: Page, input: Locator, dx: number, steps = 6): Promise<void> {
  await input.scrollIntoViewIfNeeded();
  const box = (await input.boundingBox())!;
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width / 2, y);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + dx, y, { steps });
  await page.mouse.up();
}

/** Replaces a cell's source and runs it, as a reader would with Ctrl+Enter. */
export async function editCell(page: Page, cell: Locator, source: string): Promise<void> {
  await replaceCellSource(page, cell, source);
  await page.keyboard.press("ControlOrMeta+Enter");
}

/** Frames painted per second over two seconds, counted with requestAnimationFrame. */
export async function measureFrameRate(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let frames = 0;
        const start = performance.now();
        const tick = () => {
          frames++;
          if (performance.now() - start < 2000) requestAnimationFrame(tick);
          else resolve((frames * 1000) / (performance.now() - start));
        };
        requestAnimationFrame(tick);
      }),
  );
}

/** Frames the page paints in `ms` milliseconds, counted with requestAnimationFrame: none when its main thread is stuck. */
export function countFrames(page: Page, ms: number): Promise<number> {
  return page.evaluate(
    (duration) =>
      new Promise<number>((resolve) => {
        let count = 0;
        const start = performance.now();
        const tick = () => (performance.now() - start < duration ? (count++, requestAnimationFrame(tick)) : resolve(count));
        requestAnimationFrame(tick);
      }),
    ms,
  );
}

/** Sets the page's colour theme as the theme toggle does (the root's data-theme). */
export async function setTheme(page: Page, theme: "light" | "dark"): Promise<void> {
  await page.evaluate((name) => {
    document.documentElement.dataset.theme = name;
  }, theme);
}

/**
 * A page's HTML as a reader sees it once its saved figures have arrived: each figure the build moved to a file of
 * its own (src/build/savedFigures.ts) put back in its empty <svg>, and each character the build wrote as a reference
 * (src/build/asciiMarkup.ts) read back as the parser reads it. Also returns how many figures there were.
 */
export async function fetchSavedPage(path: string): Promise<{ html: string; movedFigures: number }> {
  const ascii = await (await fetch(pageUrl(path))).text();
  const html = ascii.replace(/&#x([0-9a-f]+);/g, (reference, hex: string) => (parseInt(hex, 16) > 0x7f ? String.fromCodePoint(parseInt(hex, 16)) : reference));
  const moved = [...html.matchAll(/<svg\b([^>]*)\sdata-saved-src="([^"]+)"><\/svg>/g)];
  let whole = html;
  for (const [tag, attributes, url] of moved) {
    const file = await (await fetch(`${siteOrigin()}${url}`)).text();
    const inside = file.slice(file.indexOf(">") + 1, file.lastIndexOf("</svg>"));
    whole = whole.replace(tag, `<svg${attributes}>${inside}</svg>`);
  }
  return { html: whole, movedFigures: moved.length };
}

/** Scrolls down a screen at a time, as a reader flicks through a chapter, until `target` is on screen. */
export async function flickTo(page: Page, target: Locator): Promise<void> {
  for (let step = 0; step < 200; step += 1) {
    const onScreen = await target.evaluate((element) => {
      const box = element.getBoundingClientRect();
      if (element.checkVisibility({ contentVisibilityAuto: true }) && box.bottom > 0 && box.top < innerHeight) return true;
      scrollBy(0, Math.sign(box.top) * Math.min(Math.abs(box.top), innerHeight * 0.8));
      return false;
    });
    if (onScreen) return;
    await page.waitForTimeout(60);
  }
  throw new Error("flickTo: the target never came on screen");
}
