import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { launchBrowser, pageUrl, replaceCellSource, scrubParam, useChapter } from "./harness";

// Issue 17: a notebook that tells the truth about its state, and controls that say what they did.
const LAB = "lab/notebook/";
const lab = useChapter(LAB);

const cell = (page: Page, n: number) => page.locator("nb-cell").nth(n - 1);

const open = (path = LAB, search = "") => lab.openPage(path, search);

describe("honest state", () => {
  it("marks saved outputs as saved from the book, with no execution count, until a cell runs here", () => lab.visit(async (page) => {
    const count = await page.locator("nb-cell").count();
    expect(count).toBeGreaterThan(4);
    expect(await page.locator("nb-cell .nb-prompt").allTextContents()).toEqual(Array.from({ length: count }, () => "[ ]"));
    expect(await cell(page, 1).locator(".nb-saved-label").textContent()).toBe("Saved from the book: not run in this session");
    await cell(page, 1).locator("[data-nb-action=run]").click();
    await expect.poll(() => cell(page, 1).locator(".nb-prompt").textContent(), { timeout: 20_000 }).toBe("[1]");
    expect(await cell(page, 1).locator(".nb-saved-label").count()).toBe(0);
    expect(await cell(page, 2).locator(".nb-saved-label").isVisible()).toBe(true);
  }));
});

describe("dependencies that take care of themselves", () => {
  it("runs the earlier cell a dependent cell needs, once, says so, and again after a restart", () => lab.visit(async (page) => {
    await cell(page, 2).locator("[data-nb-action=run]").click();
    await expect.poll(() => cell(page, 2).locator(".nb-out-value, .nb-out-text").textContent(), { timeout: 20_000 }).toBe("-4");
    expect(await cell(page, 2).locator(".nb-run-note").textContent()).toBe("Ran cell 1 first.");
    expect(await cell(page, 1).locator(".nb-prompt").textContent()).toBe("[1]");
    expect(await cell(page, 2).locator(".nb-prompt").textContent()).toBe("[2]");
    await cell(page, 2).locator("[data-nb-action=run]").click();
    await expect.poll(() => cell(page, 2).locator(".nb-prompt").textContent()).toBe("[3]");
    expect(await cell(page, 2).locator(".nb-run-note").count()).toBe(0); // cell 1 already ran in this kernel
    expect(await cell(page, 1).locator(".nb-prompt").textContent()).toBe("[1]");
    await page.locator("nb-toolbar [data-nb-action=restart]").click();
    await cell(page, 2).locator("[data-nb-action=run]").click();
    await expect.poll(() => cell(page, 2).locator(".nb-run-note").textContent(), { timeout: 20_000 }).toBe("Ran cell 1 first.");
    expect(await cell(page, 2).locator(".nb-out-error").count()).toBe(0);
  }));

  it("runs the perceptron chapter's second cell first in a fresh page and gets its result, not a ReferenceError", () => lab.visitPage("perceptron/", "", async (page) => {
    const second = cell(page, 2);
    await second.locator("[data-nb-action=run]").click();
    await expect.poll(() => second.locator(".nb-prompt").textContent(), { timeout: 30_000 }).toMatch(/^\[\d+\]$/);
    expect(await second.locator(".nb-run-note").textContent()).toMatch(/^Ran cells? [\d, and]+ first\.$/);
    expect(await second.locator(".nb-run-note").textContent()).toContain("1");
    expect(await second.locator(".nb-out-error").count()).toBe(0);
    expect(await second.locator(".nb-output").textContent()).not.toContain("ReferenceError");
  }));

  it("keeps the ReferenceError for a name no earlier cell defines, naming the later cell that would", async () => {
    const { page } = await open();
    await replaceCellSource(page, cell(page, 2), "greeting.length");
    await page.keyboard.press("ControlOrMeta+Enter");
    await expect.poll(() => cell(page, 2).locator(".nb-out-error").textContent(), { timeout: 20_000 }).toContain(
      "greeting is not defined: cell 5 defines greeting, further down the page; run it first.",
    );
    await replaceCellSource(page, cell(page, 2), "nobodyDefinesThis + 1");
    await page.keyboard.press("ControlOrMeta+Enter");
    await expect.poll(() => cell(page, 2).locator(".nb-out-error").textContent()).toContain("nobodyDefinesThis is not defined");
    expect(await cell(page, 2).locator(".nb-out-error").textContent()).not.toContain("defines");
    await page.close();
  });
});

