import { it } from "vitest";
import { cells, solutions, params, newKernel } from "./real-data-cells";
it("prints", async () => {
  console.log(params, cells.length, solutions.length);
  for (const mode of ["starter", "solution"]) {
    const kernel = newKernel();
    let graded = 0;
    for (const [i, cell] of cells.entries()) {
      const source = mode === "solution" && cell.check ? solutions[graded++] : cell.source;
      const t = performance.now();
      const r = await kernel.run({ source, params, check: cell.check, label: `cell-${i + 1}` });
      console.log(mode, i + 1, cell.check, Math.round(performance.now() - t), "ms", JSON.stringify(r.outputs.filter((o) => o.type !== "figure")));
    }
  }
}, 120000);
