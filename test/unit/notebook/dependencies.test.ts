import { describe, expect, it } from "vitest";
import { findCellNames, findProviders } from "../../../src/notebook/cellNames";
import { describeRanFirst, explainMissingName, planRunFirst, scanEditedNames, type CellDependencyInfo } from "../../../src/notebook/dependencies";

describe("the names a cell defines and uses (build time)", () => {
  it("finds top-level definitions, imports included, and leaves out properties, keys and labels", () => {
    const names = findCellNames(`import { createPerceptron } from "engine";
const net: Net = createPerceptron(2);
function train(steps: number) { let local = steps; return net.fit(data, { steps: local, rate }); }
class Model {}
label: for (const row of rows) { if (row) break label; }
({ shorthand });`);
    expect(names.defines).toEqual(["createPerceptron", "net", "train", "Model"]);
    expect(names.uses).toEqual(expect.arrayContaining(["data", "rate", "rows", "shorthand"]));
    expect(names.uses).not.toContain("fit");
    expect(names.uses).not.toContain("label");
    expect(names.uses).not.toContain("net");
  });

  it("reads TypeScript (types stripped) and gives a cell that does not parse no names", () => {
    expect(findCellNames("type Pair = [number, number];\nconst p: Pair = [a, b] as Pair;").uses).toEqual(expect.arrayContaining(["a", "b"]));
    expect(findCellNames("const = ;")).toEqual({ defines: [], uses: [] });
  });

  it("names, for each cell, the nearest earlier cell defining what it uses", () => {
    const cells = [findCellNames("const a = 1;"), findCellNames("const b = a + 1;"), findCellNames("const a = 5;"), findCellNames("a + b")];
    expect(findProviders(cells)).toEqual([[], [0], [], [1, 2]]);
  });
});

describe("running the cells a cell needs first", () => {
  const cell = (index: number, defines: string[], uses: string[], ranInKernel = false): CellDependencyInfo => ({ index, defines, uses, ranInKernel });

  it("plans the providers not yet run, and theirs, in page order, once each", () => {
    const cells = [cell(0, ["a"], []), cell(1, ["unused"], []), cell(2, ["b"], ["a"]), cell(3, [], ["a", "b"])];
    expect(planRunFirst(cells, cells[3]).map((c) => c.index)).toEqual([0, 2]);
  });

  it("skips a provider that has run in this kernel, and does not look past it", () => {
    const cells = [cell(0, ["a"], []), cell(1, ["b"], ["a"], true), cell(2, [], ["b"])];
    expect(planRunFirst(cells, cells[2])).toEqual([]);
  });

  it("never runs a later cell first", () => {
    const cells = [cell(0, [], ["late"]), cell(1, ["late"], [])];
    expect(planRunFirst(cells, cells[0])).toEqual([]);
  });

  it("says which cells ran first", () => {
    expect(describeRanFirst([1])).toBe("Ran cell 1 first.");
    expect(describeRanFirst([1, 3])).toBe("Ran cells 1 and 3 first.");
    expect(describeRanFirst([1, 2, 4])).toBe("Ran cells 1, 2 and 4 first.");
  });

  it("names the cell that would define a missing name, or nothing when no cell does", () => {
    const cells = [cell(0, [], ["late"]), cell(1, ["late"], [])];
    expect(explainMissingName(cells, "late", 0)).toBe("cell 2 defines late, further down the page; run it first.");
    expect(explainMissingName(cells, "nowhere", 0)).toBeUndefined();
  });

  it("reads an edited cell's names without a parser, ignoring strings and comments", () => {
    const known = new Set(["net", "data", "rate"]);
    expect(scanEditedNames(`// uses rate\nconst loss = net.fit(data, "rate");\nfunction f() {}`, known)).toEqual({ defines: ["loss", "f"], uses: ["net", "data"] });
  });
});
