import { describe, expect, it } from "vitest";
import type { Locator, Page } from "playwright-core";
import { fetchSavedPage, findSeriousViolations, pageUrl, editCell, numberParam, scrollIntoViewSettled, scrubParam, setTheme, useChapter } from "./harness";

const CHAPTER = "gradient-descent/";
const chapter = useChapter(CHAPTER);
const open = chapter.open;

const status = (widget: Locator) => widget.locator("[data-status]").textContent();
/** The drawn paths of a widget's plots: the `d` of every line, which changes when a descent does. */
const lines = (widget: Locator) => widget.locator(".gd-path-line path").evaluateAll((paths) => paths.map((path) => path.getAttribute("d")).join("|"));

/** The drawing scripts a page has fetched so far (the widgets' runtimes). */
const runtimeScripts = (page: Page) =>
  page.evaluate(() => performance.getEntriesByType("resource").map((entry) => entry.name.replace(/.*\//, "")).filter((name) => /Runtime\.[\w-]+\.js$/.test(name)));

/** Clicks at fractions (fx, fy) of the plotting area of the first plot in `scope`. */
async function clickPlot(scope: Locator, fx: number, fy: number): Promise<void> {
  const plot = scope.locator("svg").last();
  // Parts of the chapter drawn as the figure comes into view move it: the click waits until it is still.
  await scrollIntoViewSettled(plot);
  const box = (await plot.boundingBox())!;
  // The plotting area sits inside the margins (left 40, bottom 34): aim well inside it. Clicking through the
  // locator hits the figure, not the page.
  await plot.click({ position: { x: box.width * (0.15 + 0.75 * fx), y: box.height * (0.1 + 0.75 * fy) } });
}

describe("gradient-descent chapter", () => {
  let page: Page, problems: string[];
  chapter.sharePage((shared) => ({ page, problems } = shared));

  it("saves every widget's figure and status, and every cell's output, in the page", async () => {
    // The six surfaces are fetched as the reader nears them (src/build/savedFigures.ts): a third of the page, off the first load.
    const { html, movedFigures } = await fetchSavedPage(CHAPTER);
    expect(movedFigures).toBe(6);
    for (const name of ["gd-surface-descent", "gd-learning-rates", "gd-momentum-valley", "gd-batch-curves"]) {
      expect(html).toContain(`<${name}`);
    }
    // The saved figures are the live ones (SVG, the heatmaps as inline PNG images), and the diverging panel explains itself.
    expect(html.match(/<svg/g)!.length).toBeGreaterThanOrEqual(7);
    expect(html.match(/<image[^>]*data:image\/png;base64/g)?.length).toBe(6);
    expect(html).toMatch(/diverged at step \d+: the loss became Infinity\/NaN; the learning rate is too large for this curvature/);
    // The momentum widget's shrink factors per step, saved: 0.6 and 0.9 plain, √0.5 ≈ 0.707 both ways with momentum.
    const shrink = html.match(/<table class="gd-shrink[\s\S]*?<\/table>/)![0].replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
    expect(shrink).toContain("w₁, across (c₁ = 4) 0.6 0.707");
    expect(shrink).toContain("w₂, along (c₂ = 0.25) 0.9 0.707");
    expect(await page.locator("nb-cell").count()).toBeGreaterThanOrEqual(4);
    expect(await page.locator("nb-cell").nth(1).locator(".nb-output").textContent()).toContain("∂E/∂w1 engine");
    // The per-link cell: remembering the whole step matches the engine exactly; the handed-over line goes uphill;
    // a one-step memory moves 0.19 a step, as the prose says.
    const perLink = page.locator("nb-cell").filter({ hasText: "as handed over" }).locator(".nb-output table");
    const rows = await perLink.locator("tbody tr").evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => Number(td.textContent!.replace("−", "-")))));
    expect(rows.map((row) => row[0])).toEqual([2, 5, 10, 20]);
    for (const [steps, handedOver, oneStep, whole, engine] of rows) {
      expect(whole).toBe(engine);
      expect(handedOver).toBeGreaterThan(0);
      expect(oneStep).toBeCloseTo(-0.1 - 0.19 * (steps - 1), 9);
    }
  });

  it("loads no drawing code before a touch; a click or a key made before it has loaded still moves the start", async () => {
    const { page: fresh, problems: freshProblems } = await open();
    expect(await runtimeScripts(fresh)).toEqual([]);
    const startW1 = await numberParam(fresh, "startW1");
    const surface = fresh.locator("gd-surface-descent");
    const before = await lines(surface);
    // A reader clicks in the tab in front: a page behind the describe's shared one gets no animation frames.
    await fresh.bringToFront();
    await fresh.evaluate(() => customElements.whenDefined("gd-surface-descent"));
    expect(await runtimeScripts(fresh)).toEqual([]);
    await clickPlot(surface.locator("[data-figure]"), 0.8, 0.2);
    await expect.poll(async () => Number(await startW1.inputValue()), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(await surface.getAttribute("data-live")).toBe("ready");
    expect(await lines(surface)).not.toBe(before);

    const valley = fresh.locator("gd-momentum-valley");
    const valleyW1 = await numberParam(fresh, "valleyW1");
    const w1 = Number(await valleyW1.inputValue());
    await valley.locator("[data-figure]").focus();
    await fresh.keyboard.press("ArrowRight");
    await expect.poll(async () => Number(await valleyW1.inputValue()), { timeout: 15_000 }).toBeCloseTo(w1 + 0.1, 6);
    expect((await runtimeScripts(fresh)).sort()).toEqual([expect.stringMatching(/^surfaceDescentRuntime\./), expect.stringMatching(/^valleyRuntime\./)]);
    expect(await fresh.locator("gd-batch-curves").getAttribute("data-runtime")).toBeNull();
    await fresh.close();
    expect(freshProblems).toEqual([]);
  });

  it("a link that sets a param draws the widget that follows it at once", async () => {
    const { page: linked, problems: linkedProblems } = await open("?epochs=20");
    const batches = linked.locator("gd-batch-curves");
    await expect.poll(() => batches.locator("[data-epoch]").textContent(), { timeout: 15_000 }).toBe("Epoch 20 of 20");
    expect(await batches.locator("[data-status]").textContent()).toContain("After 20 epochs");
    expect(await linked.locator("gd-surface-descent").getAttribute("data-runtime")).toBeNull();
    await linked.close();
    expect(linkedProblems).toEqual([]);
  });

  it("surface: a click and the arrow keys move the start, and the learning rate Param changes the path", async () => {
    const [startW1, startW2, lr] = [await numberParam(page, "startW1"), await numberParam(page, "startW2"), await numberParam(page, "lr")];
    const widget = page.locator("gd-surface-descent");
    await widget.hover();
    await expect.poll(() => widget.getAttribute("data-live"), { timeout: 15_000 }).toBe("ready");
    const before = await lines(widget);
    const beforeStatus = await status(widget);

    await clickPlot(widget.locator("[data-figure]"), 0.8, 0.2);
    await expect.poll(() => startW1.inputValue()).not.toBe("-6");
    expect(Number(await startW1.inputValue())).toBeGreaterThan(0);
    expect(Number(await startW2.inputValue())).toBeGreaterThan(0);
    expect(await status(widget)).not.toBe(beforeStatus);
    expect(await lines(widget)).not.toBe(before);

    const w1 = Number(await startW1.inputValue());
    const afterClick = await lines(widget);
    await widget.locator("[data-figure]").focus();
    await page.keyboard.press("ArrowLeft");
    await expect.poll(async () => Number(await startW1.inputValue())).toBeCloseTo(w1 - 0.5, 6);
    await expect.poll(() => lines(widget)).not.toBe(afterClick);

    const afterKeys = await lines(widget);
    await lr.focus();
    await page.keyboard.press("ArrowUp");
    await expect.poll(() => status(widget)).not.toContain("η = 5:");
    expect(await lines(widget)).not.toBe(afterKeys);
  });

  it("learning rates: the diverging panel is caught and named, and lowering its η below 2/c₁ makes it converge", async () => {
    const [valleyW1, valleyW2] = [await numberParam(page, "valleyW1"), await numberParam(page, "valleyW2")];
    const widget = page.locator("gd-learning-rates");
    const blowup = widget.locator("[data-panel='3']");
    await expect.poll(() => blowup.getAttribute("data-diverged")).toBe("true");
    expect(await blowup.locator("[data-detail]").textContent()).toMatch(/diverged at step \d+: the loss became Infinity\/NaN; the learning rate is too large for this curvature \(η = 0\.7 > 2\/c₁ = 0\.5\)/);
    expect(await widget.textContent()).not.toMatch(/NaN(?!;)/);
    expect(await widget.locator("[data-panel='0']").getAttribute("data-regime")).toBe("crawling");
    expect(await widget.locator("[data-panel='2']").getAttribute("data-regime")).toBe("oscillating");

    // Keyboard: type a new learning rate into the sentence.
    const input = await numberParam(page, "lrBlowup");
    await input.fill("0.4");
    await input.press("Enter");
    await expect.poll(() => blowup.getAttribute("data-diverged")).toBe("false");
    expect(await blowup.getAttribute("data-regime")).toBe("oscillating");
    expect(await blowup.locator("[data-detail]").textContent()).toContain("after 30 steps E =");

    // Pointer: a click on a panel moves the shared start point of all four.
    const before = await lines(widget);
    await clickPlot(widget.locator("[data-panel='1'] [data-figure]"), 0.1, 0.9);
    await expect.poll(async () => Number(await valleyW1.inputValue())).toBeLessThan(0);
    expect(Number(await valleyW2.inputValue())).toBeLessThan(0);
    await expect.poll(() => lines(widget)).not.toBe(before);
  });

  it("momentum: dragging α in the sentence and pressing arrow keys on the valley change both descents", async () => {
    const valleyW1 = await numberParam(page, "valleyW1");
    const widget = page.locator("gd-momentum-valley");
    await expect.poll(() => status(widget)).toContain("is below 2/c₁ = 0.5");
    const before = await lines(widget);
    const alpha = await numberParam(page, "alpha");
    await scrubParam(page, alpha, 60);
    await expect.poll(async () => Number(await alpha.inputValue())).toBeGreaterThan(0.5);
    await expect.poll(() => status(widget)).toContain(`momentum α = ${await alpha.inputValue()}`);
    // The shrink factors follow α: with these settings both directions spiral in at √α a step.
    const rootAlpha = String(Number(Math.sqrt(Number(await alpha.inputValue())).toPrecision(3)));
    await expect.poll(() => widget.locator("[data-shrink-momentum]").allTextContents()).toEqual([rootAlpha, rootAlpha]);
    expect(await widget.locator("[data-shrink-plain]").allTextContents()).toEqual(["0.6", "0.9"]);
    await expect.poll(() => lines(widget)).not.toBe(before);

    const w1 = Number(await valleyW1.inputValue());
    const afterDrag = await lines(widget);
    await widget.locator("[data-figure]").focus();
    await page.keyboard.press("ArrowRight");
    await expect.poll(async () => Number(await valleyW1.inputValue())).toBeCloseTo(w1 + 0.1, 6);
    await expect.poll(() => lines(widget)).not.toBe(afterDrag);

    // Above the limit, the widget says so.
    const rate = await numberParam(page, "valleyLr");
    await rate.fill("0.6");
    await rate.press("Enter");
    await expect.poll(() => status(widget)).toContain("is not below 2/c₁ = 0.5, so plain descent cannot converge");
  });

  it("batches: play trains the three curves live, pause stops, one epoch steps by keyboard, reset returns to epoch 0", async () => {
    const widget = page.locator("gd-batch-curves");
    await widget.scrollIntoViewIfNeeded();
    const play = widget.locator("[data-action=play]");
    expect(await play.getAttribute("aria-pressed")).toBe("false");
    // A Param change restarts training live; 300 epochs leave time to pause it midway.
    const epochs = await numberParam(page, "epochs");
    await epochs.fill("300");
    await epochs.press("Enter");
    await expect.poll(() => widget.getAttribute("data-live")).toBe("live");
    expect(await play.getAttribute("aria-pressed")).toBe("true");
    await expect.poll(async () => Number(await widget.getAttribute("data-epoch")), { timeout: 15_000 }).toBeGreaterThan(3);
    await play.click();
    expect(await play.getAttribute("aria-pressed")).toBe("false");
    const paused = Number(await widget.getAttribute("data-epoch"));
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    expect(Number(await widget.getAttribute("data-epoch"))).toBe(paused);
    expect(await widget.locator("[data-curves] path").count()).toBeGreaterThanOrEqual(3);

    await widget.locator("[data-action=reset]").click();
    expect(await widget.getAttribute("data-epoch")).toBe("0");
    await widget.locator("[data-action=step]").focus();
    await page.keyboard.press("Enter");
    expect(await widget.getAttribute("data-epoch")).toBe("1");
    expect(await status(widget)).toMatch(/After 1 epoch: full batch: E = [\d.e−]+ after 1 step; mini-batch of 10: E = [\d.e−]+ after 20 steps; one example: E = [\d.e−]+ after 200 steps\./);

    // Play from epoch 1 runs on; a mini-batch size change restarts the runs with the new batches.
    await play.click();
    await expect.poll(async () => Number(await widget.getAttribute("data-epoch"))).toBeGreaterThan(1);
    const rate = await numberParam(page, "batchSize");
    await rate.fill("50");
    await rate.press("Enter");
    await expect.poll(() => status(widget), { timeout: 15_000 }).toContain("mini-batch of 50");
    // Leave it still for the checks that follow.
    if ((await play.getAttribute("aria-pressed")) === "true") await play.click();
  });

  it("your turn: rejects a momentum step without the carried step, naming the mistake, and accepts the right one", async () => {
    const cell = page.locator("nb-cell[data-check=gradientDescentMomentum]");
    expect(await cell.locator(".nb-out-check").count()).toBe(0); // neutral until run
    await cell.locator("[data-nb-action=run]").click();
    await expect.poll(() => cell.locator(".nb-check-fail").textContent(), { timeout: 20_000 }).toContain("You forgot to carry the previous step (α·Δw)");
    await editCell(page, cell, "function momentumStep(w, step, gradient, learningRate, momentum) {\n  const next = momentum * step + learningRate * gradient;\n  return { w: w + next, step: next };\n}");
    await expect.poll(() => cell.locator(".nb-out-check").textContent(), { timeout: 20_000 }).toContain("You used +η∇E: the step goes uphill");
    await editCell(page, cell, "function momentumStep(w, step, gradient, learningRate, momentum) {\n  const next = momentum * step - learningRate * gradient;\n  return { w: w + next, step: next };\n}");
    await expect.poll(() => cell.locator(".nb-check-pass").count(), { timeout: 20_000 }).toBe(1);
    expect(await cell.locator(".nb-out-check").textContent()).toContain("matches the engine’s momentum optimizer");
  });

  it.each(["light", "dark"] as const)("has no serious axe violation in its widgets, drawn live, in the %s theme", async (theme) => {
    await setTheme(page, theme);
    // Touch each widget as a reader would, so axe sees the live figures.
    for (const name of ["gd-surface-descent", "gd-learning-rates", "gd-momentum-valley", "gd-batch-curves"]) await page.locator(name).hover({ position: { x: 8, y: 8 } });
    await expect.poll(() => page.locator("[data-runtime=loaded]").count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(4);
    // The widgets only: code cells and inline params are the notebook's, checked by its own tests.
    const violations = await findSeriousViolations(page, ["gd-surface-descent", "gd-learning-rates", "gd-momentum-valley", "gd-batch-curves", "check-yourself"]);
    expect(violations).toEqual([]);
  });

  it("fits a 360 px phone without horizontal scrolling", async () => {
    const phone = await chapter.context().newPage();
    await phone.setViewportSize({ width: 360, height: 780 });
    await phone.goto(pageUrl(CHAPTER), { waitUntil: "networkidle" });
    // The saved figures fit before any touch (the loss curves have a drawing for a phone's column) …
    expect(await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    expect(await phone.locator("gd-batch-curves .gd-saved-narrow").isVisible()).toBe(true);
    // … and the live ones after.
    await phone.locator("gd-surface-descent").hover();
    await expect.poll(() => phone.locator("gd-surface-descent").getAttribute("data-live"), { timeout: 15_000 }).toBe("ready");
    expect(await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await phone.close();
  });

  it("logs no console error and fetches nothing outside the base path", () => {
    expect(problems).toEqual([]);
  });
});
