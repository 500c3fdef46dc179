/**
 * The kernel: runs cells one after another in one shared scope and returns their outputs.
 * The same code runs in Node during the build (saved outputs) and in the browser's worker.
 */
import { createOutputRecorder, type Output } from "./outputs";
import { describeValue } from "./display";
import { transpileCell, CellSyntaxError } from "./transpile";
import type { Checker } from "./checks/types";
import { en } from "../i18n/en";
import { stringsFor, type Locale, type Strings } from "../i18n/strings";
import type { NotebookStrings } from "../i18n/types";

/** A parameter's value as cells see it in `params`. */
export type ParamValue = number | string;

/** One cell to run. */
export interface RunRequest {
  source: string;
  /** The page's parameter values, frozen into `params` for this run. */
  params: Readonly<Record<string, ParamValue>>;
  /** The checker to call afterwards, for an exercise cell. */
  check?: string;
  /** Names the cell in stack traces, e.g. "cell-3". */
  label?: string;
  /** The page's language, so a checker's verdict comes back in it; default English. */
  locale?: Locale;
}

/** What a run produced; `ok` is false when the cell threw. */
export interface RunResult {
  ok: boolean;
  outputs: Output[];
}

/** A kernel: its scope lives as long as it does. */
export interface Kernel {
  run(request: RunRequest): Promise<RunResult>;
  /** The names the cells have defined so far. */
  readonly scope: Readonly<Record<string, unknown>>;
}

/** What a kernel may import and check. */
export interface KernelOptions {
  /**
   * Module specifier → module namespace, e.g. { engine: engineModule }, in the page's words: the graph module's
   * errors are read by the reader. Called once per language.
   */
  modules: (s: NotebookStrings) => Readonly<Record<string, unknown>>;
  checks?: Readonly<Record<string, Checker>>;
  /**
   * Calls a compiled cell. The browser's worker is ended from outside when a cell runs too long;
   * the build has no such outside, so it passes an `invoke` that runs the cell under a time limit.
   */
  invoke?: (body: (...args: unknown[]) => Promise<unknown>, args: unknown[]) => Promise<unknown>;
}

const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (...args: string[]) => (...args: unknown[]) => Promise<unknown>;
const HELPERS = ["display", "params", "console"];

/** A fresh kernel with an empty scope. */
export function createKernel(options: KernelOptions): Kernel {
  const scope: Record<string, unknown> = Object.create(null);
  const lineOffset = measureLineOffset();
  const modulesByLanguage = new Map<NotebookStrings, Readonly<Record<string, unknown>>>();
  const modulesIn = (s: NotebookStrings): Readonly<Record<string, unknown>> => {
    if (!modulesByLanguage.has(s)) modulesByLanguage.set(s, options.modules(s));
    return modulesByLanguage.get(s)!;
  };
  const importerFor = (modules: Readonly<Record<string, unknown>>, s: NotebookStrings) => (specifier: string): unknown => {
    if (Object.hasOwn(modules, specifier)) return modules[specifier];
    throw new Error(s.kernelNoModule({ specifier, known: Object.keys(modules).map((name) => `"${name}"`).join(", ") }));
  };

  async function run(request: RunRequest): Promise<RunResult> {
    const outputs = createOutputRecorder();
    const label = request.label ?? "cell";
    const s = stringsFor(request.locale ?? "en");
    try {
      const { code, declared } = transpileCell(request.source, s);
      const inherited = Object.keys(scope).filter((name) => !declared.includes(name));
      const helpers = HELPERS.filter((name) => !declared.includes(name) && !inherited.includes(name));
      const saved = [...new Set([...declared, ...inherited])];
      // Everything before the reader's code stays on line 1, so error lines match the reader's.
      const prelude = `"use strict"; let { ${inherited.join(", ")} } = __scope; const { ${helpers.join(", ")} } = __helpers; `;
      const epilogue = `\n;__save({ ${saved.join(", ")} });\n//# sourceURL=${label}.js`;
      const body = new AsyncFunction("__scope", "__helpers", "__import", "__result", "__save", prelude + code + epilogue);
      const display = (value: unknown): void => outputs.push(describeValue(value, s));
      const helperValues = { display, params: Object.freeze({ ...request.params }), console: createConsole(outputs, s) };
      const show = (value: unknown): void => {
        if (value !== undefined) display(value);
      };
      const args = [scope, helperValues, importerFor(modulesIn(s), s), show, (values: Record<string, unknown>) => Object.assign(scope, values)];
      await (options.invoke ? options.invoke(body, args) : body(...args));
    } catch (error) {
      return { ok: false, outputs: outputs.finish([describeError(error, label, lineOffset, s)]) };
    }
    return { ok: true, outputs: outputs.finish(request.check ? [runCheck(options.checks ?? {}, request.check, scope, s)] : []) };
  }

  return { run, scope };
}

function runCheck(checks: Readonly<Record<string, Checker>>, name: string, scope: Record<string, unknown>, s: Strings): Output {
  const checker = checks[name];
  if (!checker) return { type: "error", name: "CheckError", message: s.kernelNoChecker({ name, known: Object.keys(checks).join(", ") }) };
  try {
    return { type: "check", ...checker(scope, s) };
  } catch (error) {
    return { type: "check", passed: false, message: s.kernelThrewWhileChecked({ error: error instanceof Error ? error.message : safeString(error, s) }) };
  }
}

function createConsole(outputs: { push(output: Output): void }, s: Strings): Pick<Console, "log" | "info" | "warn" | "error" | "table"> {
  const print = (...values: unknown[]): void => {
    const text = values.map((value) => (typeof value === "string" ? value : (describeValue(value, s) as { summary?: string }).summary ?? String(value))).join(" ");
    outputs.push({ type: "text", text });
  };
  return { log: print, info: print, warn: print, error: print, table: (data: unknown) => outputs.push(describeValue(data, s)) };
}

/** The error output for anything a cell threw, with the line in the reader's source when the stack says it. */
export function describeError(error: unknown, label: string, lineOffset: number, s: Strings = en): Output {
  if (error instanceof CellSyntaxError) return { type: "error", name: "SyntaxError", message: error.message, line: error.line };
  if (!(error instanceof Error)) return { type: "error", name: "Error", message: s.kernelThrew({ value: safeString(error, s) }) };
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const located = new RegExp(`${escaped}\\.js:(\\d+)`).exec(error.stack ?? "");
  const line = located ? Number(located[1]) - lineOffset : undefined;
  return { type: "error", name: safeString(error.name, s), message: safeString(error.message, s), line: line !== undefined && line > 0 ? line : undefined };
}

// What a cell threw may be anything, even an object whose toString throws.
function safeString(value: unknown, s: Strings): string {
  try {
    return String(value);
  } catch {
    return s.kernelUnprintable;
  }
}

// Engines wrap a Function-constructor body in a header of their own length; measure it once.
function measureLineOffset(): number {
  try {
    new Function("throw new Error('probe')\n//# sourceURL=nb-probe.js")();
  } catch (error) {
    const located = /nb-probe\.js:(\d+)/.exec((error as Error).stack ?? "");
    if (located) return Number(located[1]) - 1;
  }
  return 2;
}
