// Issue #15: layout shift measured as Lighthouse does, from before the first paint, for the tests that hold it.
import type { BrowserContext, Page } from "playwright-core";
import { pageUrl } from "./harness";

/** One layout shift no input caused: its score and what moved (tag.classes). */
export interface LayoutShift {
  value: number;
  sources: string[];
}

/** An init script: records every layout shift not caused by the reader in `window.layoutShifts`. */
export function recordLayoutShifts() {
  const shifts: { value: number; sources: string[] }[] = [];
  (window as unknown as { layoutShifts: typeof shifts }).layoutShifts = shifts;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean; sources?: { node?: Node }[] })[]) {
      if (entry.hadRecentInput) continue;
      const sources = (entry.sources ?? []).map(({ node }) => {
        const element = node instanceof Element ? node : node?.parentElement;
        return element ? `${element.tagName.toLowerCase()}.${[...element.classList].join(".")}` : "(text)";
      });
      shifts.push({ value: entry.value, sources });
    }
  }).observe({ type: "layout-shift", buffered: true });
}

/** The shifts recorded so far on a page opened with `recordLayoutShifts`. */
export const layoutShifts = (page: Page): Promise<LayoutShift[]> => page.evaluate(() => (window as unknown as { layoutShifts: LayoutShift[] }).layoutShifts);

/** Cumulative layout shift: the sum of the recorded shifts' scores. */
export const sumShifts = (shifts: LayoutShift[]): number => shifts.reduce((sum, shift) => sum + shift.value, 0);

/**
 * Holds back every web font the page asks for until it has painted once, as on a phone's slow connection, where the
 * first screen is drawn in the fallback faces: the worst case for layout shift, made the same on every run.
 */
async function holdFontsUntilFirstPaint(page: Page): Promise<void> {
  await page.route(/\.woff2(?:\?|$)/, async (route) => {
    await page.waitForFunction(() => performance.getEntriesByName("first-paint").length > 0, undefined, { polling: 20 });
    await route.continue();
  });
}

/** Opens a page recording its layout shifts, its fonts held until it first paints, and waits until it has settled: loaded, fonts in, widgets started. */
export async function openSettled(context: BrowserContext, path: string, prepare?: (page: Page) => void): Promise<Page> {
  const page = await context.newPage();
  prepare?.(page);
  await holdFontsUntilFirstPaint(page);
  await page.addInitScript(recordLayoutShifts);
  await page.goto(pageUrl(path), { waitUntil: "networkidle" });
  await page.evaluate(() => document.fonts.ready);
  // Widgets that start on load (saved figures swapped for live ones, progress bars) get a moment to do so.
  await page.waitForTimeout(500);
  return page;
}
