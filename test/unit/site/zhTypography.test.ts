import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { lintChineseMdx, lintText } from "./zhTypography.ts";

const root = new URL("../../../", import.meta.url).pathname;
const chapters = readdirSync(join(root, "content/zh")).filter((name) => name.endsWith(".mdx")).map((name) => join(root, "content/zh", name));
const pages = readdirSync(join(root, "src/pages/zh")).filter((name) => name.endsWith(".mdx")).map((name) => join(root, "src/pages/zh", name));

const scratch = mkdtempSync(join(tmpdir(), "zh-typography-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Lints a small Chinese MDX document written to a scratch file. */
function lintSource(source: string) {
  const file = join(scratch, `${Math.random().toString(36).slice(2)}.mdx`);
  writeFileSync(file, source);
  return lintChineseMdx(file);
}

// Parsing every chapter takes a second or more on a shared, loaded machine.
describe("the Chinese edition's typography", { timeout: 60_000 }, () => {
  it("holds in every chapter and every Chinese MDX page", () => {
    expect(chapters.length).toBeGreaterThanOrEqual(7);
    const found = [...chapters, ...pages].flatMap((file) => lintChineseMdx(file).map((p) => `${file.slice(root.length)}:${p.line} ${p.rule}: ${p.context}`));
    expect(found).toEqual([]);
  });

  it("flags half-width , . : ; ? ! ( ) right after a Chinese character", () => {
    for (const mark of [",", ".", ":", ";", "?", "!", "(", ")"]) {
      expect(lintText(`权重${mark}偏置`, 1).map((p) => p.rule)).toEqual(["half-width punctuation after Chinese"]);
    }
    expect(lintText("权重，偏置。（见下）", 1)).toEqual([]);
  });

  it("flags half-width , ; : ? ! leading into Chinese, with or without a space", () => {
    expect(lintSource("见 *Deep Learning*, 第 2 章。\n").map((p) => p.rule)).toEqual(["half-width punctuation before Chinese"]);
    expect(lintSource("取 x;再取 y。\n").map((p) => p.rule)).toEqual(["half-width punctuation before Chinese"]);
    expect(lintSource("见 *Deep Learning*，第 2 章；Springer (1996)。\n")).toEqual([]);
  });

  it("flags a Chinese character touching a Latin letter, a digit, inline code or inline math, on either side", () => {
    expect(lintSource("用ReLU 激活。\n").map((p) => p.context)).toEqual(["用ReLU 激活。"]);
    expect(lintSource("用 ReLU激活。\n")).toHaveLength(1);
    expect(lintSource("1943年。\n")).toHaveLength(1);
    expect(lintSource("输入$x$ 的分量。\n")).toHaveLength(1);
    expect(lintSource("调用 `backward()`之后。\n")).toHaveLength(1);
    expect(lintSource("一个*单元*x。\n")).toHaveLength(1);
    expect(lintSource("用 ReLU 激活，1943 年，输入 $x$ 的分量，调用 `backward()` 之后。\n")).toEqual([]);
  });

  it("flags a parenthesis opened inside another, but not one inside a book's title or two side by side", () => {
    expect(lintText("沿用 micrograd（一个标量自动求导引擎（autograd））以及", 1).map((p) => p.rule)).toEqual(["parentheses inside parentheses"]);
    expect(lintText("按**运行**（Shift+Enter）重新运行。）", 1)).toEqual([]);
    expect(lintText("（中译本《算法导论（原书第 3 版）》，殷建平等译）", 1)).toEqual([]);
    expect(lintText("双曲正切（tanh）、线性整流函数（ReLU）", 1)).toEqual([]);
  });

  it("allows what Chinese style allows: full-width punctuation around Latin, and %, ° or ² after a number", () => {
    expect(lintSource("*感知机*（perceptron）与「run」。正确率 97%，角度 45°，误差 $e$²。\n")).toEqual([]);
  });

  it("skips code fences, math, JSX props and URLs, but reads JSX children, headings, tables and the frontmatter", () => {
    const skipped = [
      "```ts cell\nconst 结果 = 1; // 中文x\n```\n",
      "$$\n\\text{学习率}x\n$$\n",
      '<Widget label="学习率x" />\n',
      "见 https://zh.example.org/书1.html 。\n",
    ];
    for (const source of skipped) expect(lintSource(source)).toEqual([]);
    expect(lintSource("<Callout>\n\n学习率x\n\n</Callout>\n")).toHaveLength(1);
    expect(lintSource("## 第3章\n")).toHaveLength(1);
    expect(lintSource("| 甲 | 乙 |\n| - | - |\n| 学习率0.1 | 丙 |\n")).toHaveLength(1);
    expect(lintSource("---\ntitle: 感知机\nsummary: 一个单元,两类点。\nobjectives:\n  - 叙述上界R。\n---\n\n正文。\n").map((p) => p.rule)).toEqual([
      "half-width punctuation after Chinese",
      "no space between Chinese and Latin",
    ]);
  });
});
