import { describe, expect, it } from "vitest";
import type { Locator, Page } from "playwright-core";
import { replaceCellSource, useChapter } from "./harness";
import { solutions } from "../unit/content/real-data-cells";
import { zh } from "../../src/i18n/zh";

// Issue #16: a chapter-7 exercise, typed into the Chinese page, gets its checker's verdict in Chinese.
const realData = useChapter("zh/real-data/", { viewport: { width: 1440, height: 900 } });

/** Types `source` into the cell, runs it with Ctrl+Enter, and returns its verdict once the run has finished. */
async function runAndRead(page: Page, cell: Locator, source: string): Promise<{ passed: boolean; text: string }> {
  const prompt = cell.locator(".nb-prompt");
  const before = await prompt.textContent();
  await replaceCellSource(page, cell, source);
  await page.keyboard.press("ControlOrMeta+Enter");
  // Every run gets a new execution count, so a finished run shows a number it did not show before.
  await expect.poll(async () => {
    const now = await prompt.textContent();
    return now !== before && /^\[\d+\]$/.test(now ?? "");
  }, { timeout: 60_000 }).toBe(true);
  const verdict = cell.locator(".nb-out-check");
  return { passed: (await verdict.getAttribute("class"))!.includes("nb-check-pass"), text: (await verdict.textContent()) ?? "" };
}

describe("chapter 7's softmax and cross-entropy exercise on the Chinese page", () => {
  it("names the overflow of the plain formula in Chinese, then passes the stable one in Chinese", async () => {
    const { page, problems } = await realData.open();
    const cell = page.locator('nb-cell[data-check="softmaxCrossEntropy"]');
    // The reader's first try: the textbook formula, without subtracting the largest logit.
    const naive = solutions[0].replace("sum += Math.exp(logits[j] - largest);", "sum += Math.exp(logits[j]);").replace("const logSumExp = largest + Math.log(sum);", "const logSumExp = Math.log(sum);");
    expect(naive).not.toBe(solutions[0]);

    const overflow = await runAndRead(page, cell, naive);
    expect(overflow.passed).toBe(false);
    expect(overflow.text.startsWith(zh.nbNotYet)).toBe(true);
    expect(overflow.text).toContain(zh.smxOverflow({ large: "1000" }));
    expect(overflow.text).toContain("log-sum-exp");
    expect(overflow.text).not.toMatch(/overflows|Not yet/);

    const solved = await runAndRead(page, cell, solutions[0]);
    expect(solved.passed).toBe(true);
    expect(solved.text.startsWith(zh.nbCorrect)).toBe(true);
    expect(solved.text).toMatch(/^.*在三组 logits 上，损失和梯度都与引擎一致.*你返回的损失是 [\d.]+，梯度也是有限的/);
    expect(problems).toEqual([]);
    await page.close();
  }, 120_000);
});
