import { describe, expect, it } from "vitest";
import type { Locator, Page } from "playwright-core";
import { choiceParam, editCell, fetchSavedPage, findSeriousViolations, flickTo, setTheme, useChapter } from "./harness";

const CHAPTER = "error-surface/";
const chapter = useChapter(CHAPTER);
const open = chapter.open;

const widget = (page: Page, mode: string) => page.locator(`error-surface-widget[data-mode=${mode}]`);
const readout = (scope: Locator, name: string) => scope.locator(`[data-es-value=${name}]`).textContent();
/** A readout as a number: readouts write the reader's minus sign (U+2212). */
const number = async (scope: Locator, name: string) => Number((await readout(scope, name))?.replace("\u2212", "-"));

/** The drawing scripts a page has fetched so far (the widgets' runtimes and what they import). */
const runtimeScripts = (page: Page) =>
  page.evaluate(() => performance.getEntriesByType("resource").map((entry) => entry.name.replace(/.*\//, "")).filter((name) => /Runtime\.[\w-]+\.js$/.test(name)));

/** Touches the widget as a reader would (the pointer comes over it), then waits until it has drawn its live figures (after the given generation, when given). */
async function ready(scope: Locator, after = 0): Promise<void> {
  await scope.hover({ position: { x: 8, y: 8 } });
  await expect.poll(async () => (await scope.getAttribute("data-ready")) === "true" && Number(await scope.getAttribute("data-generation")) > after, { timeout: 15_000 }).toBe(true);
}

const generation = async (scope: Locator) => Number(await scope.getAttribute("data-generation"));

/** Presses the pointer at fractions (fx, fy) of a surface plot's box and drags to (gx, gy). */
async function drag(page: Page, surface: Locator, from: [number, number], to: [number, number]): Promise<void> {
  await surface.scrollIntoViewIfNeeded();
  const box = (await surface.locator("svg").first().boundingBox())!;
  await page.mouse.move(box.x + from[0] * box.width, box.y + from[1] * box.height);
  await page.mouse.down();
  await page.mouse.move(box.x + to[0] * box.width, box.y + to[1] * box.height, { steps: 6 });
  await page.mouse.up();
}

describe("error-surface chapter", () => {
  let page: Page, problems: string[];
  chapter.sharePage((shared) => ({ page, problems } = shared));

  it("saves a picture of every widget and every cell's output in the page", async () => {
    // The four largest surfaces, and the fit plot far down the chapter (it draws a PNG, which gzip cannot shrink), are
    // fetched as the reader nears them (src/build/savedFigures.ts).
    const { html, movedFigures } = await fetchSavedPage(CHAPTER);
    expect(movedFigures).toBe(5);
    expect(html.match(/<error-surface-widget/g)?.length).toBe(3);
    // Build-time figures are the live ones (the raster as an inline PNG), with the readouts and status the browser computes.
    expect(html).toMatch(/data-es-value="E"[^>]*>0\.\d+</);
    expect(html).toMatch(/data-es-status[^>]*>w₁ = −2, w₂ = 3: squared error E = 0\.\d+\.</);
    expect(html.match(/<image[^>]*data:image\/png;base64/g)?.length).toBe(5);
    expect(await page.locator("nb-cell").count()).toBeGreaterThanOrEqual(5);
    const firstOutput = await page.locator("nb-cell").first().locator(".nb-output").textContent();
    expect(firstOutput).toContain("0.125");
  });

  it("loads no drawing code before a touch; a drag begun before it has loaded still moves the point", async () => {
    const { page: fresh, problems: freshProblems } = await open();
    const explorer = widget(fresh, "explorer");
    expect(await runtimeScripts(fresh)).toEqual([]);
    expect(await explorer.getAttribute("data-runtime")).toBeNull();
    // The saved figure, fetched as the reader comes to it, already shows the ring where the live one will.
    await flickTo(fresh, explorer.locator("[data-es-surface]"));
    await expect.poll(() => explorer.locator(".es-marker circle").count()).toBe(2);
    await drag(fresh, explorer.locator("[data-es-surface]"), [0.5, 0.5], [0.85, 0.2]);
    await expect.poll(() => number(explorer, "w1"), { timeout: 15_000 }).toBeGreaterThan(3);
    expect(await number(explorer, "w2")).toBeGreaterThan(3);
    expect(await explorer.getAttribute("data-runtime")).toBe("loaded");
    expect(await runtimeScripts(fresh)).toEqual([expect.stringMatching(/^surfaceRuntime\./)]);
    // Other widgets stay asleep until touched.
    expect(await widget(fresh, "shapes").getAttribute("data-runtime")).toBeNull();
    await fresh.close();
    expect(freshProblems).toEqual([]);
  });

  it("a link that sets a param draws the widgets that follow it at once", async () => {
    const { page: linked, problems: linkedProblems } = await open("?loss=cross-entropy");
    const explorer = widget(linked, "explorer");
    await expect.poll(() => readout(explorer, "loss"), { timeout: 15_000 }).toBe("cross-entropy");
    expect(await explorer.locator("[data-es-legend]").textContent()).toContain("cross-entropy");
    expect(await widget(linked, "shapes").getAttribute("data-runtime")).toBeNull();
    await linked.close();
    expect(linkedProblems).toEqual([]);
  });

  it("explorer: dragging the point changes the weights, the error and the fit plot", async () => {
    const explorer = widget(page, "explorer");
    await ready(explorer);
    const surface = explorer.locator("[data-es-surface]");
    const fitBefore = await explorer.locator("[data-es-fit]").innerHTML();
    const errorBefore = await number(explorer, "E");
    // Drag from the centre of the plot to the upper right: the good diagonal.
    await drag(page, surface, [0.5, 0.5], [0.85, 0.2]);
    await expect.poll(() => number(explorer, "w1")).toBeGreaterThan(3);
    expect(await number(explorer, "w2")).toBeGreaterThan(3);
    expect(await number(explorer, "E")).toBeLessThan(errorBefore);
    await expect.poll(() => explorer.locator("[data-es-fit]").innerHTML()).not.toBe(fitBefore);
    expect(await explorer.locator("[data-es-status]").textContent()).toMatch(/w₁ = [\d.]+, w₂ = [\d.]+: squared error E = 0\.\d+/);
  });

  it("explorer: arrow keys move the focused point by 0.25 and update the error", async () => {
    const explorer = widget(page, "explorer");
    await explorer.locator("[data-action=reset]").click();
    expect([await number(explorer, "w1"), await number(explorer, "w2")]).toEqual([-2, 3]);
    const errorAtStart = await number(explorer, "E");
    const marker = explorer.locator(".es-marker circle").first();
    const cxBefore = Number(await marker.getAttribute("cx"));
    await explorer.locator("[data-es-surface]").focus();
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowDown");
    expect([await number(explorer, "w1"), await number(explorer, "w2")]).toEqual([-1.75, 2.75]);
    expect(await number(explorer, "E")).not.toBe(errorAtStart);
    expect(Number(await marker.getAttribute("cx"))).toBeGreaterThan(cxBefore);
    await page.keyboard.press("Home");
    expect(await number(explorer, "w1")).toBe(-2);
  });

  it("explorer: the lowest-point button lands where the error is lowest", async () => {
    const explorer = widget(page, "explorer");
    const before = await number(explorer, "E");
    await explorer.locator("[data-action=lowest]").click();
    expect(await number(explorer, "E")).toBeLessThan(before);
    for (const [key, back] of [["ArrowLeft", "ArrowRight"], ["ArrowDown", "ArrowUp"]]) {
      const lowest = await number(explorer, "E");
      await explorer.locator("[data-es-surface]").focus();
      await page.keyboard.press(key);
      expect(await number(explorer, "E")).toBeGreaterThanOrEqual(lowest - 1e-4);
      await page.keyboard.press(back);
    }
  });

  it("explorer: the inline loss param redraws the surface as cross-entropy", async () => {
    const explorer = widget(page, "explorer");
    await explorer.locator("[data-action=reset]").click();
    const squared = await number(explorer, "E");
    const surfaceBefore = await explorer.locator("[data-es-surface]").innerHTML();
    const before = await generation(explorer);
    await (await choiceParam(page, "loss")).selectOption("cross-entropy");
    await ready(explorer, before);
    expect(await readout(explorer, "loss")).toBe("cross-entropy");
    expect(await explorer.locator("[data-es-legend]").textContent()).toContain("cross-entropy");
    expect(await number(explorer, "E")).toBeGreaterThan(squared);
    expect(await explorer.locator("[data-es-surface]").innerHTML()).not.toBe(surfaceBefore);
    expect(new URL(page.url()).searchParams.get("loss")).toBe("cross-entropy");
  });

  it("explorer: the inline points param changes the data in the fit plot", async () => {
    const explorer = widget(page, "explorer");
    // The two dot marks (class 0 and class 1) are the groups filled with the class colours.
    const dots = () => explorer.locator('[data-es-fit] svg g[fill="#3f2a7a"] > *, [data-es-fit] svg g[fill="#b34a00"] > *').count();
    await expect.poll(dots).toBe(40);
    const before = await generation(explorer);
    const points = page.locator("nb-param input[name=points]");
    await points.focus();
    await page.keyboard.press("ArrowUp");
    await ready(explorer, before);
    await expect.poll(dots).toBe(44);
    expect(await readout(explorer, "data")).toBe("44 points, each label flipped with probability 0.1");
  });

  it("compare: one point moves on both surfaces, and cross-entropy is steep where squared error is flat", async () => {
    const compare = widget(page, "compare");
    await ready(compare);
    const surfaces = compare.locator("[data-es-surface]");
    expect(await surfaces.count()).toBe(2);
    const markers = compare.locator(".es-marker circle:first-of-type");
    const [squaredStart, crossStart] = [await number(compare, "squared"), await number(compare, "cross")];
    await surfaces.nth(1).focus();
    for (let i = 0; i < 4; i++) await page.keyboard.press("ArrowLeft");
    expect(await number(compare, "w1")).toBe(-5);
    const squaredChange = (await number(compare, "squared")) - squaredStart;
    const crossChange = (await number(compare, "cross")) - crossStart;
    expect(crossChange).toBeGreaterThan(10 * squaredChange);
    expect(await markers.nth(0).getAttribute("cx")).toBe(await markers.nth(1).getAttribute("cx"));
    const cx = await markers.nth(0).getAttribute("cx");
    await drag(page, surfaces.nth(0), [0.5, 0.5], [0.8, 0.3]);
    await expect.poll(() => markers.nth(1).getAttribute("cx")).not.toBe(cx);
    expect(await number(compare, "w1")).toBeGreaterThan(0);
  });

  it("shapes: the curvature param turns the bowl into a saddle, and the point follows pointer and keys", async () => {
    const shapes = widget(page, "shapes");
    await ready(shapes);
    expect(await readout(shapes, "shape")).toBe("valley");
    const before = await generation(shapes);
    const surfaceBefore = await shapes.locator("[data-es-surface]").innerHTML();
    const curvature = page.locator("nb-param input[name=curvature]");
    await curvature.fill("-0.5");
    await curvature.press("Enter");
    await ready(shapes, before);
    expect(await readout(shapes, "shape")).toBe("saddle");
    expect(await readout(shapes, "a")).toBe("−0.5");
    expect(await shapes.locator("[data-es-surface]").innerHTML()).not.toBe(surfaceBefore);
    await drag(page, shapes.locator("[data-es-surface]"), [0.5, 0.5], [0.5, 0.2]);
    await expect.poll(() => number(shapes, "w2")).toBeGreaterThan(0.5);
    expect(await number(shapes, "f")).toBeLessThan(0); // on a saddle, moving along v goes down
    const arrow = await shapes.locator(".es-arrow").getAttribute("d");
    await shapes.locator("[data-es-surface]").focus();
    await page.keyboard.press("ArrowRight");
    expect(await shapes.locator(".es-arrow").getAttribute("d")).not.toBe(arrow);
  });

  it("your turn: rejects a forgotten ½ with the reason and accepts the right squaredError", async () => {
    const exercise = page.locator("nb-cell[data-check=errorSurfaceSquaredError]");
    expect(await exercise.locator(".nb-out-check").count()).toBe(0); // neutral until run
    await exercise.locator("[data-nb-action=run]").click();
    await expect.poll(() => exercise.locator(".nb-out-check").textContent(), { timeout: 20_000 }).toMatch(/returned/);
    await editCell(
      page, exercise,
      "function squaredError(outputs, targets) {\n  let total = 0;\n  for (let n = 0; n < outputs.length; n++) total += (targets[n] - outputs[n]) ** 2;\n  return total / outputs.length;\n}",
    );
    await expect.poll(() => exercise.locator(".nb-out-check").textContent(), { timeout: 20_000 }).toContain("you forgot the ½");
    await editCell(
      page, exercise,
      "function squaredError(outputs, targets) {\n  let total = 0;\n  for (let n = 0; n < outputs.length; n++) total += 0.5 * (targets[n] - outputs[n]) ** 2;\n  return total;\n}",
    );
    await expect.poll(() => exercise.locator(".nb-out-check").textContent(), { timeout: 20_000 }).toContain("summed over the examples instead of averaging");
    await editCell(
      page, exercise,
      "function squaredError(outputs, targets) {\n  let total = 0;\n  for (let n = 0; n < outputs.length; n++) total += 0.5 * (targets[n] - outputs[n]) ** 2;\n  return total / outputs.length;\n}",
    );
    await expect.poll(() => exercise.locator(".nb-out-check").textContent(), { timeout: 20_000 }).toContain("matches the engine");
  });

  it("has no serious accessibility violation inside the widgets, in light and dark themes", async () => {
    for (const theme of ["light", "dark"] as const) {
      const { page: themed } = await open();
      await themed.emulateMedia({ colorScheme: theme });
      await setTheme(themed, theme);
      for (const mode of ["explorer", "compare", "shapes"]) await ready(widget(themed, mode));
      const mine = await findSeriousViolations(themed, ["error-surface-widget"]);
      expect(mine, theme).toEqual([]);
      await themed.close();
    }
  });

  it("had no console error, failed request or uncaught exception through all of the above", () => {
    expect(problems).toEqual([]);
  });
});
