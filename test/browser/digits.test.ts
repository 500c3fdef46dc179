import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BrowserContext, Page } from "playwright-core";
import { findSeriousViolations, launchBrowser, measureFrameRate, pageUrl, watchPage } from "./harness";
import { countScripts } from "./pageWeight";

const LAB = "lab/digits/";
const DIGITS = /\/data\/digits\.bin\.gz$/;
let context: BrowserContext;

beforeAll(async () => {
  context = await launchBrowser();
});

afterAll(async () => {
  await context?.close();
});

async function openLab(search = "", options: { allowStatus?: number[] } = {}): Promise<{ page: Page; problems: string[]; digitRequests: string[] }> {
  const page = await context.newPage();
  const watch = watchPage(page, options);
  const digitRequests: string[] = [];
  page.on("request", (request) => {
    if (DIGITS.test(request.url())) digitRequests.push(request.url());
  });
  await page.goto(pageUrl(LAB) + search, { waitUntil: "networkidle" });
  return { page, problems: watch.problems, digitRequests };
}

const widget = (page: Page) => page.locator("rd-digits");
const status = (page: Page) => widget(page).locator("[data-status]");

/** The ten probabilities the widget shows, read from the rows' full-precision values. */
async function readProbabilities(page: Page): Promise<number[]> {
  return widget(page).locator("[data-probabilities] li").evaluateAll((rows) => rows.map((row) => Number(row.getAttribute("data-probability"))));
}

/** Draws a stroke on the pad with the mouse: a vertical line, then a short hook, like a 1 or a 7. */
async function drawStroke(page: Page): Promise<void> {
  const box = (await widget(page).locator("[data-pad]").boundingBox())!;
  const at = (fx: number, fy: number) => [box.x + box.width * fx, box.y + box.height * fy] as const;
  await page.mouse.move(...at(0.3, 0.25));
  await page.mouse.down();
  for (const [fx, fy] of [[0.5, 0.22], [0.7, 0.2], [0.62, 0.45], [0.55, 0.65], [0.5, 0.8]]) await page.mouse.move(...at(fx, fy), { steps: 4 });
  await page.mouse.up();
}

