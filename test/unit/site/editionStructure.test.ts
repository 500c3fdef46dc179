import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { checkEditions, compareChapter, findUnpairedChapters, formatEditionReport } from "../../../src/site/editionStructure.mjs";
import { TRANSLATION_PENDING } from "../../../src/site/translationPending.mjs";

const content = new URL("../../../content", import.meta.url).pathname;

/** A scratch copy of content/ to break on purpose. */
function copyContent(): string {
  const dir = mkdtempSync(join(tmpdir(), "editions-"));
  cpSync(content, join(dir, "content"), { recursive: true });
  return join(dir, "content");
}

// Parsing every chapter of both editions takes seconds on a shared, loaded machine.
describe("the two editions", { timeout: 60_000 }, () => {
  const scratch: string[] = [];
  afterEach(() => {
    for (const dir of scratch.splice(0)) rmSync(join(dir, ".."), { recursive: true, force: true });
  });

  it("have the same structure, chapter by chapter, and the pending translations are reported", () => {
    const result = checkEditions({ pending: TRANSLATION_PENDING });
    const report = formatEditionReport(result);
    console.log(`Structural comparison of the editions:\n${report}\nTranslation pending (src/site/translationPending.mjs): ${TRANSLATION_PENDING.join(", ") || "none"}`);
    expect(result.unpaired).toEqual([]);
    expect(result.chapters.filter((chapter) => chapter.problems.length > 0)).toEqual([]);
    expect(result.chapters.map((chapter) => chapter.slug)).toEqual(
      expect.arrayContaining(["perceptron", "error-surface", "gradient-descent", "chain-rule", "backpropagation", "your-own-autograd"]),
    );
    expect(result.ok).toBe(true);
  });

  it("fails when a chapter exists in one language only, unless its translation is pending", () => {
    expect(findUnpairedChapters(["a", "b"], ["a"], [])).toEqual(["content/b.mdx has no Chinese edition content/zh/b.mdx"]);
    expect(findUnpairedChapters(["a", "b"], ["a"], ["b"])).toEqual([]);
    expect(findUnpairedChapters(["a"], ["a", "c"], [])).toEqual(["content/zh/c.mdx has no English chapter content/c.mdx"]);
    expect(findUnpairedChapters(["a"], ["a"], ["a"])[0]).toMatch(/remove "a" from TRANSLATION_PENDING/);

    const dir = copyContent();
    scratch.push(dir);
    unlinkSync(join(dir, "zh", "chain-rule.mdx"));
    const result = checkEditions({ contentDir: dir, pending: [] });
    expect(result.ok).toBe(false);
    expect(result.unpaired).toEqual(["content/chain-rule.mdx has no Chinese edition content/zh/chain-rule.mdx"]);
    expect(checkEditions({ contentDir: dir, pending: ["chain-rule"] })).toMatchObject({ ok: true, pending: ["chain-rule"] });
  });

  it("catches a Chinese chapter that drifts: a changed cell, a widget bound to another param, a changed formula", () => {
    const dir = copyContent();
    scratch.push(dir);
    const file = join(dir, "zh", "perceptron.mdx");
    const original = readFileSync(file, "utf8");
    expect(compareChapter("perceptron", { contentDir: dir })).toEqual([]);

    writeFileSync(file, original.replace("z = \\sum_i w_i x_i + b = w \\cdot x + b", "z = \\sum_i w_i x_i - b"));
    expect(compareChapter("perceptron", { contentDir: dir }).join("\n")).toMatch(/display math #1 .*TeX differs/);

    const fence = /```ts cell[^\n]*\n/.exec(original)!;
    writeFileSync(file, original.replace(fence[0], `${fence[0]}const planted = 1;\n`));
    expect(compareChapter("perceptron", { contentDir: dir }).join("\n")).toMatch(/code fence #\d+ .*code differs/);

    writeFileSync(file, original.replace('<PerceptronLab params={{ learningRate: "lr"', '<PerceptronLab params={{ learningRate: "rate"'));
    expect(compareChapter("perceptron", { contentDir: dir }).join("\n")).toMatch(/component #\d+ .*params: /);
  });

  it("lets a cell's display strings be translated, also inside a template's ${…}, but never its code", () => {
    const dir = copyContent();
    scratch.push(dir);
    const file = join(dir, "zh", "real-data.mdx");
    const original = readFileSync(file, "utf8");
    // The Chinese chart's legend key "不加衰减" stands for "no decay" wherever the cell uses it.
    expect(original).toContain('${describe("不加衰减")}');
    expect(compareChapter("real-data", { contentDir: dir })).toEqual([]);

    const drifts: [string, string, RegExp][] = [
      ['${describe("不加衰减")}', "${describe(run)}", /changed its \$\{…\} parts/],
      ['${describe("不加衰减")}', '${describe("none")}', /only a translated \(Chinese\) display string may differ/],
      ["${describe(`λ = ${decay}`)}", "${describe(`λ = ${decay * 2}`)}", /`λ = \$\{decay \* 2\}`: only a translated/],
      ['weightDecay === 0 ? "不加衰减"', 'weightDecay === 0 ? "none"', /only a translated \(Chinese\) display string may differ/],
    ];
    for (const [from, to, problem] of drifts) {
      expect(original).toContain(from);
      writeFileSync(file, original.replace(from, to));
      expect(compareChapter("real-data", { contentDir: dir }).join("\n")).toMatch(problem);
    }
  });
});
