import { mkdtempSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createCellCache, keyCellRun } from "../../../src/notebook/cellCache";
import { runCells, type CellSource } from "../../../src/notebook/runCells";
import { fingerprintCellRuntime, listCellRuntimeFiles } from "../../../src/notebook/runtimeFingerprint";

const page = "content/cache.mdx";
const cells: CellSource[] = [
  { source: "const rate = params.lr;\nrate * 2" },
  { source: "const doubled = rate * 2;\ndisplay([{ rate, doubled, none: NaN }])", check: undefined },
];
const params = { lr: 0.5, activation: "tanh" };
const freshFolder = () => mkdtempSync(join(tmpdir(), "cell-cache-"));

describe("the cell cache", () => {
  it("returns the outputs a run saved, unchanged (NaN included)", async () => {
    const run = await runCells(cells, params);
    if (!run.ok) throw new Error(run.error.message);
    const cache = createCellCache(freshFolder(), () => "runtime A");
    cache.write(page, cells, params, run.outputs);
    expect(cache.read(page, cells, params)).toEqual(run.outputs);
    expect(JSON.stringify(run.outputs)).toContain('"summary":"1"');
    expect(Number.isNaN((cache.read(page, cells, params)![1][0] as { rows: unknown[][] }).rows[0][2])).toBe(true);
  });

  it("misses when a cell's source, an earlier cell, a checker, a param default or the runtime changes", () => {
    const folder = freshFolder();
    const cache = createCellCache(folder, () => "runtime A");
    const outputs = [[{ type: "text" as const, text: "1" }], []];
    cache.write(page, cells, params, outputs);
    expect(cache.read(page, cells, params)).toEqual(outputs);
    expect(cache.read(page, [cells[0], { source: `${cells[1].source};` }], params)).toBeUndefined();
    expect(cache.read(page, [{ source: "const rate = params.lr * 1;\nrate * 2" }, cells[1]], params)).toBeUndefined();
    expect(cache.read(page, [cells[0], { ...cells[1], check: "scalarOps" }], params)).toBeUndefined();
    expect(cache.read(page, cells, { ...params, lr: 0.05 })).toBeUndefined();
    expect(cache.read(page, cells, { activation: "tanh", lr: 0.5 })).toBeUndefined(); // cells can list params in order
    expect(createCellCache(folder, () => "runtime B").read(page, cells, params)).toBeUndefined();
  });

  it("neither reads nor saves once the runtime on disk is not the one running", () => {
    const folder = freshFolder();
    const outputs = [[{ type: "text" as const, text: "1" }], []];
    createCellCache(folder, () => "runtime A").write(page, cells, params, outputs);
    const changed = createCellCache(folder, () => undefined);
    expect(changed.read(page, cells, params)).toBeUndefined();
    changed.write(page, [cells[0]], params, [outputs[0]]);
    expect(readdirSync(folder)).toHaveLength(1);
  });

  it("keeps one entry per page, so the folder does not grow with every edit", () => {
    const folder = freshFolder();
    const cache = createCellCache(folder, () => "runtime A");
    cache.write(page, cells, params, [[], []]);
    cache.write(page, cells, { ...params, lr: 0.1 }, [[], []]);
    cache.write("content/other.mdx", cells, params, [[], []]);
    expect(readdirSync(folder)).toHaveLength(2);
    expect(cache.read(page, cells, params)).toBeUndefined();
    expect(cache.read(page, cells, { ...params, lr: 0.1 })).toEqual([[], []]);
  });

  it("keys on every cell in order", () => {
    const swapped = [cells[1], cells[0]];
    expect(keyCellRun(swapped, params, "r")).not.toBe(keyCellRun(cells, params, "r"));
    expect(keyCellRun(cells, params, "r")).toBe(keyCellRun(cells.map((cell) => ({ ...cell })), { ...params }, "r"));
  });
});

describe("the runtime's fingerprint", () => {
  it("covers the whole engine, every checker and the kernel's modules", () => {
    const files = listCellRuntimeFiles(process.cwd());
    const engine = readdirSync("src/engine").filter((name) => name.endsWith(".ts")).map((name) => `src/engine/${name}`);
    const checkers = readdirSync("src/notebook/checks").map((name) => `src/notebook/checks/${name}`);
    const kernel = ["kernel.ts", "display.ts", "outputs.ts", "transpile.ts", "cellModules.ts", "figureDocument.ts", "runCells.ts"].map((name) => `src/notebook/${name}`);
    expect(files).toEqual(expect.arrayContaining([...engine, ...checkers, ...kernel]));
  });

  it("changes when an engine file the cells reach changes, and only then", () => {
    const root = freshFolder();
    mkdirSync(join(root, "src/notebook"), { recursive: true });
    mkdirSync(join(root, "src/engine"), { recursive: true });
    writeFileSync(join(root, "src/notebook/runCells.ts"), 'import * as engine from "../engine/index";\n');
    writeFileSync(join(root, "src/engine/index.ts"), 'export { forward } from "./network";\n');
    writeFileSync(join(root, "src/engine/network.ts"), "export const forward = 1;\n");
    writeFileSync(join(root, "src/notebook/unrelated.ts"), "export const x = 1;\n");
    writeFileSync(join(root, "package-lock.json"), "{}\n");
    const before = fingerprintCellRuntime(root);
    writeFileSync(join(root, "src/notebook/unrelated.ts"), "export const x = 2;\n");
    expect(fingerprintCellRuntime(root)).toBe(before);
    writeFileSync(join(root, "src/engine/network.ts"), "export const forward = 2;\n");
    const afterEngine = fingerprintCellRuntime(root);
    expect(afterEngine).not.toBe(before);
    writeFileSync(join(root, "package-lock.json"), '{"lockfileVersion":3}\n');
    expect(fingerprintCellRuntime(root)).not.toBe(afterEngine);
  });
});
