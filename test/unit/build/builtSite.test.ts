import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { AstroConfig } from "astro";
import { describe, expect, it } from "vitest";
import { afterBuild, listBuiltFiles, listBuiltPages, readSitePaths, type BuiltSite } from "../../../src/build/builtSite";

const config = (base: string, assets: string) => ({ base, build: { assets } }) as unknown as AstroConfig;

describe("readSitePaths", () => {
  it("ends the base path with one slash, whether or not the config wrote it", () => {
    expect(readSitePaths(config("/course/backprop", "_astro"))).toEqual({ base: "/course/backprop/", assets: "_astro" });
    expect(readSitePaths(config("/course/backprop/", "files"))).toEqual({ base: "/course/backprop/", assets: "files" });
    expect(readSitePaths(config("/", "_astro")).base).toBe("/");
  });
});

describe("listBuiltFiles", () => {
  it("lists every file at any depth, and no folder; the pages are its .html files", async () => {
    const root = await mkdtemp(join(tmpdir(), "built-"));
    try {
      await mkdir(join(root, "zh", "perceptron"), { recursive: true });
      await writeFile(join(root, "index.html"), "");
      await writeFile(join(root, "zh", "perceptron", "index.html"), "");
      await writeFile(join(root, "zh", "perceptron", "figure.svg"), "");
      expect((await listBuiltFiles(root)).sort()).toEqual([join(root, "index.html"), join(root, "zh", "perceptron", "figure.svg"), join(root, "zh", "perceptron", "index.html")]);
      expect((await listBuiltPages(root)).sort()).toEqual([join(root, "index.html"), join(root, "zh", "perceptron", "index.html")]);
    } finally {
      await rm(root, { recursive: true });
    }
  });
});

describe("afterBuild", () => {
  it("hands the rewrite the built folder as a path, with the base and assets of the resolved config", async () => {
    const root = await mkdtemp(join(tmpdir(), "built-"));
    try {
      const seen: BuiltSite[] = [];
      const integration = afterBuild("test", async (site) => {
        seen.push(site);
      });
      const hooks = integration.hooks as Record<string, (options: unknown) => unknown>;
      await hooks["astro:config:done"]({ config: config("/course/backprop", "files") });
      await hooks["astro:build:done"]({ dir: pathToFileURL(`${root}/`), logger: console });
      expect(integration.name).toBe("test");
      expect(seen).toEqual([{ root: `${root}/`, base: "/course/backprop/", assets: "files" }]);
    } finally {
      await rm(root, { recursive: true });
    }
  });
});
