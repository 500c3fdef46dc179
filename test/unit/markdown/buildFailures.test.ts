import { execFile } from "node:child_process";
import { mkdir, rm, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const root = resolve("test-results/fixtures");
const repo = resolve(".");

/** Builds a one-chapter book with the site's real schema and Markdown plugins; resolves to the build's output. */
async function buildFixture(name: string, chapter: string): Promise<{ ok: boolean; output: string }> {
  const dir = join(root, name);
  await rm(dir, { recursive: true, force: true });
  await mkdir(join(dir, "content"), { recursive: true });
  await mkdir(join(dir, "src/pages"), { recursive: true });
  await writeFile(
    join(dir, "astro.config.mjs"),
    `import { defineConfig } from "astro/config";
import mdx from "@astrojs/mdx";
import remarkMath from "remark-math";
import rehypeKatex from "rehype-katex";
import { remarkEquationNumbers } from "${repo}/src/markdown/equationNumbers.ts";
import { remarkFailOnBadMath } from "${repo}/src/markdown/mathErrors.ts";
export default defineConfig({
  markdown: { remarkPlugins: [remarkMath, remarkEquationNumbers, remarkFailOnBadMath], rehypePlugins: [rehypeKatex] },
  integrations: [mdx()],
});
`,
  );
  await writeFile(
    join(dir, "src/content.config.ts"),
    `import { defineCollection } from "astro:content";
import { glob } from "astro/loaders";
import { chapterSchema } from "${repo}/src/content/chapterSchema.ts";
export const collections = { chapters: defineCollection({ loader: glob({ pattern: "*.mdx", base: "./content" }), schema: chapterSchema }) };
`,
  );
  await writeFile(
    join(dir, "src/pages/[chapter].astro"),
    `---
import { getCollection, render } from "astro:content";
export async function getStaticPaths() {
  return (await getCollection("chapters")).map((chapter) => ({ params: { chapter: chapter.id }, props: { chapter } }));
}
const { Content } = await render(Astro.props.chapter);
---
<Content />
`,
  );
  await writeFile(join(dir, "content/broken.mdx"), chapter);
  try {
    const { stdout, stderr } = await run("npx", ["astro", "build", "--root", dir], { cwd: repo, env: { ...process.env, NODE_ENV: "production" } });
    return { ok: true, output: stdout + stderr };
  } catch (error) {
    const failure = error as { stdout?: string; stderr?: string };
    return { ok: false, output: `${failure.stdout ?? ""}${failure.stderr ?? ""}` };
  }
}

const goodFrontmatter = `---
title: A chapter
order: 1
summary: A chapter that exists only to test how the build fails.
objectives:
  - Fail the build with a useful message.
minutes: 5
---
`;

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe("the build fails loudly", () => {
  it("on bad frontmatter, naming the file and the field", async () => {
    const result = await buildFixture("frontmatter", goodFrontmatter.replace("minutes: 5", "minutes: lots"));
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(/broken/);
    expect(result.output).toMatch(/minutes/);
  }, 120_000);

  it("on invalid TeX, naming the file and the line", async () => {
    const result = await buildFixture("tex", `${goodFrontmatter}\nSome prose.\n\nBroken $\\frac{1}{$ formula.\n`);
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(/broken\.mdx:12:\d+/);
    expect(result.output).toMatch(/KaTeX/);
  }, 120_000);

  it("and passes on a valid chapter, so the two failures above are the fixture's faults", async () => {
    const result = await buildFixture("valid", `${goodFrontmatter}\nA formula $\\frac{1}{2}$ that renders.\n`);
    expect(result.output).not.toMatch(/error/i);
    expect(result.ok).toBe(true);
  }, 120_000);
});