describe("controls where the reader is", () => {
  it("shows Stop on the running cell itself, and it interrupts", async () => {
    const { page } = await open();
    await replaceCellSource(page, cell(page, 5), "while (true) {}");
    const stop = cell(page, 5).locator("[data-nb-action=interrupt]");
    expect(await stop.isVisible()).toBe(false);
    await page.keyboard.press("ControlOrMeta+Enter");
    await expect.poll(() => stop.isVisible(), { timeout: 10_000 }).toBe(true);
    const pressed = Date.now();
    await stop.click();
    await expect.poll(() => cell(page, 5).locator(".nb-out-error").textContent()).toContain("Interrupted");
    expect(Date.now() - pressed).toBeLessThan(2_000);
    expect(await stop.isVisible()).toBe(false);
    await cell(page, 5).locator("[data-nb-action=reset]").click();
    await page.close();
  });

  it("undoes Reset to original once, and Reset all after its confirmation", async () => {
    const { page } = await open();
    await replaceCellSource(page, cell(page, 2), "const kept = 42;\nkept");
    await cell(page, 2).locator("[data-nb-action=reset]").click();
    expect(await cell(page, 2).locator("[data-nb-input]").textContent()).toContain("c.data * 2");
    await cell(page, 2).locator("[data-nb-action=undo-reset]").click();
    expect(await cell(page, 2).locator("[data-nb-input]").textContent()).toContain("const kept = 42;");
    expect(await cell(page, 2).locator(".nb-badge-modified").isVisible()).toBe(true);
    expect(await cell(page, 2).locator("[data-nb-action=undo-reset]").isVisible()).toBe(false);

    await page.locator("nb-toolbar [data-nb-action=reset-all]").click();
    await page.locator("nb-toolbar [data-nb-action=reset-all-confirm]").click();
    expect(await cell(page, 2).locator("[data-nb-input]").textContent()).toContain("c.data * 2");
    expect(await page.locator(".nb-kernel-status").textContent()).toBe("Reset 1 cell to the book’s code.");
    await page.locator("nb-toolbar [data-nb-action=undo-reset-all]").click();
    expect(await cell(page, 2).locator("[data-nb-input]").textContent()).toContain("const kept = 42;");
    await page.reload({ waitUntil: "networkidle" });
    expect(await cell(page, 2).locator("[data-nb-input]").textContent()).toContain("const kept = 42;");
    await cell(page, 2).locator("[data-nb-action=reset]").click();
    await page.close();
  });
});

describe("a number that says what it did", () => {
  it("clamps an out-of-range value, reads a decimal comma, refuses garbage, and says so next to the number", () => lab.visit(async (page) => {
    const lr = page.locator("nb-param input[name=lr]");
    const note = page.locator("nb-param:has(input[name=lr]) .nb-param-note");
    const value = () => lr.getAttribute("aria-valuenow");

    await lr.fill("500");
    await lr.press("Tab");
    expect(await value()).toBe("10");
    expect(await lr.inputValue()).toBe("10");
    expect(await note.textContent()).toBe("500 is above the maximum: using 10 (0.0001 to 10).");
    expect(await note.isVisible()).toBe(true);

    // A typed value applies when the reader pauses, without Enter or leaving the field.
    await lr.fill("0,5");
    await expect.poll(value).toBe("0.5");
    expect(new URL(page.url()).searchParams.has("lr")).toBe(false); // 0.5 is the default again

    await lr.fill("abc");
    await lr.press("Enter");
    expect(await value()).toBe("0.5");
    expect(await lr.inputValue()).toBe("0.5");
    expect(await note.textContent()).toBe("“abc” is not a number: 0.0001 to 10.");

    await lr.focus();
    await page.keyboard.press("End");
    await page.keyboard.press("ArrowUp");
    expect(await value()).toBe("10");
    expect(await note.textContent()).toBe("Already at the maximum, 10 (0.0001 to 10).");
  }));

  it("drags a log-scale number one decade per fixed distance", async () => {
    const { page } = await open();
    const lr = page.locator("nb-param input[name=lr]");
    await scrubParam(page, lr, 60);
    const value = Number(await lr.getAttribute("aria-valuenow"));
    // 60 px is half a decade (120 px per decade) from 0.5: about 1.58, not the top of the range.
    expect(value).toBeGreaterThan(1.4);
    expect(value).toBeLessThan(1.8);
    await page.close();
  });
});

describe("on a touch phone", () => {
  it("says tap, not Shift+Enter, and puts the gutter above the cell", async () => {
    const phone = await launchBrowser({ viewport: { width: 390, height: 844 }, touch: true });
    const page = await phone.newPage();
    await page.goto(pageUrl(LAB), { waitUntil: "networkidle" });
    const first = cell(page, 1);
    expect(await first.locator(".nb-hint-touch").isVisible()).toBe(true);
    expect(await first.locator(".nb-hint-touch").textContent()).toContain("tap Run");
    expect(await first.locator(".nb-hint-keys").isVisible()).toBe(false);
    const gutter = (await first.locator(".nb-gutter").boundingBox())!;
    const input = (await first.locator("[data-nb-input]").boundingBox())!;
    expect(gutter.y + gutter.height).toBeLessThanOrEqual(input.y + 1);
    expect(input.width).toBeGreaterThan(330);
    await first.locator("[data-nb-action=run]").tap();
    await expect.poll(() => first.locator(".nb-prompt").textContent(), { timeout: 20_000 }).toBe("[1]");
    // The playground's weight diagram does not ask a touch screen to hover.
    await page.goto(pageUrl("backpropagation/"), { waitUntil: "networkidle" });
    expect(await page.locator("training-playground .pg-hint-hover").isVisible()).toBe(false);
    expect(await page.locator("training-playground .pg-hint-touch").isVisible()).toBe(true);
    await phone.close();
  });
});
