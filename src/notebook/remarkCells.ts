/**
 * Remark plugin for MDX: runs a page's code cells at build time and saves their outputs.
 *
 * A cell is a fence ```` ```ts cell [reactive] [check=name] ```` or a `<Cell …>` wrapping a ts
 * fence. Cells run in document order in one kernel whose `params` are the page's `<Param>`
 * defaults; each is replaced by a `<Cell>` element carrying its source and rendered output, so
 * the page reads completely without JavaScript. A cell that throws fails the build, naming the
 * file, the cell and the line. A component with a `params` prop gets the specs it binds as `pageParams`.
 */
import type { Root, Code, Parent, RootContent } from "mdast";
import type { VFile } from "vfile";
import { createFigureDocument } from "./figureDocument";
import { runInNewContext } from "node:vm";
import { createKernel } from "./kernel";
import { createCellModules } from "./cellModules";
import { readDigitsFile } from "./digits/readDigitsFile";
import { checks } from "./checks/index";
import { renderOutputs } from "./render";
import { findParamReads } from "./transpile";
import { toParamSpec, mergeParamSpecs, type ParamSpec, type ParamProps } from "./params";
import { hashSource } from "./hashSource";
import { findCellNames } from "./cellNames";
import { pageParamsFor, readParamsBinding } from "./widgetParams";

interface JsxAttribute {
  type: "mdxJsxAttribute";
  name: string;
  value?: string | null | { type: "mdxJsxAttributeValueExpression"; value: string };
}

interface JsxElement {
  type: "mdxJsxFlowElement" | "mdxJsxTextElement";
  name: string | null;
  attributes: JsxAttribute[];
  children: RootContent[];
  position?: Code["position"];
}

/** A cell found in the page, before it runs. */
interface FoundCell {
  source: string;
  reactive: boolean;
  check?: string;
  line: number;
  parent: Parent;
  node: RootContent;
}

/** The remark plugin; add it to the MDX integration's remarkPlugins. */
export function remarkNotebookCells(options: { timeLimitMs?: number } = {}) {
  const invoke = limitTime(options.timeLimitMs ?? buildCellTimeLimitMs);
  return async (tree: Root, file: VFile): Promise<void> => {
    const params = collectParams(tree, file);
    injectParamDefaults(tree, params, file);
    const cells = findCells(tree);
    if (cells.length === 0) return;
    const kernel = createKernel({ modules: createCellModules(createFigureDocument(), readDigitsFile), checks, invoke });
    const defaults = Object.fromEntries(params.map((spec) => [spec.name, spec.value]));
    const names = cells.map((cell) => findCellNames(cell.source));
    for (const [index, cell] of cells.entries()) {
      // Only names another cell defines matter to the page; globals and locals are left out.
      const definedElsewhere = new Set(names.flatMap((other, at) => (at === index ? [] : other.defines)));
      const uses = names[index].uses.filter((name) => definedElsewhere.has(name));
      const result = await kernel.run({ source: cell.source, params: defaults, check: cell.check, label: `cell-${index + 1}` });
      const error = result.outputs.find((output) => output.type === "error");
      if (error && error.type === "error") {
        const line = error.line === undefined ? cell.line : cell.line + error.line;
        throw new Error(`${file.path}:${line}: cell ${index + 1} threw ${error.name}: ${error.message}`);
      }
      const attributes: JsxAttribute[] = [
        attribute("source", cell.source),
        // A graded cell starts neutral: the starter's verdict would show a failure and give a hint away.
        attribute("outputs", renderOutputs(cell.check ? result.outputs.filter((output) => output.type !== "check") : result.outputs)),
        attribute("index", String(index)),
        attribute("hash", hashSource(cell.source)),
        attribute("reads", findParamReads(cell.source).join(",")),
        attribute("defines", names[index].defines.join(",")),
        attribute("uses", uses.join(",")),
      ];
      if (cell.reactive) attributes.push(attribute("reactive", "true"));
      if (cell.check) attributes.push(attribute("check", cell.check));
      const replacement: JsxElement = { type: "mdxJsxFlowElement", name: "Cell", attributes, children: [], position: cell.node.position };
      cell.parent.children.splice(cell.parent.children.indexOf(cell.node), 1, replacement as unknown as RootContent);
    }
  };
}

