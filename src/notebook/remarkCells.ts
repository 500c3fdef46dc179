/**
 * Remark plugin for MDX: runs a page's code cells at build time and saves their outputs.
 *
 * A cell is a fence ```` ```ts cell [reactive] [check=name] ```` or a `<Cell …>` wrapping a ts
 * fence. The plugin finds the cells and the page's `<Param>` defaults, takes their outputs from the
 * cell cache (cellCache.ts) or runs them (runCells.ts), and puts them into the page (applyOutputs.ts),
 * so the page reads completely without JavaScript. A cell that throws fails the build, naming the
 * file, the cell and the line. A component with a `params` prop gets the specs it binds as `pageParams`.
 */
import type { Root, Code, Parent, RootContent } from "mdast";
import type { VFile } from "vfile";
import { join } from "node:path";
import { toParamSpec, mergeParamSpecs, type ParamSpec, type ParamProps } from "./params";
import { pageParamsFor, readParamsBinding } from "./widgetParams";
import type { JsxAttribute, JsxElement } from "./mdxJsx";
import { runCells, buildCellTimeLimitMs } from "./runCells";
import { applyOutputs, type PageCell } from "./applyOutputs";
import { createCellCache, defaultCellCacheFolder } from "./cellCache";
import { fingerprintLoadedRuntime } from "./runtimeFingerprint";
import { stringsFor } from "../i18n/strings";

/** The plugin's options: a cell's time limit, and the cache's folder (false: always run the cells). */
export interface NotebookCellsOptions {
  timeLimitMs?: number;
  cacheFolder?: string | false;
}

/** The remark plugin; add it to the MDX integration's remarkPlugins. */
export function remarkNotebookCells(options: NotebookCellsOptions = {}) {
  const timeLimitMs = options.timeLimitMs ?? buildCellTimeLimitMs;
  const folder = options.cacheFolder ?? join(process.cwd(), defaultCellCacheFolder);
  const cache = folder === false ? undefined : createCellCache(folder, fingerprintLoadedRuntime);
  return async (tree: Root, file: VFile): Promise<void> => {
    const params = collectParams(tree, file);
    injectParamDefaults(tree, params, file);
    const cells = findCells(tree);
    if (cells.length === 0) return;
    const defaults = Object.fromEntries(params.map((spec) => [spec.name, spec.value]));
    const sources = cells.map(({ source, check }) => ({ source, check }));
    // The Chinese book is the content/zh collection (docs/i18n.md); its cells run, and their saved outputs speak, in Chinese.
    const locale = /[\\/]content[\\/]zh[\\/]/.test(file.path) ? "zh-CN" : "en";
    let outputs = cache?.read(file.path, sources, defaults);
    if (!outputs) {
      const run = await runCells(sources, defaults, timeLimitMs, locale);
      if (!run.ok) {
        const line = run.error.line === undefined ? cells[run.index].line : cells[run.index].line + run.error.line;
        throw new Error(`${file.path}:${line}: cell ${run.index + 1} threw ${run.error.name}: ${run.error.message}`);
      }
      outputs = run.outputs;
      cache?.write(file.path, sources, defaults, outputs);
    }
    applyOutputs(cells, outputs, stringsFor(locale));
  };
}

// Widgets draw their saved figure at build time from the page's params: a component with a
// `params={{ role: "name" }}` prop gets the specs it binds as `pageParams` (a name the page lacks
// fails the build), so a default is written once, in its <Param>. With `shareParamsWith="Num"` it
// also hands its binding to every `<Num>` of the page that has none, so inline numbers follow it.
function injectParamDefaults(tree: Root, params: ParamSpec[], file: VFile): void {
  const shared = new Map<string, JsxAttribute[]>();
  walkElements(tree, (element) => {
    const bound = element.attributes.find((a) => a.name === "params");
    if (!bound || typeof bound.value !== "object" || bound.value === null || !element.name) return;
    try {
      element.attributes.push(attribute("pageParams", pageParamsFor(element.name, readParamsBinding(bound.value.value), params)));
    } catch (error) {
      throw new Error(`${file.path}:${element.position?.start.line ?? 0}: ${error instanceof Error ? error.message : String(error)}`);
    }
    const share = element.attributes.find((a) => a.name === "shareParamsWith");
    if (!share) return;
    if (typeof share.value !== "string") throw new Error(`${file.path}:${element.position?.start.line ?? 0}: <${element.name}> shareParamsWith must name a component in quotes, like shareParamsWith="Num".`);
    shared.set(share.value, element.attributes.filter((a) => a.name === "params" || a.name === "pageParams"));
    element.attributes = element.attributes.filter((a) => a !== share);
  });
  if (shared.size === 0) return;
  walkElements(tree, (element) => {
    const binding = element.name ? shared.get(element.name) : undefined;
    if (binding && !element.attributes.some((a) => a.name === "params")) element.attributes.push(...binding.map((a) => structuredClone(a)));
  });
}

// Calls `visit` on every MDX component element of the tree.
function walkElements(tree: Root, visit: (element: JsxElement) => void): void {
  walk(tree, (node) => {
    const element = node as unknown as JsxElement;
    if (element.type === "mdxJsxFlowElement" || element.type === "mdxJsxTextElement") visit(element);
    return false;
  });
}

function attribute(name: string, value: string): JsxAttribute {
  return { type: "mdxJsxAttribute", name, value };
}

function findCells(tree: Root): PageCell[] {
  const cells: PageCell[] = [];
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
