import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { chromium, type BrowserContext, type Locator, type Page } from "playwright-core";
import { afterAll, beforeAll, inject } from "vitest";
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
  context.on("close", () => {
    // Chromium may still be flushing the profile as it exits; a leftover temp folder is harmless.
    rm(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 }).catch(() => undefined);
  });
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
  page.on("requestfailed", (request) => {
    watch.problems.push(`request failed: ${request.url()} (${request.failure()?.errorText})`);
  });
  page.on("request", (request) => {
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
 * Runs axe-core on the page, or only inside the elements matching `include` (a widget's own tests check just
 * the widget; site.test.ts checks whole pages), and returns its serious and critical violations.
 */
export async function findSeriousViolations(page: Page, include?: string[]): Promise<AxeViolation[]> {
  // Evaluated over the DevTools protocol: an inline <script> tag would be refused by the book's policy.
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(`${axeSource}\n;undefined`);
  const violations = await page.evaluate(async (selectors) => {
    type Result = { violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] };
    const axe = (window as unknown as { axe: { run(context?: unknown): Promise<Result> } }).axe;
    const result = await (selectors ? axe.run({ include: selectors.map((selector) => [selector]) }) : axe.run());
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.slice(0, 5).map((node) => node.target.join(" ")),
    }));
  }, include ?? null);
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
  return {
    context: () => context,
    open: (search = "") => openPage(chapter, search),
    /** Opens another page of the site in the same browser. */
    openPage,
  };
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
