import { describe, expect, it } from "vitest";
import { readMeta } from "../../../src/notebook/remarkCells";


describe("cell fence meta", () => {
  it("reads reactive and check=", () => {
    expect(readMeta("cell")).toEqual({ reactive: false, check: undefined });
    expect(readMeta("cell reactive check=gradientDescentMomentum")).toEqual({ reactive: true, check: "gradientDescentMomentum" });
  });
});

describe("cells at build time", () => {
  async function runPlugin(markdown: string, timeLimitMs = 500): Promise<string> {
    const { unified } = await import("unified");
    const { default: remarkParse } = await import("remark-parse");
    const { VFile } = await import("vfile");
    const { remarkNotebookCells } = await import("../../../src/notebook/remarkCells");
    const file = new VFile({ path: "content/loop.mdx", value: markdown });
    const tree = unified().use(remarkParse).parse(file);
    await remarkNotebookCells({ timeLimitMs })(tree as never, file);
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
});
