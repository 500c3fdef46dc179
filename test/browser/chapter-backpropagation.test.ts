import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { choiceParam, findSeriousViolations, launchBrowser, numberParam, pageUrl, replaceCellSource, setTheme, useChapter } from "./harness";

const CHAPTER = "backpropagation/";
const chapter = useChapter(CHAPTER);

/** The text of the first inline worked-example number called `name` in the prose. */
const prose = (page: Page, name: string) => page.locator(`bp-number[data-name="${name}"] .widget-tip-value`).first().textContent();
/** The value part of a line of the diagram, e.g. "E" or "param-w5". */
const diagram = (page: Page, key: string) => page.locator(`bp-diagram text[data-key="${key}"] .bp-line-value`).textContent();
const exercise = (page: Page) => page.locator('nb-cell[data-check="denseBackward"]');

/** Replaces the exercise cell's source and runs it. */
async function runExercise(page: Page, source: string): Promise<void> {
  await replaceCellSource(page, exercise(page), source);
  await page.keyboard.press("ControlOrMeta+Enter");
}

describe("the worked example", () => {
  it("shows the engine's numbers to nine digits in the saved page, diagram and table included", async () => {
    const page = await (await launchBrowser({ javaScriptEnabled: false })).newPage();
    await page.goto(pageUrl(CHAPTER), { waitUntil: "load" });
    expect(await diagram(page, "E")).toBe("0.298371109");
    expect(await diagram(page, "new_w5")).toBe("0.358916480");
    expect(await page.locator('bp-number[data-name="delta_h1"] .widget-tip-value').first().textContent()).toBe("0.00877135469");
    expect(await page.locator('bp-error-table tr[data-step="1"] [data-column=error] .widget-tip-value').textContent()).toBe("0.291027774");
    expect(await page.locator("bp-error-table [data-bp-chart] svg path").count()).toBeGreaterThan(0);
    expect(await page.locator("bp-delta-flow [data-flow-chart] svg").count()).toBeGreaterThan(0);
    await page.context().close();
  });

  it("explains a number's formula with its values on focus", () => chapter.visit(async (page) => {
    const value = page.locator('bp-number[data-name="z_h1"] .widget-tip-value').first();
    const tipId = await value.getAttribute("aria-describedby");
    const tip = page.locator(`#${tipId}`);
    expect(await tip.isVisible()).toBe(false);
    await value.focus();
    await expect.poll(() => tip.isVisible()).toBe(true);
    expect(await tip.textContent()).toBe("z_h1 = w1·x1 + w2·x2 + b1 = 0.15·0.05 + 0.2·0.1 + 0.35 = 0.377500000");
    const w5 = page.locator('bp-diagram text[data-key="grad_w5"]');
    await w5.focus();
    await expect.poll(() => page.locator("bp-diagram .bp-readout").textContent()).toContain("∂E/∂w5 = δ_o1·a_h1 = 0.138498562·0.593269992 = 0.0821670406");
    const tableValue = page.locator('bp-error-table tr[data-step="1"] [data-column=error] .widget-tip-value');
    const tableTip = page.locator(`#${await tableValue.getAttribute("aria-describedby")}`);
    expect(await tableTip.isVisible()).toBe(false);
    await tableValue.focus();
    await expect.poll(() => tableTip.isVisible()).toBe(true);
    expect(await tableTip.textContent()).toMatch(/^E = ½\(t₁ − y₁\)² \+ ½\(t₂ − y₂\)² = ½\(0\.010* − [\d.]+\)² \+ ½\(0\.990* − [\d.]+\)² = 0\.291027774, after 1 update /);
  }));

  it("applies the update with the pointer: weights, diagram, prose, table and chart all follow", () => chapter.visit(async (page) => {
    const chart = () => page.locator("bp-error-table [data-bp-chart]").innerHTML();
    const chartBefore = await chart();
    await page.locator("bp-diagram [data-action=step]").click();
    await expect.poll(() => diagram(page, "E")).toBe("0.291027774");
    expect(Number(await (await numberParam(page, "w5")).getAttribute("aria-valuenow"))).toBeCloseTo(0.35891648, 8);
    expect(await prose(page, "E")).toBe("0.291027774");
    expect(await page.locator("bp-diagram [data-status]").textContent()).toContain("after 1 applied update");
    await expect.poll(() => page.locator("bp-error-table [data-status]").textContent(), { timeout: 15_000 }).toContain("Retrained");
    expect(await page.locator('bp-error-table tr[data-step="0"] [data-column=error] .widget-tip-value').textContent()).toBe("0.291027774");
    expect(await chart()).not.toBe(chartBefore);
    await page.locator("bp-diagram [data-action=reset]").click();
    await expect.poll(() => diagram(page, "E")).toBe("0.298371109");
  }));

  it("changes a weight from the keyboard on the diagram, and the reactive cell re-runs with it", () => chapter.visit(async (page) => {
    const before = await prose(page, "delta_h1");
    await page.locator('bp-diagram text[data-key="param-w5"]').focus();
    await page.keyboard.press("ArrowUp");
    await expect.poll(() => diagram(page, "param-w5")).toBe("0.41");
    expect(await (await numberParam(page, "w5")).inputValue()).toBe("0.41");
    expect(new URL(page.url()).searchParams.get("w5")).toBe("0.41");
    expect(await prose(page, "delta_h1")).not.toBe(before);
    expect(await page.locator('bp-number[data-name="delta_h1"]').first().getAttribute("data-changed")).not.toBeNull();
    const reactive = page.locator("nb-cell[data-reactive=true]");
    const E = await diagram(page, "E");
    await expect.poll(() => reactive.locator(".nb-output").textContent(), { timeout: 20_000 }).toContain(`E: ${E!.slice(0, 8)}`);
  }));

  it("recomputes from a learning rate typed into the sentence", () => chapter.visit(async (page) => {
    const eta = await numberParam(page, "eta");
    await eta.fill("0.1");
    await eta.press("Enter");
    // w5⁺ = 0.4 − 0.1 · 0.0821670406
    await expect.poll(() => prose(page, "new_w5")).toBe("0.391783296");
    expect(await diagram(page, "new_w5")).toBe("0.391783296");
    expect(await page.locator("bp-diagram [data-bp-eta]").textContent()).toBe("0.1");
  }));

  it("takes its values from the URL", () => chapter.visit("?x1=1&t1=0.5", async (page) => {
    await expect.poll(() => diagram(page, "param-x1")).toBe("1");
    expect(await prose(page, "z_h1")).toBe("0.520000000"); // 0.15·1 + 0.2·0.1 + 0.35
  }));
});

