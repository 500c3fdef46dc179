/** The modules a cell may import, the same at build time and in the kernel worker. */
import * as engine from "../engine/index";
import * as Plot from "@observablehq/plot";
import { traceOperandGraph, type OperandNode, type TraceOptions } from "./operandGraph";
import { createDigitsModule, type DigitSource } from "./digits/digitsModule";
import { drawWithPhoneCopy } from "./phoneFigure";
import type { NotebookStrings } from "../i18n/types";

/**
 * The import map for a kernel. Plot draws into `document` (linkedom, in Node and in the worker:
 * neither has the page's DOM), so `Plot.plot(...)` returns markup that display() can save; a chart is
 * drawn a second time for a phone (phoneFigure.ts), which display() saves beside it.
 * `digits` is how this kernel reaches chapter 7's digits (the file at build time, the page's
 * bridge in the worker); without it, "digits" says it cannot load them. The graph module explains what is
 * wrong with a reader's graph in the page's words, so the map is made per language (the kernel asks once each).
 */
export function createCellModules(document: unknown, digits?: DigitSource): (s: NotebookStrings) => Record<string, unknown> {
  const plot = (options: Plot.PlotOptions = {}) => drawWithPhoneCopy(options, (drawn) => Plot.plot({ document: document as Document, ...drawn }));
  const noDigits: DigitSource = () => Promise.reject(new Error("this kernel has no way to load the digits"));
  const shared = { engine, "@observablehq/plot": Object.freeze({ ...Plot, plot }), digits: createDigitsModule(digits ?? noDigits) };
  return (s) => ({ ...shared, graph: Object.freeze({ traceOperandGraph: (output: OperandNode, options?: TraceOptions) => traceOperandGraph(output, options, s) }) });
}
