import { describe, expect, it } from "vitest";
import type { Locator, Page } from "playwright-core";
import { numberParam, pageUrl, replaceCellSource, useChapter, watchPage } from "./harness";

const chapter = useChapter("perceptron/");

/** The drawn line and shaded half-plane of a widget's figure: this changes whenever the line moves. */
function boundaryOf(figure: Locator): Promise<string> {
  return figure.evaluate((element) => {
    const d = (selector: string) => element.querySelector(`${selector} path`)?.getAttribute("d") ?? "none";
    return `line ${d("g.pl-boundary")} region ${d("g.pl-region")}`;
  });
}

/**
 * Where a data point (x, y) of a widget's plane is on the screen, through the plot's own scales. The pointer
 * goes over the plane first, as a reader's would, so the live figure (whose svg has scales) has replaced the saved one.
 */
async function screenPoint(plane: Locator, x: number, y: number): Promise<{ x: number; y: number }> {
  await plane.hover();
  await expect.poll(() => plane.evaluate((element) => typeof (element.querySelector("svg") as { scale?: unknown } | null)?.scale)).toBe("function");
  return plane.evaluate(
    (element, [dataX, dataY]) => {
      const svg = element.querySelector("svg") as SVGSVGElement & { scale(name: string): { apply(v: number): number } };
      const box = svg.getBoundingClientRect();
      const ratio = box.width / Number(svg.getAttribute("width"));
      return { x: box.left + svg.scale("x").apply(dataX) * ratio, y: box.top + svg.scale("y").apply(dataY) * ratio };
    },
    [x, y] as const,
  );
}

/** The page's script files requested so far, by file name, e.g. "decisionLineRuntime.Ab12.js". */
function recordScripts(page: Page): string[] {
  const scripts: string[] = [];
  page.on("request", (request) => {
    if (request.resourceType() === "script") scripts.push(new URL(request.url()).pathname.split("/").pop()!);
  });
  return scripts;
}

