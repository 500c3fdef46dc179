import { describe, expect, it } from "vitest";
import { replaceCellSource, useChapter } from "./harness";

// Issue #16: the notebook and the widgets speak the page's language; a Chinese page's checker answers in Chinese.
const chapter = useChapter("zh/gradient-descent/");

describe("the Chinese gradient-descent chapter's notebook and widgets", () => {
  it("runs the graded cell and gets the checker's verdict in Chinese, then passes a right answer", () => chapter.visit(async (page) => {
    const cell = page.locator("nb-cell[data-check=gradientDescentMomentum]");
    expect(await cell.locator(".nb-out-task").textContent()).toContain("轮到你了");
    expect(await cell.locator("[data-nb-action=run]").textContent()).toBe("运行");
    await cell.locator("[data-nb-action=run]").click();
    await expect.poll(() => cell.locator(".nb-check-fail").textContent(), { timeout: 20_000 }).toContain("你忘了带上前一步（α·Δw）");
    expect(await cell.locator(".nb-check-fail strong").textContent()).toBe("✗ 还不对");
    await replaceCellSource(page, cell, "function momentumStep(w, step, gradient, learningRate, momentum) {\n  const next = momentum * step - learningRate * gradient;\n  return { w: w + next, step: next };\n}");
    await page.keyboard.press("ControlOrMeta+Enter");
    await expect.poll(() => cell.locator(".nb-check-pass").textContent(), { timeout: 20_000 }).toContain("与引擎的动量优化器一致");
    expect(await page.locator(".nb-kernel-status").first().textContent()).toBe("内核空闲。");
  }));

  it("labels its widgets in Chinese, and a live widget keeps speaking Chinese", () => chapter.visit(async (page) => {
    const batches = page.locator("gd-batch-curves");
    expect(await batches.locator("[data-action=step]").textContent()).toBe("一轮");
    expect(await batches.locator("[data-action=play]").textContent()).toBe("播放");
    await batches.locator("[data-action=step]").click();
    await expect.poll(() => batches.locator("[data-status]").textContent(), { timeout: 15_000 }).toMatch(/^η = [\d.]+。1 轮之后：全批量：/);
    expect(await batches.locator("[data-epoch]").textContent()).toMatch(/^第 1 轮，共 \d+ 轮$/);
    expect(await page.locator("gd-momentum-valley .gd-shrink caption").textContent()).toContain("每步收缩因子");
  }));
});
