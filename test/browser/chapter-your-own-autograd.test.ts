import { describe, expect, it } from "vitest";
import type { Locator, Page } from "playwright-core";
import { findSeriousViolations, launchBrowser, pageUrl, replaceCellSource, useChapter } from "./harness";
import { solutions } from "../unit/content/your-own-autograd-cells";
import { traceGateGraph } from "../../components/chain-rule/gateGraph";
import { labelGradient } from "../../components/chain-rule/graphFigure";
import { describeStateText, findBackwardState, listArrowSteps, nameNode } from "../../components/chain-rule/backwardSteps";

const CHAPTER = "your-own-autograd/";
const openChapter = useChapter(CHAPTER, { viewport: { width: 1440, height: 900 } }).open;

const EXERCISES = ["scalarOps", "scalarBackward", "scalarMlp", "scalarTraining"] as const;
const exercise = (page: Page, check: string) => page.locator(`nb-cell[data-check="${check}"]`);
const verdict = (cell: Locator) => cell.locator(".nb-out-check").textContent();

/** Types `source` into the exercise's editor as a reader would, runs it, and waits for a new verdict. */
async function answer(page: Page, check: string, source: string): Promise<Locator> {
  const cell = exercise(page, check);
  const before = await cell.locator(".nb-output").innerHTML();
  await replaceCellSource(page, cell, source);
  await page.keyboard.press("ControlOrMeta+Enter");
  await expect.poll(() => cell.locator(".nb-output").innerHTML(), { timeout: 30_000 }).not.toBe(before);
  await expect.poll(() => cell.locator(".nb-out-check").count(), { timeout: 30_000 }).toBe(1);
  return cell;
}

/** The solution of exercise `i` with one text replaced; throws if the text is not in it. */
function wrong(i: number, from: string, to: string): string {
  if (!solutions[i].includes(from)) throw new Error(`solution ${i + 1} has no ${JSON.stringify(from)}`);
  return solutions[i].replace(from, to);
}

