/** The modules a cell may import, the same at build time and in the kernel worker. */
import * as engine from "../engine/index";
import * as Plot from "@observablehq/plot";
import { traceOperandGraph } from "./operandGraph";

/**
 * The import map for a kernel. Plot draws into `document` (linkedom, in Node and in the worker:
 * neither has the page's DOM), so `Plot.plot(...)` returns markup that display() can save.
 */
export function createCellModules(document: unknown): Record<string, unknown> {
  const plot = (options: Plot.PlotOptions = {}) => Plot.plot({ document: document as Document, ...options });
  return { engine, "@observablehq/plot": Object.freeze({ ...Plot, plot }), graph: Object.freeze({ traceOperandGraph }) };
}