describe("the delta-flow chart", () => {
  it("adds a layer from the keyboard and redraws", () => chapter.visit(async (page) => {
    const flow = page.locator("bp-delta-flow");
    const chart = () => flow.locator("[data-flow-chart]").innerHTML();
    const before = await chart();
    expect(await flow.locator("[data-flow-rows] tr").count()).toBe(7);
    await (await numberParam(page, "flowDepth")).focus();
    await page.keyboard.press("ArrowUp");
    await expect.poll(() => flow.locator("[data-flow-rows] tr").count()).toBe(8);
    expect(await flow.locator("[data-flow=depth]").textContent()).toBe("7");
    expect(await chart()).not.toBe(before);
    await (await choiceParam(page, "flowActivation")).selectOption("relu");
    await expect.poll(() => flow.locator("[data-flow=activation]").textContent()).toBe("relu");
  }));

  it("draws new weights with the pointer", () => chapter.visit(async (page) => {
    const flow = page.locator("bp-delta-flow");
    const summary = () => flow.locator(".bp-flow-summary").textContent();
    const before = await summary();
    const chartBefore = await flow.locator("[data-flow-chart]").innerHTML();
    await flow.locator("[data-action=reseed]").click();
    await expect.poll(() => flow.getAttribute("data-seed")).toBe("2");
    expect(await summary()).not.toBe(before);
    expect(await flow.locator("[data-flow-chart]").innerHTML()).not.toBe(chartBefore);
  }));
});