describe("the digit classifier widget", () => {
  it("loads at most 100 KiB of JavaScript and fetches no digits before interaction", async () => {
    const page = await context.newPage();
    const scripts = countScripts(page);
    const requested: string[] = [];
    page.on("request", (request) => requested.push(request.url()));
    await page.goto(pageUrl(LAB), { waitUntil: "networkidle" });
    await page.waitForTimeout(300);
    const inline = await page.evaluate(() => [...document.querySelectorAll("script:not([src])")].map((script) => script.textContent ?? "").join("\n"));
    const { files, totalGzipBytes } = await scripts.weigh();
    const total = totalGzipBytes + gzipSync(inline, { level: 9 }).length;
    console.log(`[measure] digits lab: ${(total / 1024).toFixed(1)} KiB gzip of JavaScript before interaction (${files.length} files)`);
    expect(total).toBeLessThanOrEqual(100 * 1024);
    expect(files.map((file) => file.url).filter((url) => /digitRuntime|Runtime/.test(url))).toEqual([]);
    expect(requested.filter((url) => DIGITS.test(url))).toEqual([]);
    // The saved view is complete: curves, confusion matrix, weights as an image with its intrinsic size.
    expect(await widget(page).locator("[data-curve=loss] svg path").count()).toBeGreaterThan(0);
    expect(await widget(page).locator("[data-confusion] tbody tr").count()).toBe(10);
    expect(await widget(page).locator("[data-weights]").getAttribute("width")).toBe("178");
    // Hovering loads the widget's code, not the digits: those wait for Play or the pad.
    await widget(page).hover();
    await expect.poll(() => widget(page).getAttribute("data-runtime")).toBe("loaded");
    await page.waitForTimeout(300);
    expect(requested.filter((url) => DIGITS.test(url))).toEqual([]);
    await page.close();
  });

  it("plays: loads the digits with progress, trains, moves the curves at a measured frame rate, and pauses", async () => {
    const { page, problems, digitRequests } = await openLab();
    const before = await widget(page).locator("[data-curve=accuracy]").innerHTML();
    await widget(page).locator("[data-action=play]").click();
    await expect.poll(() => digitRequests.length).toBe(1);
    await expect.poll(async () => Number((await widget(page).getAttribute("data-points")) ?? 0), { timeout: 30_000 }).toBeGreaterThanOrEqual(2);
    const fps = await measureFrameRate(page);
    const drawMs = await widget(page).getAttribute("data-draw-ms");
    await expect.poll(() => widget(page).locator("[data-curve=accuracy]").innerHTML()).not.toBe(before);
    expect(await widget(page).locator("[data-curve=accuracy] svg path").count()).toBeGreaterThan(1);
    expect(await status(page).textContent()).toMatch(/^Epoch [\d.]+ \(\d+ digits seen, step \d+\): test accuracy [\d.]+ %/);
    await widget(page).locator("[data-action=play]").click(); // pause
    const paused = await widget(page).getAttribute("data-steps");
    // Paused, the curves end at the point the status reports.
    const testAccuracy = (await status(page).textContent())!.match(/test accuracy ([\d.]+ %)/)![1];
    expect(await widget(page).locator("[data-curve=accuracy] [role=img]").getAttribute("aria-label")).toContain(`the test accuracy ${testAccuracy}.`);
    await page.waitForTimeout(400);
    expect(await widget(page).getAttribute("data-steps")).toBe(paused);
    const idleFps = await measureFrameRate(page);
    console.log(`[measure] digit widget: ${fps.toFixed(1)} frames per second while training (the same page idle: ${idleFps.toFixed(1)}; one panel redraw ${drawMs} ms), ${paused} steps`);
    // Headless Chromium on a machine shared by several builds: the 55 fps goal is printed above;
    // the assertion is a floor that still fails if training blocks the page for whole frames.
    expect(fps).toBeGreaterThanOrEqual(40);
    expect(digitRequests.length).toBe(1);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("reads a stroke drawn on the pad: ten probabilities that sum to 1", async () => {
    const { page, problems } = await openLab();
    await drawStroke(page);
    const reading = widget(page).locator("[data-reading]");
    // Before Play the build's trained network reads the pad (chapter-real-data-pad.test.ts checks it reads digits right).
    await expect.poll(() => reading.textContent(), { timeout: 30_000 }).toMatch(/^Your drawing: read as \d \([\d.]+ %\) by the network trained when the book was built \([\d.]+ % of the test digits right\)\.$/);
    let p = await readProbabilities(page);
    expect(p.length).toBe(10);
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    // A few hundred steps of the reader's own training: their network now reads, and says something else about the same drawing.
    await widget(page).locator("[data-action=play]").click();
    await expect.poll(async () => Number((await widget(page).getAttribute("data-points")) ?? 0), { timeout: 30_000 }).toBeGreaterThanOrEqual(2);
    await widget(page).locator("[data-action=play]").click();
    await expect.poll(() => reading.textContent()).toMatch(/^Your drawing: read as \d \([\d.]+ %\) by your network\.$/);
    const trained = await readProbabilities(page);
    expect(trained.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    expect(trained).not.toEqual(p);
    // The keyboard alternative: arrow keys pick test digits.
    await widget(page).locator("[data-pad]").focus();
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => reading.textContent()).toMatch(/^Test digit 0, a \d: read as \d/);
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => reading.textContent()).toMatch(/^Test digit 1, a \d: read as \d/);
    p = await readProbabilities(page);
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    await widget(page).locator("[data-action=clear]").click();
    expect(await reading.textContent()).toBe("The pad is blank: draw a digit.");
    expect(problems).toEqual([]);
    await page.close();
  });

  it("takes a finger on a touch screen as well as a mouse", async () => {
    const phone = await launchBrowser({ touch: true, viewport: { width: 360, height: 780 } });
    const page = await phone.newPage();
    const watch = watchPage(page);
    await page.goto(pageUrl(LAB), { waitUntil: "networkidle" });
    const pad = widget(page).locator("[data-pad]");
    await pad.scrollIntoViewIfNeeded();
    const box = (await pad.boundingBox())!;
    await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
    await expect.poll(() => widget(page).locator("[data-reading]").textContent(), { timeout: 30_000 }).toMatch(/^Your drawing: read as \d/);
    expect((await readProbabilities(page)).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    expect(watch.problems).toEqual([]);
    await phone.close();
  });

  it("reproduces a run after Reset: the same seed gives the same weights", async () => {
    const { page, problems } = await openLab();
    const stepAndRead = async () => {
      for (let i = 0; i < 3; i++) await widget(page).locator("[data-action=step]").click();
      await expect.poll(() => widget(page).getAttribute("data-steps"), { timeout: 30_000 }).toBe("3");
      await widget(page).locator("[data-pad]").focus();
      await page.keyboard.press("Home");
      await expect.poll(() => widget(page).locator("[data-reading]").textContent()).toMatch(/^Test digit 0/);
      return { probabilities: await readProbabilities(page), status: await status(page).textContent() };
    };
    const first = await stepAndRead();
    await widget(page).locator("[data-action=play]").click();
    await expect.poll(async () => Number((await widget(page).getAttribute("data-points")) ?? 0), { timeout: 30_000 }).toBeGreaterThanOrEqual(2);
    await widget(page).locator("[data-action=play]").click();
    await widget(page).locator("[data-action=reset]").click();
    await expect.poll(() => widget(page).getAttribute("data-steps")).toBe("0");
    const again = await stepAndRead();
    expect(again.probabilities).toEqual(first.probabilities);
    expect(again.status).toBe(first.status);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("keeps its settings in the URL, names an impossible one, and stops a diverging run naming η", async () => {
    const { page, problems } = await openLab("?hidden=12&activation=relu");
    await expect.poll(() => widget(page).locator("[data-model]").textContent()).toContain("784 → 12 → 10 network, relu hidden units");
    const hidden = page.locator("nb-param input[name=hidden]");
    await hidden.fill("0");
    await hidden.press("Enter");
    expect(new URL(page.url()).searchParams.get("hidden")).toBe("0");
    await expect.poll(() => status(page).textContent()).toMatch(/^0 hidden units cannot be trained: the hidden layer needs a whole number of units from 1 to 256\./);
    expect(await status(page).getAttribute("data-diverged")).not.toBeNull();
    await hidden.fill("20");
    await hidden.press("Enter");
    const lr = page.locator("nb-param input[name=lr]");
    await lr.fill("100");
    await lr.press("Enter");
    expect(new URL(page.url()).searchParams.get("lr")).toBe("100");
    await widget(page).locator("[data-action=play]").click();
    await expect.poll(() => status(page).textContent(), { timeout: 30_000 }).toMatch(/^Stopped: the loss became .* at step \d+: the learning rate η = 100 is too large for this network\. Lower it and press Reset\.$/);
    expect(await widget(page).locator("[data-action=play]").textContent()).toBe("Play");
    await page.reload({ waitUntil: "networkidle" });
    expect(await page.locator("nb-param input[name=lr]").inputValue()).toBe("100");
    expect(problems).toEqual([]);
    await page.close();
  });

  it("says clearly when the digits cannot be loaded, and tries again on the next Play", async () => {
    const page = await context.newPage();
    const watch = watchPage(page, { allowStatus: [404] });
    let refuse = true;
    await page.route(DIGITS, (route) => (refuse ? route.fulfill({ status: 404, body: "missing" }) : route.continue()));
    await page.goto(pageUrl(LAB), { waitUntil: "networkidle" });
    await widget(page).locator("[data-action=play]").click();
    await expect.poll(() => status(page).textContent(), { timeout: 30_000 }).toMatch(/^Could not load the digits from \/course\/backprop\/data\/digits\.bin\.gz: the server answered 404( Not Found)?\. Press Play or touch the pad to try again\.$/);
    refuse = false;
    await widget(page).locator("[data-action=play]").click();
    await expect.poll(async () => Number((await widget(page).getAttribute("data-points")) ?? 0), { timeout: 30_000 }).toBeGreaterThanOrEqual(2);
    expect(watch.problems.filter((problem) => !/404/.test(problem))).toEqual([]);
    await page.close();
  });

  it("is accessible while training and fits a 360 px phone without sideways scrolling", async () => {
    const { page, problems } = await openLab();
    await page.setViewportSize({ width: 360, height: 780 });
    expect(await findSeriousViolations(page, ["rd-digits"])).toEqual([]);
    await widget(page).locator("[data-action=play]").click();
    await expect.poll(async () => Number((await widget(page).getAttribute("data-points")) ?? 0), { timeout: 30_000 }).toBeGreaterThanOrEqual(3);
    await widget(page).locator("[data-action=play]").click();
    expect(await findSeriousViolations(page, ["rd-digits"])).toEqual([]);
    const { scrollWidth, clientWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
    expect(problems).toEqual([]);
    await page.close();
  });
});
