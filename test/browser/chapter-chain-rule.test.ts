import { describe, expect, it } from "vitest";
import type { Locator, Page } from "playwright-core";
import { choiceParam, numberParam, replaceCellSource, scrubParam, useChapter } from "./harness";
import { traceGraph } from "../../src/engine/index";
import { buildExpression, type Inputs } from "../../components/chain-rule/expressions";
import { parseExpression } from "../../components/chain-rule/parseExpression";
import { labelGradient } from "../../components/chain-rule/graphFigure";
import { countAtDepth, formatCount } from "../../components/chain-rule/layeredGraph";

const chapter = useChapter("chain-rule/", { viewport: { width: 1440, height: 900 } });

const figureMarkup = (widget: Locator) => widget.locator("svg").first().evaluate((svg) => svg.outerHTML);
const gradientLabels = (widget: Locator) => widget.locator(".gs-grad text").allTextContents();

/** The defaults of the page's number <Param>s, read from their specs (the one place they are written). */
function pageInputs(page: Page): Promise<Inputs> {
  return page.evaluate(() => {
    const specs = [...document.querySelectorAll<HTMLElement>("nb-param")].map((element) => JSON.parse(element.dataset.spec ?? "{}") as { kind: string; name: string; value: unknown });
    return Object.fromEntries(specs.filter((spec) => spec.kind === "number").map((spec) => [spec.name, spec.value as number]));
  });
}

