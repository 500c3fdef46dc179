import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { findImportCircles, findImportSpecifiers, readImportGraph } from "../../../src/build/importGraph";


const root = process.cwd();
const show = (circle: string[]): string => circle.map((file) => relative(root, file)).join(" → ");

describe("the import graph", () => {
  it("has no import circle in src/, components/ or src/engine/", () => {
    const graph = readImportGraph(["src", "components", "src/engine"].map((folder) => join(root, folder)));
    const circles = findImportCircles(graph).map(show);
    expect(circles).toEqual([]);
  });

  it("reads the edges of the real tree, so an empty answer is not a parser that found nothing", () => {
    const graph = readImportGraph([join(root, "src"), join(root, "components")]);
    expect(graph.size).toBeGreaterThan(150);
    expect(graph.get(join(root, "src/engine/network.ts"))).toContain(join(root, "src/engine/simd.ts"));
    expect(graph.get(join(root, "components/backpropagation/EngineLines.astro"))).toContain(join(root, "src/engine/network.ts"));
  });

  it("finds and prints a circle through a type import, an .astro file and a re-export", () => {
    const folder = mkdtempSync(join(tmpdir(), "circles-"));
    writeFileSync(join(folder, "a.ts"), 'import type { B } from "./b";\nexport const a = 1;\n');
    writeFileSync(join(folder, "b.ts"), 'export { c } from "./c.astro";\nexport type B = number;\n');
    writeFileSync(join(folder, "c.astro"), '---\nimport { a } from "./a";\nimport "./d";\n---\n');
    writeFileSync(join(folder, "d.ts"), "export const d = 4;\n");
    const circles = findImportCircles(readImportGraph([folder]));
    expect(circles.map((circle) => circle.map((file) => relative(folder, file)).join(" → "))).toEqual(["a.ts → b.ts → c.astro → a.ts"]);
  });

  it("reads static, type-only, re-exported, side-effect and dynamic imports", () => {
    const source = [
      'import { a, type B } from "./a";',
      'import type {\n  C,\n} from "../c";',
      'export * from "./d";',
      'import "./e.css";',
      'const f = await import("./f");',
      'import raw from "./g.ts?raw";',
    ].join("\n");
    expect(findImportSpecifiers(source)).toEqual(["./a", "../c", "./d", "./e.css", "./f", "./g.ts?raw"]);
  });
});
