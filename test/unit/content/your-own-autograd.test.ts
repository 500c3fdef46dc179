import { describe, expect, it } from "vitest";
import { cells, gradedCells, newKernel, solutions } from "./your-own-autograd-cells";
import type { Output } from "../../../src/notebook/outputs";

const verdict = (outputs: Output[]) => outputs.find((output) => output.type === "check") as Extract<Output, { type: "check" }> | undefined;

describe("the your-own-autograd chapter's cells", () => {
  it("has the four graded cells in the issue's order, each with a collapsed solution", () => {
    expect(gradedCells.map((cell) => cell.check)).toEqual(["scalarOps", "scalarBackward", "scalarMlp", "scalarTraining"]);
    expect(solutions).toHaveLength(gradedCells.length);
    gradedCells.forEach((cell, i) => expect(cell.source).not.toBe(solutions[i]));
  });

  it("runs every starter cell without throwing, each graded one failing its check with a message", async () => {
    const kernel = newKernel();
    for (const cell of cells) {
      const result = await kernel.run({ source: cell.source, params: {}, check: cell.check });
      expect(result.outputs.filter((output) => output.type === "error")).toEqual([]);
      if (cell.check) {
        const check = verdict(result.outputs)!;
        expect(check.passed).toBe(false);
        expect(check.message.length).toBeGreaterThan(30);
      }
    }
  }, 60_000);

  it("passes every check when the solutions are typed in, and the later cells then use the reader's classes", async () => {
    const kernel = newKernel();
    let solution = 0;
    const texts: string[] = [];
    for (const cell of cells) {
      const source = cell.check ? solutions[solution++] : cell.source;
      const result = await kernel.run({ source, params: {}, check: cell.check });
      expect(result.outputs.filter((output) => output.type === "error")).toEqual([]);
      if (cell.check) expect(verdict(result.outputs)).toMatchObject({ passed: true });
      for (const output of result.outputs) if (output.type === "text") texts.push(output.text);
    }
    expect(texts.join("\n")).toMatch(/E went from [\d.]+ to [\d.]+ in 150 steps; (9\d|100)% of the 40 points/);
    expect(texts.join("\n")).toMatch(/The array version is about \d+ times faster/);
    expect(kernel.scope.learned).toBe(true);
  }, 120_000);

  it("tells the gate cell's reader what each node does, with their gradients equal to the engine's", async () => {
    const kernel = newKernel();
    await kernel.run({ source: solutions[0], params: {} });
    await kernel.run({ source: solutions[1], params: {} });
    const gates = cells.find((cell) => cell.source.includes("buildGates"))!;
    const result = await kernel.run({ source: gates.source, params: {} });
    const table = result.outputs.find((output) => output.type === "table") as unknown as { rows: Record<string, unknown>[] } | undefined;
    expect(table).toBeDefined();
    expect(JSON.stringify(result.outputs)).toContain("-2.25");
  });
});