describe("drawing code on demand", () => {
  const runtimes = /decisionLineRuntime|perceptronLabRuntime/;

  it("loads no drawing code with the page; the first touch loads it, and keys pressed meanwhile count", async () => {
    const page = await chapter.context().newPage();
    const { problems } = watchPage(page);
    const scripts = recordScripts(page);
    await page.goto(pageUrl("perceptron/"), { waitUntil: "networkidle" });
    const widget = page.locator("decision-line");
    const lab = page.locator("perceptron-lab");
    expect(scripts.filter((name) => runtimes.test(name))).toEqual([]);
    expect(await widget.getAttribute("data-runtime")).toBeNull();
    expect(await lab.getAttribute("data-runtime")).toBeNull();
    // The saved figures are there, and the lab's controls are ready for a click.
    expect(await boundaryOf(widget)).toContain("line M");
    expect(await lab.locator('[data-action="step"]').isVisible()).toBe(true);
    const onLoad = scripts.length;

    // Focus and keys at once, as a keyboard reader would: the keys are applied when the code arrives.
    const plane = widget.locator(".dl-plane");
    await plane.focus();
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("ArrowLeft");
    await expect.poll(() => widget.getAttribute("data-runtime")).toBe("loaded");
    await expect.poll(() => widget.locator('[data-dl="w1"]').textContent()).toBe("0.8");
    expect(await (await numberParam(page, "w1")).inputValue()).toBe("0.8");
    expect(await widget.locator(".dl-handle-focus").count()).toBe(1);
    const loaded = scripts.slice(onLoad);
    expect(loaded.some((name) => name.startsWith("decisionLineRuntime"))).toBe(true);
    expect(loaded.length).toBeGreaterThan(1); // the runtime and the Plot chunk it imports

    await lab.locator('[data-action="step"]').click();
    await expect.poll(() => lab.getAttribute("data-runtime")).toBe("loaded");
    await expect.poll(() => lab.locator('[data-pl="status"]').textContent()).toContain("was a mistake");
    expect(scripts.some((name) => name.startsWith("perceptronLabRuntime"))).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("draws at once what a link's query sets, without a touch", () => chapter.visit("?b=-0.5&lr=0.5", async (page) => {
    const widget = page.locator("decision-line");
    const lab = page.locator("perceptron-lab");
    await expect.poll(() => widget.locator('[data-dl="gate"]').textContent()).toBe("OR");
    expect(await widget.locator('[data-dl="b"]').textContent()).toBe("-0.5");
    // The status saved with the page named the defaults' AND; it must follow the link's weights too.
    expect(await widget.locator('[data-dl="status"]').textContent()).toBe("The unit computes OR.");
    await expect.poll(() => lab.locator('[data-pl="eta"]').textContent()).toBe("0.5");
  }));
});

describe("DecisionLine", () => {
  let page: Page, problems: string[], widget: Locator, plane: Locator;
  chapter.shareWidget("decision-line", (shared) => {
    ({ page, problems, widget } = shared);
    plane = widget.locator(".dl-plane");
  });

  it("shows the AND unit first, computed by the engine", async () => {
    expect(await widget.locator('[data-dl="gate"]').textContent()).toBe("AND");
    expect(await widget.locator("tbody tr").nth(3).locator("td").nth(3).textContent()).toBe("1");
  });

  it("follows the inline bias param: b from −1.5 to −0.5 turns AND into OR and moves the line", async () => {
    const bias = await numberParam(page, "b");
    const before = await boundaryOf(widget);
    await bias.focus();
    await page.keyboard.press("PageUp"); // ten steps of 0.1
    await expect.poll(() => widget.locator('[data-dl="gate"]').textContent()).toBe("OR");
    expect(await widget.locator('[data-dl="b"]').textContent()).toBe("-0.5");
    expect(await boundaryOf(widget)).not.toBe(before);
    expect(await widget.locator('[data-dl="status"]').textContent()).toContain("computes OR");
  });

  it("moves w with the arrow keys on the plane, and the inline w₁ follows", async () => {
    const before = await boundaryOf(widget);
    await plane.focus();
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("ArrowLeft");
    await expect.poll(() => widget.locator('[data-dl="w1"]').textContent()).toBe("0.8");
    expect(await (await numberParam(page, "w1")).inputValue()).toBe("0.8");
    expect(await boundaryOf(widget)).not.toBe(before);
    expect(page.url()).toContain("w1=0.8");
  });

  it("sets w to where the pointer drags its tip", async () => {
    const before = await boundaryOf(widget);
    await plane.scrollIntoViewIfNeeded();
    const start = await screenPoint(plane, 0.8, 1);
    const end = await screenPoint(plane, -1, 1);
    await page.mouse.move(start.x, start.y);
    await page.mouse.down();
    await page.mouse.move((start.x + end.x) / 2, end.y, { steps: 4 });
    await page.mouse.move(end.x, end.y, { steps: 4 });
    await page.mouse.up();
    await expect.poll(() => widget.locator('[data-dl="w1"]').textContent()).toBe("-1");
    expect(await widget.locator('[data-dl="w2"]').textContent()).toBe("1");
    expect(await boundaryOf(widget)).not.toBe(before);
    // w = (−1, 1), b = −0.5: only (0, 1) gets z ≥ 0
    expect(await widget.locator('[data-dl="gate"]').textContent()).toBe("x₂ and not x₁");
  });

  it("has no console errors", () => {
    expect(problems).toEqual([]);
  });
});

describe("PerceptronLab", () => {
  let page: Page, problems: string[], lab: Locator, plane: Locator;
  chapter.shareWidget("perceptron-lab", (shared) => {
    ({ page, problems, widget: lab } = shared);
    plane = lab.locator(".pl-plane");
  });
  const status = () => lab.locator('[data-pl="status"]').textContent();
  const pointCount = () => lab.locator(".pl-plane g.pl-class0 > *, .pl-plane g.pl-class1 > *").count();

  it("applies one update per Step and says what it did", async () => {
    const before = { b: await lab.locator('[data-pl="b"]').textContent(), line: await boundaryOf(lab) };
    // Seed 7 starts with b = 0, so (0, 0) with t = 0 has z = 0 → y = 1: a mistake, and b drops by η.
    await lab.locator('[data-action="step"]').click();
    await expect.poll(status).toContain("was a mistake");
    expect(await lab.locator('[data-pl="b"]').textContent()).not.toBe(before.b);
    expect(await lab.locator('[data-pl="b"]').textContent()).toBe("-0.200");
    expect(await boundaryOf(lab)).not.toBe(before.line);
    expect(await lab.locator('[data-pl="next"]').textContent()).toBe("2 of 4");
  });

  it("plays AND to convergence and charts the mistakes per epoch", async () => {
    await lab.locator('[data-pl="speed"]').selectOption("400");
    await lab.locator('[data-action="play"]').click();
    await expect.poll(status, { timeout: 15_000 }).toContain("Converged");
    expect(await lab.locator('[data-action="play"]').textContent()).toBe("Play");
    expect(await lab.locator(".pl-mistakes g.pl-bars rect").count()).toBeGreaterThan(1);
  });

  it("says that XOR cycles forever", async () => {
    await lab.locator('[data-pl="preset"]').selectOption("xor");
    await expect.poll(status).toContain("XOR, 4 points");
    await lab.locator('[data-action="play"]').click();
    await expect.poll(status, { timeout: 20_000 }).toMatch(/Cycling: epoch \d+ starts from exactly the weights epoch \d+ started from/);
  });

  it("adds a point where the plane is clicked and removes it when it is clicked again", async () => {
    await lab.locator('[data-pl="preset"]').selectOption("and");
    expect(await pointCount()).toBe(4);
    const before = await boundaryOf(lab);
    await plane.scrollIntoViewIfNeeded();
    const spot = await screenPoint(plane, -1, -1);
    await page.mouse.click(spot.x, spot.y);
    await expect.poll(pointCount).toBe(5);
    expect(await status()).toContain("Added a point with t = 1");
    await page.mouse.click(spot.x, spot.y);
    await expect.poll(pointCount).toBe(4);
    expect(await status()).toContain("Removed the point");
    // Shift-click adds the other class; an epoch over the new data then moves the line.
    await page.keyboard.down("Shift");
    await page.mouse.click(spot.x, spot.y);
    await page.keyboard.up("Shift");
    await expect.poll(status).toContain("Added a point with t = 0");
    expect(await lab.locator(".pl-plane g.pl-class0 > *").count()).toBe(4);
    await lab.locator('[data-action="epoch"]').click();
    await expect.poll(status).toMatch(/Epoch 1 finished|Converged/);
    expect(await boundaryOf(lab)).not.toBe(before);
  });

  it("adds a point with the keyboard: arrow keys move the crosshair, Enter adds", async () => {
    await lab.locator('[data-action="reset"]').click();
    const count = await pointCount();
    await lab.locator('input[name="pl-class"]:checked').focus();
    await page.keyboard.press("Tab"); // from the class choice into the plane, as a keyboard user gets there
    await expect.poll(() => plane.evaluate((element) => element === document.activeElement)).toBe(true);
    await expect.poll(() => lab.locator(".pl-plane g.pl-crosshair").count()).toBe(1);
    for (let i = 0; i < 5; i++) await page.keyboard.press("ArrowRight");
    await page.keyboard.press("Shift+ArrowDown");
    await expect.poll(status).toContain("Crosshair at (0.5, -0.5)");
    await page.keyboard.press("Enter");
    await expect.poll(pointCount).toBe(count + 1);
    expect(await status()).toContain("near (0.50, -0.50)");
  });

  it("reads the learning rate from the inline param", async () => {
    const eta = await numberParam(page, "lr");
    await eta.fill("0.5");
    await eta.press("Enter");
    await expect.poll(() => lab.locator('[data-pl="eta"]').textContent()).toBe("0.5");
    await lab.locator('[data-action="reset"]').click();
    await lab.locator('[data-action="step"]').click();
    await expect.poll(() => lab.locator('[data-pl="b"]').textContent()).toBe("-0.500");
  });

  it("has no console errors", () => {
    expect(problems).toEqual([]);
  });
});

describe("Your turn: applyPerceptronRule", () => {
  let page: Page, problems: string[], cell: Locator;
  chapter.sharePage((shared) => {
    ({ page, problems } = shared);
    cell = page.locator('nb-cell[data-check="perceptronRule"]');
  });

  async function runWith(source: string): Promise<string> {
    await replaceCellSource(page, cell, source);
    const previous = await cell.locator(".nb-output").textContent();
    await cell.locator('[data-nb-action="run"]').click();
    // The kernel starts in a worker on the first run; wait for this run's verdict to replace the last one.
    await expect.poll(() => cell.locator(".nb-output").textContent(), { timeout: 30_000 }).not.toBe(previous);
    await expect.poll(() => cell.locator(".nb-output .nb-out-check").count(), { timeout: 30_000 }).toBe(1);
    return (await cell.locator(".nb-output").textContent()) ?? "";
  }

  it("starts neutral, and gives the checker's verdict on the starter code once it runs", async () => {
    expect(await cell.locator(".nb-out-check").count()).toBe(0);
    expect(await cell.locator(".nb-out-task").textContent()).toContain("Your turn");
    const output = await runWith(await cell.getAttribute("data-source") ?? "");
    expect(output).toContain("did not change");
  });

  /** The rule as a reader writes it, moving w and b by η times `error` (the rule's is target − y). */
  const ruleWith = (error: string) => `function applyPerceptronRule(w, b, x, target, learningRate) {
  const z = w.reduce((sum, wi, i) => sum + wi * x[i], b);
  const y = z >= 0 ? 1 : 0;
  return { w: w.map((wi, i) => wi + learningRate * ${error} * x[i]), b: b + learningRate * ${error} };
}`;

  it("rejects an update with the sign flipped, saying so", async () => {
    const output = await runWith(ruleWith("(y - target)"));
    expect(output).toContain("✗ Not yet");
    expect(output).toContain("wrong direction");
  });

  it("accepts the perceptron rule", async () => {
    const output = await runWith(ruleWith("(target - y)"));
    expect(output).toContain("✓ Correct");
  });

  it("has no console errors", () => {
    expect(problems).toEqual([]);
  });
});
