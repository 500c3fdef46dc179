// Screenshots for looking at the book: light and dark, phone and wide.
// Usage: node test/browser/screenshots.mjs [site dir] [page path …]
//   e.g. node test/browser/screenshots.mjs test-results/site "" perceptron/
// Writes test-results/screenshots/<page>-<theme>-<width>.png (the first screen) and, with FULL=1,
// the whole page. The site must have been built for BASE_PATH=/course/backprop.
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { chromiumFlags } from "./chromiumFlags.mjs";
import { startServer } from "./serve.mjs";

const [siteDir = "test-results/site", ...paths] = process.argv.slice(2);
const base = "/course/backprop/";
const outDir = "test-results/screenshots";
const scroll = Number(process.env.SCROLL ?? 0);
await mkdir(outDir, { recursive: true });
const server = await startServer({ root: siteDir, base });
const profile = await mkdtemp(join(tmpdir(), "bn-shots-"));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: "/usr/bin/chromium",
  headless: true,
  args: chromiumFlags,
});
for (const path of paths.length ? paths : [""]) {
  for (const theme of ["light", "dark"]) {
    for (const width of [360, 1440]) {
      const page = await context.newPage();
      await page.setViewportSize({ width, height: width === 360 ? 780 : 900 });
      await page.emulateMedia({ colorScheme: theme });
      await page.goto(`${server.origin}${base}${path}`, { waitUntil: "networkidle" });
      if (scroll) await page.evaluate((y) => window.scrollTo(0, y), scroll);
      await page.waitForTimeout(400);
      const name = `${(path.replace(/\/$/, "").replace(/[/?=&]/g, "_") || "home")}${scroll ? `-at${scroll}` : ""}-${theme}-${width}`;
      await page.screenshot({ path: join(outDir, `${name}.png`), fullPage: process.env.FULL === "1" });
      console.log(join(outDir, `${name}.png`));
      await page.close();
    }
  }
}
await context.close();
await server.close();
await rm(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 }).catch(() => undefined);
