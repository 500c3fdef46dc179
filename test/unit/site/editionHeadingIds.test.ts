import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compile } from "@mdx-js/mdx";
import { VFile } from "vfile";
import { rehypeEditionHeadingIds } from "../../../src/markdown/editionHeadingIds";

const zhDir = new URL("../../../content/zh/", import.meta.url).pathname;

/** Compiles MDX as if it were content/zh/<slug>.mdx, with the heading-id plugin. */
function build(slug: string, mdx: string) {
  return compile(new VFile({ path: `${zhDir}${slug}.mdx`, value: mdx }), { rehypePlugins: [rehypeEditionHeadingIds] }).then(String);
}

describe("Chinese headings carry the English ids", () => {
  const map = JSON.parse(readFileSync(`${zhDir}_slugs/perceptron.json`, "utf8")) as { headings: { id: string; zh: string; depth: number }[] };
  const headings = map.headings.map((h) => `${"#".repeat(h.depth)} ${h.zh}\n\ntext\n`).join("\n");

  it("sets each heading's id from content/zh/_slugs", async () => {
    const js = await build("perceptron", headings);
    for (const heading of map.headings) expect(js).toContain(`id: "${heading.id}"`);
  });

  it("fails, naming the heading, when the chapter and its map disagree", async () => {
    await expect(build("perceptron", headings.replace(map.headings[1].zh, "另一个标题"))).rejects.toThrow(/heading 2 is h2 "另一个标题"/);
    await expect(build("perceptron", `${headings}\n## 多出来的一节\n`)).rejects.toThrow(/11 headings in the chapter, 10 in the map/);
  });
});
