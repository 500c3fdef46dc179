import { describe, expect, it } from "vitest";
import { replaceCellSource, useChapter } from "./harness";

// Issue #16: the widgets of chapters 5 and 7 speak the page's language too, saved and live.
const backpropagation = useChapter("zh/backpropagation/");
const realData = useChapter("zh/real-data/");
const ownAutograd = useChapter("zh/your-own-autograd/");

describe("the Chinese back-propagation chapter's widgets", () => {
  it("labels the diagram in Chinese, and the applied update and the retrained table say so in Chinese", async () => {
    const { page, problems } = await backpropagation.open();
    expect(await page.locator("bp-diagram .widget-model").textContent()).toContain("2 个输入，2 个隐藏单元，2 个输出");
    expect(await page.locator("bp-diagram .bp-readout").textContent()).toContain("就能看到得出它的公式");
    expect(await page.locator("bp-error-table figcaption").textContent()).toContain("每个步数之后的总误差");
    expect(await page.locator("bp-delta-flow [data-action=reseed]").textContent()).toBe("重新随机抽取权重");
    await page.locator("bp-diagram [data-action=step]").click();
    await expect.poll(() => page.locator("bp-diagram [data-status]").textContent()).toMatch(/^应用了 1 次更新之后：总误差 E = 0\.291027774（原为 [\d.]+）；/);
    await expect.poll(() => page.locator("bp-error-table [data-status]").textContent(), { timeout: 15_000 }).toMatch(/^已重新训练：/);
    expect(await page.locator("bp-diagram [data-action=step]").textContent()).toBe("把这次更新应用到 w1…w8");
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe("the Chinese real-data chapter's digit classifier", () => {
  it("labels its controls and figures in Chinese, and a live step reports in Chinese", async () => {
    const { page, problems } = await realData.open();
    const widget = page.locator("rd-digits");
    expect(await widget.locator("[data-model]").textContent()).toMatch(/^模型：784 → \d+ → 10 的网络/);
    expect(await widget.locator("[data-action=play]").textContent()).toBe("播放");
    expect(await widget.locator("[data-action=step]").textContent()).toBe("单步");
    expect(await widget.locator("[data-status]").textContent()).toMatch(/^保存下来的运行：/);
    await widget.locator("[data-action=step]").click();
    await expect.poll(() => widget.getAttribute("data-steps"), { timeout: 30_000 }).toBe("1");
    await expect.poll(() => widget.locator("[data-status]").textContent(), { timeout: 30_000 }).toMatch(/^第 [\d.]+ 轮（已看过 \d+ 个数字，第 1 步）/);
    expect(await widget.locator("[data-curve=loss] [role=img], [data-curve=loss] [aria-label]").first().getAttribute("aria-label")).toMatch(/^损失/);
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe("the Chinese autograd chapter's traced graph", () => {
  it("says in Chinese why the reader's nodes cannot be traced, where the graph cell stood", async () => {
    const { page, problems } = await ownAutograd.open();
    const cells = page.locator("nb-cell");
    // Found by its text, then held by its place: the text goes once the reader's code replaces it.
    const index = await cells.evaluateAll((all) => all.findIndex((cell) => cell.textContent!.includes("traceOperandGraph(yours.f")));
    expect(index).toBeGreaterThan(0);
    const cell = cells.nth(index);
    // A reader's Scalar whose product keeps one local derivative for its two operands.
    const source = [
      'import { traceOperandGraph } from "graph";',
      "const x = { data: 2, grad: 0, operands: [], localGrads: [] };",
      "display(traceOperandGraph({ data: 4, grad: 0, operands: [x, x], localGrads: [2] }));",
    ].join("\n");
    await replaceCellSource(page, cell, source);
    await page.keyboard.press("ControlOrMeta+Enter");
    const output = cell.locator(".nb-output");
    await expect.poll(() => output.textContent(), { timeout: 30_000 }).toContain("有一个节点有 2 个 operands，却有 1 个 localGrads；每个操作数都需要它的局部导数");
    expect(await output.textContent()).not.toMatch(/operands but|local derivative/);
    expect(problems).toEqual([]);
    await page.close();
  });
});
