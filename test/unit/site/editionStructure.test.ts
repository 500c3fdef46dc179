import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { PROSE_PAGES, checkEditions, compareChapter, comparePage, findUnpairedChapters, formatEditionReport } from "../../../src/site/editionStructure.mjs";
import { TRANSLATION_PENDING } from "../../../src/site/translationPending.mjs";

const content = new URL("../../../content", import.meta.url).pathname;
const pages = new URL("../../../src/pages", import.meta.url).pathname;

/** A scratch copy of content/ (or, with "pages", of src/pages/) to break on purpose. */
function copyContent(what: "content" | "pages" = "content"): string {
  const dir = mkdtempSync(join(tmpdir(), "editions-"));
  cpSync(what === "content" ? content : pages, join(dir, what), { recursive: true });
  return join(dir, what);
}

// Parsing every chapter of both editions takes seconds on a shared, loaded machine.
describe("the two editions", { timeout: 60_000 }, () => {
  const scratch: string[] = [];
  afterEach(() => {
    for (const dir of scratch.splice(0)) rmSync(join(dir, ".."), { recursive: true, force: true });
  });

  /** A scratch copy of content/ (or src/pages/) to break, with its Chinese file `name` and that file's text. */
  function breakable(what: "content" | "pages", name: string): { dir: string; file: string; original: string } {
    const dir = copyContent(what);
    scratch.push(dir);
    const file = join(dir, "zh", name);
    return { dir, file, original: readFileSync(file, "utf8") };
  }

  it("have the same structure, chapter by chapter, and the pending translations are reported", () => {
    const result = checkEditions({ pending: TRANSLATION_PENDING });
    const report = formatEditionReport(result);
    console.log(`Structural comparison of the editions:\n${report}\nTranslation pending (src/site/translationPending.mjs): ${TRANSLATION_PENDING.join(", ") || "none"}`);
    expect(result.unpaired).toEqual([]);
    expect(result.chapters.filter((chapter) => chapter.problems.length > 0)).toEqual([]);
    expect(result.chapters.map((chapter) => chapter.slug)).toEqual(
      expect.arrayContaining(["perceptron", "error-surface", "gradient-descent", "chain-rule", "backpropagation", "your-own-autograd"]),
    );
    expect(result.pages).toEqual(PROSE_PAGES.map((name) => ({ slug: `pages/${name}`, problems: [] })));
    expect(PROSE_PAGES).toEqual(["notation", "instructors"]);
    expect(result.ok).toBe(true);
  });

  it("holds the notation and instructors pages' Chinese editions to the English: rows, formulas and section ids", () => {
    const { dir, file, original } = breakable("pages", "notation.mdx");
    expect(comparePage("notation", { pagesDir: dir })).toEqual([]);

    // A table row left out, as the Chinese page once lacked the softmax and variance rows.
    const row = /^\| \$\\mathrm\{softmax\}\$.*\n/m.exec(original)![0];
    writeFileSync(file, original.replace(row, ""));
    expect(comparePage("notation", { pagesDir: dir }).join("\n")).toMatch(/table #2 .*shape differs/);

    // A section left out, as the Chinese page once lacked "Batches as matrices".
    const section = original.slice(original.indexOf('<h2 id="batches-as-matrices">'), original.indexOf('<h2 id="in-a-graph-of-operations">'));
    expect(section).toContain("Z^l = A^{l-1}");
    writeFileSync(file, original.replace(section, ""));
    expect(comparePage("notation", { pagesDir: dir }).join("\n")).toMatch(/heading: 7 in English, 6 in Chinese/);

    writeFileSync(file, original.replace('<h2 id="descent">', '<h2 id="xia-jiang">'));
    expect(comparePage("notation", { pagesDir: dir }).join("\n")).toMatch(/the Chinese id is "xia-jiang", the English heading's is "descent"/);
  });

  it("follows a link to where it leads from its own page: zh/ for the pages the Chinese edition has, the shared file otherwise", () => {
    const { dir, file, original } = breakable("content", "real-data.mdx");
    // The data's notes exist once, at the site's root: from zh/real-data/ they are two levels up.
    expect(original).toContain("](../../data/digits.txt)");
    expect(original).toContain("](../your-own-autograd/)");
    expect(compareChapter("real-data", { contentDir: dir })).toEqual([]);

    writeFileSync(file, original.replace("](../../data/digits.txt)", "](../data/digits.txt)"));
    expect(compareChapter("real-data", { contentDir: dir }).join("\n")).toMatch(/link in section 1 not in English .*\.\.\/data\/digits\.txt/);

    writeFileSync(file, original.replace("](../your-own-autograd/)", "](../../your-own-autograd/)"));
    expect(compareChapter("real-data", { contentDir: dir }).join("\n")).toMatch(/link in section \d+ not in English .*\.\.\/\.\.\/your-own-autograd\//);
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
    const { dir, file, original } = breakable("content", "perceptron.mdx");
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
    const { dir, file, original } = breakable("content", "real-data.mdx");
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