// Widgets draw their saved figure at build time from the page's params: a component with a
// `params={{ role: "name" }}` prop gets the specs it binds as `pageParams` (a name the page lacks
// fails the build), so a default is written once, in its <Param>.
function injectParamDefaults(tree: Root, params: ParamSpec[], file: VFile): void {
  walk(tree, (node) => {
    const element = node as unknown as JsxElement;
    if (element.type !== "mdxJsxFlowElement" && element.type !== "mdxJsxTextElement") return false;
    const bound = element.attributes.find((a) => a.name === "params");
    if (bound && typeof bound.value === "object" && bound.value !== null && element.name) {
      try {
        element.attributes.push(attribute("pageParams", pageParamsFor(element.name, readParamsBinding(bound.value.value), params)));
      } catch (error) {
        throw new Error(`${file.path}:${element.position?.start.line ?? 0}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    return false;
  });
}

function attribute(name: string, value: string): JsxAttribute {
  return { type: "mdxJsxAttribute", name, value };
}

function findCells(tree: Root): FoundCell[] {
  const cells: FoundCell[] = [];
  walk(tree, (node, parent) => {
    if (node.type === "code" && isCellFence(node)) {
      const meta = readMeta(node.meta ?? "");
      cells.push({ source: node.value, ...meta, line: node.position?.start.line ?? 0, parent, node });
      return true;
    }
    const element = node as unknown as JsxElement;
    if ((element.type === "mdxJsxFlowElement" || element.type === "mdxJsxTextElement") && element.name === "Cell") {
      if (element.attributes.some((a) => a.name === "outputs")) return true; // already a saved cell
      const fence = element.children.find((child): child is Code => child.type === "code");
      const sourceAttribute = element.attributes.find((a) => a.name === "source");
      const source = fence?.value ?? (typeof sourceAttribute?.value === "string" ? sourceAttribute.value : undefined);
      if (source === undefined) throw new Error(`<Cell> at line ${element.position?.start.line} needs a ts fence inside or a source="…" string`);
      const check = element.attributes.find((a) => a.name === "check")?.value;
      cells.push({
        source,
        reactive: element.attributes.some((a) => a.name === "reactive" && a.value !== "false"),
        check: typeof check === "string" ? check : undefined,
        line: (fence ?? element).position?.start.line ?? 0,
        parent,
        node,
      });
      return true;
    }
    return false;
  });
  return cells;
}

function isCellFence(node: Code): boolean {
  return (node.lang === "ts" || node.lang === "typescript") && /(^|\s)cell(\s|$)/.test(node.meta ?? "");
}

/** Reads `cell reactive check=name` from a fence's meta string. */
export function readMeta(meta: string): { reactive: boolean; check?: string } {
  const words = meta.trim().split(/\s+/);
  const check = words.find((word) => word.startsWith("check="))?.slice("check=".length).replace(/^["']|["']$/g, "");
  return { reactive: words.includes("reactive"), check: check || undefined };
}

// Depth-first in document order; the visitor returns true to skip a node's children.
function walk(parent: Parent, visitor: (node: RootContent, parent: Parent) => boolean): void {
  for (const node of [...parent.children]) {
    if (!visitor(node, parent) && "children" in node) walk(node as Parent, visitor);
  }
}

function collectParams(tree: Root, file: VFile): ParamSpec[] {
  const specs: ParamSpec[] = [];
  walk(tree, (node) => {
    const element = node as unknown as JsxElement;
    if ((element.type === "mdxJsxFlowElement" || element.type === "mdxJsxTextElement") && element.name === "Param") {
      const props: Record<string, unknown> = {};
      for (const a of element.attributes) {
        if (a.type !== "mdxJsxAttribute") continue;
        props[a.name] = a.value === null || a.value === undefined ? true : typeof a.value === "string" ? a.value : evaluateLiteral(a.value.value, file);
      }
      try {
        specs.push(toParamSpec(props as ParamProps));
      } catch (error) {
        throw new Error(`${file.path}:${element.position?.start.line}: ${(error as Error).message}`);
      }
    }
    return false;
  });
  try {
    return mergeParamSpecs(specs);
  } catch (error) {
    throw new Error(`${file.path}: ${(error as Error).message}`);
  }
}

// Param props are literals like {0.03} or {["tanh", "relu"]}; anything else is an author error.
function evaluateLiteral(expression: string, file: VFile): unknown {
  try {
    return new Function(`"use strict"; return (${expression});`)();
  } catch (error) {
    throw new Error(`${file.path}: <Param> prop {${expression}} is not a literal: ${(error as Error).message}`);
  }
}

/** How long one cell may run at build time before the build fails instead of hanging. */
export const buildCellTimeLimitMs = 30_000;

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