describe("GraphStepper", () => {
  it("steps the backward pass with the buttons and the arrow keys, showing each chain-rule product", () => chapter.visit(async (page) => {
    const defaults = await pageInputs(page);
    const stepper = page.locator('graph-stepper[data-follows="true"]');
    const figure = stepper.locator("[data-gs-figure]");
    const counter = stepper.locator("[data-gs-counter]");
    const status = stepper.locator("[data-gs-status]");
    const arrows = traceGraph(buildExpression("fan-out", { ...defaults })).edges.length;

    const before = await figureMarkup(stepper);
    await stepper.locator("[data-action=next]").click();
    await expect.poll(() => counter.textContent()).toBe(`step 1 of ${arrows}`);
    expect(await status.textContent()).toContain("arrow p → f");
    expect(await figureMarkup(stepper)).not.toBe(before);
    expect(await stepper.locator(".gs-arrow-current path").count()).toBe(1);
    expect(await stepper.locator("[data-gs-tex] annotation").textContent()).toContain("\\mathrel{+}=");

    await figure.focus();
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => figure.getAttribute("data-applied")).toBe("3");
    // v fans out to p and q: after its first arrow its gradient is only partial.
    expect(await status.textContent()).toContain("arrow v → q");
    expect(await status.textContent()).toContain("1 of 2 arrows so far");
    expect(await stepper.locator(".gs-node-partial circle").count()).toBe(1);

    await page.keyboard.press("End");
    await expect.poll(() => figure.getAttribute("data-applied")).toBe(String(arrows));
    const engine = traceGraph(buildExpression("fan-out", { ...defaults }));
    expect((await gradientLabels(stepper)).sort()).toEqual(engine.nodes.map((node) => labelGradient(node.grad)).sort());
    expect(await stepper.locator("[data-action=next]").isDisabled()).toBe(true);

    await page.keyboard.press("ArrowLeft");
    await expect.poll(() => figure.getAttribute("data-applied")).toBe(String(arrows - 1));
    await page.keyboard.press("Home");
    await expect.poll(() => counter.textContent()).toBe(`step 0 of ${arrows}`);
    expect(await gradientLabels(stepper)).toContain("∂ 1");
  }));

  it("plays through the steps and pauses", () => chapter.visit(async (page) => {
    const stepper = page.locator('graph-stepper[data-follows="true"]');
    const play = stepper.locator("[data-action=play]");
    await play.click();
    // The drawing code loads on this first click, so the button turns "pressed" once it has.
    await expect.poll(() => play.getAttribute("aria-pressed")).toBe("true");
    await expect.poll(async () => Number(await stepper.locator("[data-gs-figure]").getAttribute("data-applied")), { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
    await play.click();
    await expect.poll(() => play.textContent()).toBe("Play");
  }));

  it("redraws when the reader changes an input or the expression in the sentence", () => chapter.visit(async (page) => {
    const defaults = await pageInputs(page);
    const stepper = page.locator('graph-stepper[data-follows="true"]');
    const u = await numberParam(page, "u");
    const before = await figureMarkup(stepper);
    await u.focus();
    await page.keyboard.press("ArrowUp");
    await expect.poll(() => stepper.locator("[data-gs-inputs]").textContent()).toContain("u = 2.5");
    const changed = traceGraph(buildExpression("fan-out", { ...defaults, u: 2.5 }));
    expect(await stepper.locator("[data-gs-status]").textContent()).toContain(`f = ${changed.nodes.at(-1)!.data}`);
    expect(await figureMarkup(stepper)).not.toBe(before);

    await (await choiceParam(page, "graph")).selectOption("neuron");
    await expect.poll(() => stepper.locator("[data-gs-formula]").textContent()).toContain("σ");
    expect(await stepper.locator("[data-gs-model]").textContent()).toContain("Activation: sigmoid");
    const neuron = traceGraph(buildExpression("neuron", { ...defaults }));
    expect(await stepper.locator("[data-gs-counter]").textContent()).toBe(`step 0 of ${neuron.edges.length}`);
  }));

  it("draws an expression the reader types, and says what is wrong with one it cannot read", () => chapter.visit(async (page) => {
    const defaults = await pageInputs(page);
    const stepper = page.locator('graph-stepper[data-follows="true"]');
    const field = stepper.locator("[data-gs-own] input");
    // The field is written only when the reader picks their own expression (a <template> until then).
    expect(await field.count()).toBe(0);
    await (await choiceParam(page, "graph")).selectOption("your own");
    await expect.poll(() => field.isVisible()).toBe(true);

    await field.fill("u * u + v");
    await field.press("Enter");
    const typed = traceGraph(parseExpression("u * u + v", { ...defaults }));
    await expect.poll(() => stepper.locator("[data-gs-formula]").textContent()).toBe("f = u * u + v");
    expect(await stepper.locator("[data-gs-counter]").textContent()).toBe(`step 0 of ${typed.edges.length}`);
    await stepper.locator("[data-gs-figure]").focus();
    await page.keyboard.press("End");
    await expect.poll(async () => (await gradientLabels(stepper)).sort()).toEqual(typed.nodes.map((node) => labelGradient(node.grad)).sort());

    const before = await figureMarkup(stepper);
    await field.fill("u + y");
    await stepper.locator("[data-gs-own] button[type=submit]").click();
    await expect.poll(() => stepper.locator("[data-gs-status]").textContent()).toContain('unknown name "y"');
    expect(await field.getAttribute("aria-invalid")).toBe("true");
    expect(await figureMarkup(stepper)).toBe(before);
  }));

  it("opens a link that picks the reader's own expression with its field written and its graph drawn", () => chapter.visit("?graph=your%20own", async (page) => {
    const stepper = page.locator('graph-stepper[data-follows="true"]');
    const field = stepper.locator("[data-gs-own] input");
    await expect.poll(() => field.isVisible()).toBe(true);
    expect(await stepper.locator("template").count()).toBe(0);
    const own = await field.inputValue();
    await expect.poll(() => stepper.locator("[data-gs-formula]").textContent()).toBe(`f = ${own}`);
  }));

  it("follows a weight dragged with the pointer in the neuron's sentence, and ends on the engine's gradients", () => chapter.visit(async (page) => {
    const defaults = await pageInputs(page);
    const stepper = page.locator('graph-stepper[data-expression="loss"]');
    const w1 = await numberParam(page, "w1");
    await scrubParam(page, w1, 40, 8);
    const w1Value = Number(await w1.getAttribute("aria-valuenow"));
    expect(w1Value).toBeGreaterThan(defaults.w1!);
    await expect.poll(() => stepper.locator("[data-gs-inputs]").textContent()).toContain(`w1 = ${w1Value}`);

    await stepper.locator("[data-gs-figure]").focus();
    await page.keyboard.press("End");
    const engine = traceGraph(buildExpression("loss", { ...defaults, w1: w1Value }));
    await expect.poll(async () => (await gradientLabels(stepper)).sort()).toEqual(engine.nodes.map((node) => labelGradient(node.grad)).sort());
  }));
});

describe("PathCounter", () => {
  it("recounts with the engine when the graph grows from a button or from the sentence", () => chapter.visit(async (page) => {
    const counter = page.locator("path-counter");
    const status = counter.locator("[data-pc-status]");
    const before = await figureMarkup(counter);

    await counter.locator('[data-action="more-layers"]').click();
    const seven = countAtDepth(7, 3);
    await expect.poll(() => status.textContent()).toContain(`At 7 layers of width 3, reverse mode evaluates ${formatCount(seven.reverseMode)} local derivatives`);
    expect(await status.textContent()).toContain(`multiplies ${formatCount(seven.naivePaths)} factors`);
    expect(new URL(page.url()).searchParams.get("layers")).toBe("7");
    expect(await figureMarkup(counter)).not.toBe(before);

    const width = page.locator("nb-param input[name=width]");
    await width.focus();
    await page.keyboard.press("ArrowUp");
    const wider = countAtDepth(7, 4);
    await expect.poll(() => status.textContent()).toContain(`of width 4, reverse mode evaluates ${formatCount(wider.reverseMode)}`);
    expect(await counter.locator("[data-pc-figure]").getAttribute("data-width")).toBe("4");
    expect(await counter.locator(".pc-naive circle").count()).toBe(7);
  }));
});

describe("Your turn: mulBackward and tanhBackward", () => {
  async function editExercise(page: Page, source: string): Promise<Locator> {
    const cell = page.locator('nb-cell[data-check="localBackward"]');
    await replaceCellSource(page, cell, source);
    await page.keyboard.press("ControlOrMeta+Enter");
    return cell;
  }

  it("starts unsolved, names a typical mistake, and accepts a right answer", () => chapter.visit(async (page) => {
    const cell = page.locator('nb-cell[data-check="localBackward"]');
    // A graded cell starts neutral; running the starter gives its verdict.
    expect(await cell.locator(".nb-out-check").count()).toBe(0);
    await cell.locator("[data-nb-action=run]").click();
    await expect.poll(() => cell.locator(".nb-check-fail").textContent(), { timeout: 20_000 }).toContain("gradient checking gives");

    await editExercise(page, "function mulBackward(x, y, outGrad) { return [y, x]; }\nfunction tanhBackward(x, outGrad) { return 0; }");
    await expect.poll(() => cell.locator(".nb-out-check").textContent(), { timeout: 20_000 }).toContain("You forgot to multiply by the gradient flowing in");

    await editExercise(page, "function mulBackward(x, y, outGrad) { return [outGrad * y, outGrad * x]; }\nfunction tanhBackward(x, outGrad) { return outGrad * (1 - x * x); }");
    await expect.poll(() => cell.locator(".nb-out-check").textContent(), { timeout: 20_000 }).toContain("You used 1 − x²");

    await editExercise(page, "function mulBackward(x, y, outGrad) { return [outGrad * y, outGrad * x]; }\nfunction tanhBackward(x, outGrad) { const r = Math.tanh(x); return outGrad * (1 - r * r); }");
    await expect.poll(() => cell.locator(".nb-out-check").textContent(), { timeout: 20_000 }).toContain("Correct");
    expect(await cell.locator(".nb-check-pass").count()).toBe(1);
  }));
});

describe("the graph a cell draws of the neuron's error", () => {
  // Each node's three lines (name, value, ∂ gradient) must sit inside its circle: on a wide screen, and in the phone
  // copy, which is the same drawing scaled until its text is 12 px (src/notebook/phoneFigure.ts).
  it.each([
    [1440, ".nb-figure-wide svg"],
    [360, ".nb-figure-scroll svg"],
  ])("keeps every line of a node's label inside its circle at %i px", (width, selector) => chapter.visit(async (page) => {
    await page.setViewportSize({ width, height: 900 });
    const figure = page.locator(`.nb-out-sized:has(.nb-figure-scroll) ${selector}`).first();
    await figure.scrollIntoViewIfNeeded();
    const { circles, labels, outside } = await figure.evaluate((svg) => {
      const circles = [...svg.querySelectorAll("circle")].map((circle) => circle.getBoundingClientRect());
      const labels = [...svg.querySelectorAll("text")];
      // A line fits where the circle's chord at the line's middle height is at least as wide as the line.
      const outside = labels.flatMap((label, index) => {
        const circle = circles[index];
        const radius = circle.width / 2;
        const centre = { x: circle.x + radius, y: circle.y + circle.height / 2 };
        return [...label.querySelectorAll("tspan")].flatMap((line) => {
          const box = line.getBoundingClientRect();
          const half = Math.sqrt(radius * radius - (box.y + box.height / 2 - centre.y) ** 2);
          const fits = box.left >= centre.x - half - 0.5 && box.right <= centre.x + half + 0.5;
          return fits ? [] : [`${line.textContent} (${Math.round(box.width)} px wide, chord ${Math.round(2 * half)} px)`];
        });
      });
      return { circles: circles.length, labels: labels.length, outside };
    });
    expect(circles).toBeGreaterThan(10);
    expect(labels).toBe(circles);
    expect(outside).toEqual([]);
  }));
});
