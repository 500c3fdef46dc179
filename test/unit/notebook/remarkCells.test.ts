import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serialize } from "node:v8";
import { describe, expect, it } from "vitest";
import { readMeta } from "../../../src/notebook/remarkCells";


describe("cell fence meta", () => {
  it("reads reactive and check=", () => {
    expect(readMeta("cell")).toEqual({ reactive: false, check: undefined });
    expect(readMeta("cell reactive check=gradientDescentMomentum")).toEqual({ reactive: true, check: "gradientDescentMomentum" });
  });
});

describe("cells at build time", () => {
  const freshFolder = () => mkdtempSync(join(tmpdir(), "cells-"));

  async function runPlugin(markdown: string, timeLimitMs = 500, cacheFolder: string | false = freshFolder()): Promise<string> {
    const { unified } = await import("unified");
    const { default: remarkParse } = await import("remark-parse");
    const { VFile } = await import("vfile");
    const { remarkNotebookCells } = await import("../../../src/notebook/remarkCells");
    const file = new VFile({ path: "content/loop.mdx", value: markdown });
    const tree = unified().use(remarkParse).parse(file);
    await remarkNotebookCells({ timeLimitMs, cacheFolder })(tree as never, file);
    return JSON.stringify(tree);
  }

  it("saves a cell's output into the page", async () => {
    const tree = await runPlugin("Text.\n\n```ts cell\nconst answer = 6 * 7;\nanswer\n```\n");
    expect(tree).toContain("42");
  });

  it("fails the build on an endless loop instead of hanging, naming the file and the cell", async () => {
    await expect(runPlugin("Text.\n\n```ts cell\nconst a = 1;\n```\n\n```ts cell\nwhile (true) {}\n```\n")).rejects.toThrow(
      /content\/loop\.mdx:\d+: cell 2 threw Error: ran longer than 0\.5 s/,
    );
  }, 10_000);

  const page = "Text.\n\n```ts cell\nconst answer = 6 * 7;\nanswer\n```\n\n```ts cell\nanswer + 1\n```\n";

  it("gives an unchanged page the same tree from the cache as from running its cells", async () => {
    const folder = freshFolder();
    const ran = await runPlugin(page, 500, folder);
    expect(readdirSync(folder)).toHaveLength(1);
    expect(await runPlugin(page, 500, folder)).toBe(ran);
    expect(ran).toBe(await runPlugin(page, 500, false));
  });

  it("takes an unchanged page's outputs from the cache instead of running its cells", async () => {
    const folder = freshFolder();
    await runPlugin(page, 500, folder);
    const [entry] = readdirSync(folder);
    writeFileSync(join(folder, entry), serialize([[{ type: "text", text: "saved earlier" }], []]));
    expect(await runPlugin(page, 500, folder)).toContain("saved earlier");
    expect(await runPlugin(page.replace("answer + 1", "answer + 2"), 500, folder)).not.toContain("saved earlier");
  });

  it("fails a throwing cell with file, cell and line every time, and saves nothing for it", async () => {
    const folder = freshFolder();
    const throwing = "Text.\n\n```ts cell\nconst a = 1;\n```\n\n```ts cell\nconst b = 2;\nthrow new RangeError(\"too far\");\n```\n";
    for (let build = 0; build < 2; build++) {
      await expect(runPlugin(throwing, 500, folder)).rejects.toThrow(/content\/loop\.mdx:9: cell 2 threw RangeError: too far/);
    }
    expect(readdirSync(folder)).toEqual([]);
  });

  it("fails a page whose cells ran fine before but now throw", async () => {
    const folder = freshFolder();
    await runPlugin(page, 500, folder);
    await expect(runPlugin(page.replace("answer + 1", "answr + 1"), 500, folder)).rejects.toThrow(/content\/loop\.mdx:\d+: cell 2 threw ReferenceError/);
  });
});
