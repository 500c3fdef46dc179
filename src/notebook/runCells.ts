/**
 * Runs a page's cells at build time: sources in, outputs out, no Markdown tree. Cells run in
 * document order in one kernel (one shared scope) whose `params` are the page's defaults.
 */
import { runInNewContext } from "node:vm";
import { createKernel, type ParamValue } from "./kernel";
import type { Locale } from "../i18n/strings";
import { createCellModules } from "./cellModules";
import { readDigitsFile } from "./digits/readDigitsFile";
import { createFigureDocument } from "./figureDocument";
import { checks } from "./checks/index";
import type { ErrorOutput, Output } from "./outputs";

/** One cell as the kernel needs it: its code and, for an exercise, the checker's name. */
export interface CellSource {
  source: string;
  check?: string;
}

/** Every cell's outputs, in order; or the first cell that threw (0-based) and what it threw. */
export type CellsRun = { ok: true; outputs: Output[][] } | { ok: false; index: number; error: ErrorOutput };

/** How long one cell may run at build time before the build fails instead of hanging. */
export const buildCellTimeLimitMs = 30_000;

/** Runs `cells` in order in a fresh kernel, in the page's language; stops at the first that throws. */
export async function runCells(cells: readonly CellSource[], params: Readonly<Record<string, ParamValue>>, timeLimitMs = buildCellTimeLimitMs, locale: Locale = "en"): Promise<CellsRun> {
  const kernel = createKernel({ modules: createCellModules(createFigureDocument(), readDigitsFile), checks, invoke: limitTime(timeLimitMs) });
  const outputs: Output[][] = [];
  for (const [index, cell] of cells.entries()) {
    const result = await kernel.run({ source: cell.source, params, check: cell.check, label: `cell-${index + 1}`, locale });
    const error = result.outputs.find((output): output is ErrorOutput => output.type === "error");
    if (error) return { ok: false, index, error };
    outputs.push(result.outputs);
  }
  return { ok: true, outputs };
}

// vm's timeout interrupts any JavaScript running synchronously inside the call, so a cell with an
// endless loop fails the build with the chapter and cell named, instead of hanging CI.
function limitTime(timeLimitMs: number) {
  return (body: (...args: unknown[]) => Promise<unknown>, args: unknown[]): Promise<unknown> => {
    try {
      return runInNewContext("body(...args)", { body, args }, { timeout: timeLimitMs }) as Promise<unknown>;
    } catch (error) {
      // The error comes from the vm's own realm, so it is not an instance of this realm's Error.
      if (/timed out/.test(String((error as { message?: unknown } | null)?.message))) {
        return Promise.reject(new Error(`ran longer than ${timeLimitMs / 1000} s at build time (an endless loop?)`));
      }
      return Promise.reject(error);
    }
  };
}
