/** The modules a cell may import, the same at build time and in the kernel worker. */
import * as engine from "../engine/index";
import * as Plot from "@observablehq/plot";
import { traceOperandGraph } from "./operandGraph";
import { createDigitsModule, type DigitSource } from "./digits/digitsModule";
import { drawWithPhoneCopy } from "./phoneFigure";

/**
 * The import map for a kernel. Plot draws into `document` (linkedom, in Node and in the worker:
 * neither has the page's DOM), so `Plot.plot(...)` returns markup that display() can save; a chart is
 * drawn a second time for a phone (phoneFigure.ts), which display() saves beside it.
 * `digits` is how this kernel reaches chapter 7's digits (the file at build time, the page's
 * bridge in the worker); without it, "digits" says it cannot load them.
 */
export function createCellModules(document: unknown, digits?: DigitSource): Record<string, unknown> {
  const plot = (options: Plot.PlotOptions = {}) => drawWithPhoneCopy(options, (drawn) => Plot.plot({ document: document as Document, ...drawn }));
  const noDigits: DigitSource = () => Promise.reject(new Error("this kernel has no way to load the digits"));
  return {
    engine,
    "@observablehq/plot": Object.freeze({ ...Plot, plot }),
    graph: Object.freeze({ traceOperandGraph }),
    digits: createDigitsModule(digits ?? noDigits),
  };
}