describe("the saved page, without JavaScript", () => {
  it("shows every exercise's starter unsolved, the gate table with the engine's gradients, the stepper and the measurements", async () => {
    const context = await launchBrowser({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(pageUrl(CHAPTER), { waitUntil: "load" });
    // Whether the saved page shows the starter's failing verdict or none at all, it never shows an exercise as passed.
    for (const check of EXERCISES) expect(await exercise(page, check).locator(".nb-check-pass").count()).toBe(0);
    expect(await exercise(page, "scalarOps").locator("[data-nb-input]").textContent()).toContain("[this], [0]");
    expect(await page.locator("nb-cell table").first().textContent()).toContain("-2.25");
    expect(await page.locator("graph-stepper svg").count()).toBeGreaterThan(0);
    expect(await page.locator("graph-stepper [data-gs-counter]").textContent()).toBe("step 0 of 7");
    expect(await page.locator("nb-cell").filter({ hasText: "ms per training step" }).count()).toBe(1);
    // The solutions are in the page but collapsed until asked for.
    expect(await page.locator("details.solution").count()).toBe(4);
    expect(await page.locator("details.solution[open]").count()).toBe(0);
    expect(await page.locator("details.solution pre").first().isVisible()).toBe(false);
    await context.close();
  });
});

describe("the exercises, typed into the real page", () => {
  it("names a typical mistake in each step and passes each right answer, and the later cells then run on the reader's classes", async () => {
    const { page, problems } = await openChapter();
    const mistakes: [number, string, string, string][] = [
      [0, "[1 - t * t]", "[1 - this.data * this.data]", "tanh′ should be 1 − tanh²(x), you used 1 − x²"],
      [1, "operand.grad += ", "operand.grad = ", "you wrote = where the chain rule needs +="],
      [2, "return [...this.w, this.b];", "return [...this.w];", "that is the weights only, add each neuron’s bias b"],
      [3, "p.data -= learningRate * p.grad", "p.data += learningRate * p.grad", "update goes uphill"],
    ];
    for (const [i, from, to, words] of mistakes) {
      const check = EXERCISES[i];
      expect(await verdict(await answer(page, check, wrong(i, from, to)))).toContain(words);
      const cell = await answer(page, check, solutions[i]);
      expect(await cell.locator(".nb-check-pass").count()).toBe(1);
    }
    expect(await verdict(exercise(page, "scalarTraining"))).toContain("your own autograd trains a network");

    const moons = page.locator("nb-cell").filter({ hasText: 'makeDataset("moons"' });
    await moons.locator("[data-nb-input]").click();
    await page.keyboard.press("ControlOrMeta+Enter");
    await expect.poll(() => moons.locator(".nb-output").textContent(), { timeout: 30_000 }).toMatch(/% of the 40 points are on the right side/);
    const timing = page.locator("nb-cell").filter({ hasText: "trainEngineStep" });
    await timing.locator("[data-nb-input]").click();
    await page.keyboard.press("ControlOrMeta+Enter");
    await expect.poll(() => timing.locator(".nb-output").textContent(), { timeout: 30_000 }).toContain("one node per number (your Scalar)");
    expect(problems).toEqual([]);
    await page.close();
  }, 180_000);

  it("runs the earlier cells a cell needs first, with the reader's edits in them", async () => {
    const { page, problems } = await openChapter();
    for (const [i, check] of EXERCISES.slice(0, 3).entries()) await replaceCellSource(page, exercise(page, check), solutions[i]);
    const cell = await answer(page, "scalarTraining", solutions[3]);
    await expect.poll(() => cell.locator(".nb-check-pass").count(), { timeout: 30_000 }).toBe(1);
    expect(problems).toEqual([]);
    await page.close();
  }, 120_000);

  it("times the graded path: typing every solution in and running it until all four verdicts pass", async () => {
    const { page, problems } = await openChapter();
    const start = Date.now();
    for (const [i, check] of EXERCISES.entries()) {
      const cell = await answer(page, check, solutions[i]);
      expect(await cell.locator(".nb-check-pass").count()).toBe(1);
    }
    const seconds = (Date.now() - start) / 1000;
    const characters = solutions.reduce((sum, solution) => sum + solution.length, 0);
    // A reader who knows the answers still has to type them: at 200 characters a minute (about 40 words), that is the floor.
    console.log(`graded path of your-own-autograd (4 exercises, solutions inserted and run): ${seconds.toFixed(1)} s; the solutions are ${characters} characters, ${(characters / 200).toFixed(0)} minutes of typing at 200 characters a minute`);
    expect(seconds).toBeLessThan(120);
    expect(problems).toEqual([]);
    await page.close();
  }, 180_000);
});

describe("the gate-pattern stepper", () => {
  it("steps the backward pass of the Scalar graph and ends at the gradients the adapter computed", async () => {
    const { page, problems } = await openChapter();
    const stepper = page.locator("graph-stepper");
    const counter = stepper.locator("[data-gs-counter]");
    const graph = traceGateGraph();
    const arrows = graph.edges.length;
    expect(await stepper.locator("[data-gs-formula]").textContent()).toBe("f = relu(x·y + x)·z");
    await stepper.locator("[data-action=next]").click();
    await expect.poll(() => counter.textContent()).toBe(`step 1 of ${arrows}`);
    expect(await stepper.locator("[data-gs-status]").textContent()).toContain("arrow r → f");
    await stepper.locator("[data-gs-figure]").focus();
    await page.keyboard.press("End");
    await expect.poll(() => stepper.locator("[data-gs-figure]").getAttribute("data-applied")).toBe(String(arrows));
    const labels = await stepper.locator(".gs-grad text").allTextContents();
    expect(labels.sort()).toEqual(graph.nodes.map((node) => labelGradient(node.grad)).sort());
    expect(labels).toContain(labelGradient(-2.25));
    expect(await stepper.locator("[data-gs-inputs]").textContent()).toContain("x = 2, y = 0.5, z = −1.5");
    expect(await findSeriousViolations(page, ["graph-stepper"])).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe("the stepper on the reader's own graph", () => {
  /** Runs the step-3 cell that displays traceOperandGraph(yours.f) and waits for its live stepper to draw. */
  async function stepOwnGraph(page: Page): Promise<Locator> {
    const gates = page.locator("nb-cell").filter({ hasText: "buildGates" });
    await gates.locator("[data-nb-input]").click();
    await page.keyboard.press("ControlOrMeta+Enter");
    await expect.poll(() => gates.locator(".nb-out-table").count(), { timeout: 30_000 }).toBe(1);
    const cell = page.locator("nb-cell").filter({ hasText: "traceOperandGraph" });
    await cell.locator("[data-nb-input]").click();
    await page.keyboard.press("ControlOrMeta+Enter");
    const stepper = cell.locator("graph-stepper.gs-live");
    await expect.poll(() => stepper.locator("[data-gs-figure] svg").count(), { timeout: 30_000 }).toBe(1);
    return stepper;
  }

  it("draws the graph the reader's Scalar built and steps it arrow by arrow to the gradients their backward produced", async () => {
    const { page, problems } = await openChapter();
    await answer(page, "scalarOps", solutions[0]);
    await answer(page, "scalarBackward", solutions[1]);
    const stepper = await stepOwnGraph(page);
    const graph = traceGateGraph();
    const arrows = listArrowSteps(graph);
    expect(await stepper.locator("[data-gs-formula]").textContent()).toBe("f = relu(x·y + x)·z, built with your Scalar");
    expect(await stepper.locator(".gs-own-grads").textContent()).toBe("Your backward gave every node the gradient the chain rule gives.");
    const counter = stepper.locator("[data-gs-counter]");
    expect(await counter.textContent()).toBe(`step 0 of ${arrows.length}`);
    // Node by node: each Next applies one arrow, and the status names it with the number the reader's localGrads gave.
    for (const [i, arrow] of arrows.entries()) {
      await stepper.locator("[data-action=next]").click();
      await expect.poll(() => counter.textContent()).toBe(`step ${i + 1} of ${arrows.length}`);
      const status = await stepper.locator("[data-gs-status]").textContent();
      expect(status).toContain(`arrow ${nameNode(graph.nodes[arrow.from])} → ${nameNode(graph.nodes[arrow.to])}`);
      expect(status).toBe(describeStateText(graph, findBackwardState(graph, arrows, i + 1), arrows.length));
    }
    const labels = await stepper.locator(".gs-grad text").allTextContents();
    expect(labels.sort()).toEqual(graph.nodes.map((node) => labelGradient(node.grad)).sort());
    expect(labels).toContain(labelGradient(-2.25));
    await stepper.locator("[data-gs-figure]").focus();
    await page.keyboard.press("Home");
    await expect.poll(() => counter.textContent()).toBe(`step 0 of ${arrows.length}`);
    expect(await findSeriousViolations(page, [".gs-live"])).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  }, 120_000);

  it("says where the reader's backward, with = for +=, disagrees with the chain rule on their own graph", async () => {
    const { page, problems } = await openChapter();
    await answer(page, "scalarOps", solutions[0]);
    await answer(page, "scalarBackward", wrong(1, "operand.grad += ", "operand.grad = "));
    const stepper = await stepOwnGraph(page);
    expect(await stepper.locator(".gs-own-grads").textContent()).toBe("Your backward disagrees with the chain rule on 1 node: your grad on x is −0.75, the chain rule gives −2.25.");
    expect(problems).toEqual([]);
    await page.close();
  }, 120_000);
});
