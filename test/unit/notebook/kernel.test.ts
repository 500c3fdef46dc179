import { describe, expect, it } from "vitest";
import { parseHTML } from "linkedom";
import { createKernel } from "../../../src/notebook/kernel";
import { createCellModules } from "../../../src/notebook/cellModules";
import { checks } from "../../../src/notebook/checks/index";
import { transpileCell, findParamReads } from "../../../src/notebook/transpile";

const { document } = parseHTML("<!doctype html><html><body></body></html>");
const newKernel = () => createKernel({ modules: createCellModules(document), checks });

describe("transpileCell", () => {
  it("strips types, turns imports into lookups and lists top-level names", () => {
    const cell = transpileCell(`import { Value, type Operand } from "engine";\nconst a: number = 1, { b, c: [d] } = { b: 2, c: [3] };\nfunction f(x: number): number { return x }\nclass K {}\na + b`);
    expect(cell.declared.sort()).toEqual(["K", "Value", "a", "b", "d", "f"]);
    expect(cell.code).toContain(`__import("engine")["Value"]`);
    expect(cell.code).toContain("__result(a + b)");
    expect(cell.code.split("\n")).toHaveLength(5);
  });

  it("keeps line numbers when an import spans lines", () => {
    const cell = transpileCell(`import {\n  Value,\n} from "engine";\nconst x = 1;`);
    expect(cell.code.split("\n")[3]).toBe("const x = 1;");
  });

  it("reports a syntax error at the reader's line", () => {
    expect(() => transpileCell("const a = 1;\nconst b = ;")).toThrow(expect.objectContaining({ name: "SyntaxError", line: 2 }));
  });

  it("finds the params a cell reads", () => {
    expect(findParamReads("params.lr * params['hidden'] + x")).toEqual(["lr", "hidden"]);
    expect(findParamReads("const { lr } = params;")).toEqual(["*"]);
    expect(findParamReads("const a = 1")).toEqual([]);
  });
});

describe("kernel", () => {
  it("shares top-level names between cells and shows the last expression", async () => {
    const kernel = newKernel();
    expect((await kernel.run({ source: "const a = 2;\nlet b = 3;", params: {} })).ok).toBe(true);
    await kernel.run({ source: "b = b + 1;", params: {} });
    const result = await kernel.run({ source: "a * b", params: {} });
    expect(result.outputs).toEqual([{ type: "value", summary: "8" }]);
  });

  it("lets a cell redefine a name from an earlier cell", async () => {
    const kernel = newKernel();
    await kernel.run({ source: "const a = 1;", params: {} });
    const result = await kernel.run({ source: "const a = 5; display(a)", params: {} });
    expect(result.outputs).toEqual([{ type: "value", summary: "5" }]);
  });

  it("imports the engine and reads params", async () => {
    const kernel = newKernel();
    const result = await kernel.run({
      source: `import { Value } from "engine";\nconst v = new Value(params.lr);\ndisplay(v.mul(2).data);\nconsole.log("done", 1)`,
      params: { lr: 0.5 },
    });
    expect(result.outputs).toEqual([{ type: "value", summary: "1" }, { type: "text", text: "done 1" }]);
  });

  it("renders a Plot figure to markup without a browser", async () => {
    const kernel = newKernel();
    const result = await kernel.run({ source: `import * as Plot from "@observablehq/plot";\ndisplay(Plot.plot({ marks: [Plot.dot([[1, 2], [3, 4]])] }))`, params: {} });
    expect(result.outputs[0]).toMatchObject({ type: "figure" });
    expect((result.outputs[0] as { markup: string }).markup).toMatch(/^<svg/);
  });

  it("shows arrays of records as tables", async () => {
    const result = await newKernel().run({ source: `display([{ epoch: 1, loss: 0.5 }, { epoch: 2, loss: 0.25 }])`, params: {} });
    expect(result.outputs).toEqual([{ type: "table", columns: ["epoch", "loss"], rows: [[1, 0.5], [2, 0.25]] }]);
  });

  it("reports a runtime error with the reader's line and keeps the scope", async () => {
    const kernel = newKernel();
    await kernel.run({ source: "const ok = 1;", params: {} });
    const result = await kernel.run({ source: "const x = 1;\n\nnull.boom;", params: {}, label: "cell-2" });
    expect(result.ok).toBe(false);
    expect(result.outputs[0]).toMatchObject({ type: "error", name: "TypeError", line: 3 });
    expect(kernel.scope.ok).toBe(1);
  });

  it("names an unknown import", async () => {
    const result = await newKernel().run({ source: `import fs from "node:fs";`, params: {} });
    expect(result.outputs[0]).toMatchObject({ type: "error", message: expect.stringContaining(`cannot import "node:fs"`), line: 1 });
  });

  it("runs an exercise's checker with a specific message", async () => {
    const kernel = newKernel();
    const wrong = await kernel.run({ source: "function momentumStep(w, step, g, lr, m) { return { w: w - lr * g, step: -lr * g } }", params: {}, check: "gradientDescentMomentum" });
    expect(wrong.outputs).toEqual([{ type: "check", passed: false, message: expect.stringContaining("You forgot to carry the previous step") }]);
    const right = await kernel.run({
      source: "function momentumStep(w, step, g, lr, m) { const next = m * step - lr * g; return { w: w + next, step: next } }",
      params: {},
      check: "gradientDescentMomentum",
    });
    expect(right.outputs).toEqual([{ type: "check", passed: true, message: expect.any(String) }]);
  });
});