describe("loading", () => {
  /** Our widgets' heavy chunks (engine, Plot) the page has fetched, by the modules' names. */
  const heavyChunks = (page: Page) =>
    page.evaluate(() => performance.getEntriesByType("resource").map((entry) => entry.name.replace(/.*\//, "")).filter((name) => /^(workedExample|errorTableRuntime|deltaFlowRuntime)\./.test(name)).map((name) => name.split(".")[0]).sort());

  it("fetches no engine or Plot for its widgets until the reader reaches for them, then each works", () => chapter.visit(async (page) => {
    expect(await heavyChunks(page)).toEqual([]);
    expect(await page.locator("bp-diagram, bp-error-table, bp-delta-flow").evaluateAll((elements) => elements.map((element) => (element as HTMLElement).dataset.runtime ?? "none"))).toEqual(["none", "none", "none"]);

    await page.locator("bp-delta-flow [data-flow-chart]").hover();
    await expect.poll(() => page.locator("bp-delta-flow").getAttribute("data-runtime")).toBe("loaded");
    expect(await heavyChunks(page)).toEqual(["deltaFlowRuntime"]);
    await page.locator("bp-delta-flow [data-action=reseed]").click();
    await expect.poll(() => page.locator("bp-delta-flow").getAttribute("data-seed")).toBe("2");

    // Reading a formula in the diagram needs nothing new; the first edit brings in the engine for every number.
    await page.locator('bp-diagram text[data-key="param-w5"]').focus();
    await expect.poll(() => heavyChunks(page)).toContain("workedExample");
    expect(await heavyChunks(page)).not.toContain("errorTableRuntime");
    await page.keyboard.press("ArrowUp");
    await expect.poll(() => prose(page, "E")).not.toBe("0.298371109");
    expect(await diagram(page, "E")).toBe(await prose(page, "E"));
    await expect.poll(() => page.locator("bp-error-table [data-status]").textContent(), { timeout: 15_000 }).toContain("Retrained");
    expect(await heavyChunks(page)).toEqual(["deltaFlowRuntime", "errorTableRuntime", "workedExample"]);
  }));
});

describe("your turn: denseBackward", () => {
  const right = `function denseBackward(aPrev, W, delta) {
  const gradW = delta.map((d) => aPrev.map((a) => d * a));
  const gradB = delta.slice();
  const deltaPrev = aPrev.map((a, k) => W.reduce((sum, row, j) => sum + row[k] * delta[j], 0) * a * (1 - a));
  return { gradW, gradB, deltaPrev };
}`;

  it("starts unsolved, rejects a missing σ′ with that reason, and accepts a right answer", () => chapter.visit(async (page) => {
    const verdict = () => exercise(page).locator(".nb-output").textContent();
    expect(await exercise(page).locator(".nb-out-check").count()).toBe(0); // neutral until run
    await exercise(page).locator("[data-nb-action=run]").click();
    await expect.poll(verdict, { timeout: 20_000 }).toContain("Not yet");
    await runExercise(page, right.replace(" * a * (1 - a)", ""));
    await expect.poll(verdict, { timeout: 20_000 }).toContain("deltaPrev is missing the σ′(z) factor");
    await runExercise(page, right);
    await expect.poll(verdict, { timeout: 20_000 }).toContain("All three parts match");
  }));

  it("names a transposed gradW", () => chapter.visit(async (page) => {
    await runExercise(page, right.replace("delta.map((d) => aPrev.map((a) => d * a))", "aPrev.map((a) => delta.map((d) => d * a))"));
    await expect.poll(() => exercise(page).locator(".nb-output").textContent(), { timeout: 20_000 }).toContain("gradW is transposed");
  }));
});

describe("the page as a whole", () => {
  it.each(["light", "dark"] as const)("has no serious accessibility violation in its widgets in the %s theme after they have run", (theme) => chapter.visit("?w5=0.6", async (page) => {
    await setTheme(page, theme);
    await expect.poll(() => page.locator("bp-error-table [data-status]").textContent(), { timeout: 15_000 }).toContain("Retrained");
    // This chapter's own widgets: the playground and the notebook have their own files.
    const violations = await findSeriousViolations(page, ["bp-diagram", "bp-error-table", "bp-delta-flow", "bp-number", ".engine-lines"]);
    expect(violations).toEqual([]);
  }));

  it("does not scroll sideways on a 360 px phone; the diagram scrolls inside its own box", async () => {
    const phone = await launchBrowser({ viewport: { width: 360, height: 740 } });
    const page = await phone.newPage();
    await page.goto(pageUrl(CHAPTER), { waitUntil: "networkidle" });
    const { scrollWidth, clientWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
    const box = page.locator("bp-diagram .bp-diagram-scroll");
    expect(await box.evaluate((element) => element.scrollWidth > element.clientWidth)).toBe(true);
    await phone.close();
  });
});
