/**
 * Our own modules' import graph, read from their text (import, export … from, import()), for the build's
 * cell cache (what the cells' runtime is made of) and for the test that keeps import circles out.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, extname, join, resolve } from "node:path";

/** Files whose imports are followed; anything else reached (a .css, a ?raw .json) is a leaf. */
const READ_EXTENSIONS = new Set([".ts", ".astro", ".mjs", ".js"]);

// Type-only imports count: a circle through a type still couples the two files.
const STATIC_IMPORT = /\b(?:import|export)\s+(?:type\s+)?(?:[\w$*{}\s,]+?\s+from\s+)?["']([^"']+)["']/g;
const DYNAMIC_IMPORT = /\bimport\s*\(\s*["']([^"']+)["']\s*\)/g;

/** Each module → the files it imports (absolute paths), for every file reached. */
export type ImportGraph = Map<string, string[]>;

/** The specifiers a module's text imports, in order of appearance, e.g. ["./kernel", "acorn"]. */
export function findImportSpecifiers(source: string): string[] {
  const found: { at: number; specifier: string }[] = [];
  for (const pattern of [STATIC_IMPORT, DYNAMIC_IMPORT]) {
    for (const match of source.matchAll(pattern)) found.push({ at: match.index, specifier: match[1] });
  }
  return found.sort((a, b) => a.at - b.at).map(({ specifier }) => specifier);
}

/** The file a relative specifier names (extension and index.ts optional, `?raw` dropped); undefined for a package or a missing file. */
export function resolveImport(fromFile: string, specifier: string): string | undefined {
  if (!specifier.startsWith(".")) return undefined;
  const path = resolve(dirname(fromFile), specifier.replace(/\?.*$/, ""));
  const candidates = [path, `${path}.ts`, join(path, "index.ts"), path.replace(/\.js$/, ".ts")];
  return candidates.find((candidate) => existsSync(candidate) && statSync(candidate).isFile());
}

/** The graph of `entries` (files, or folders meaning every .ts/.astro/.mjs/.js file in them) and of whatever they import, transitively. */
export function readImportGraph(entries: readonly string[]): ImportGraph {
  const graph: ImportGraph = new Map();
  const pending = entries.flatMap((entry) => (statSync(entry).isDirectory() ? listSourceFiles(entry) : [resolve(entry)]));
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (graph.has(file)) continue;
    const imports = READ_EXTENSIONS.has(extname(file)) ? readImports(file) : [];
    graph.set(file, imports);
    pending.push(...imports);
  }
  return graph;
}

function readImports(file: string): string[] {
  const specifiers = findImportSpecifiers(readFileSync(file, "utf8"));
  const files = specifiers.map((specifier) => resolveImport(file, specifier)).filter((path): path is string => path !== undefined);
  return [...new Set(files)];
}

function listSourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && READ_EXTENSIONS.has(extname(entry.name)))
    .map((entry) => resolve(entry.parentPath, entry.name));
}

/**
 * The import circles: each strongly connected group of files (Tarjan's algorithm), as one closed path
 * through it that starts and ends at its alphabetically first file, e.g. [a.ts, b.ts, a.ts].
 */
export function findImportCircles(graph: ImportGraph): string[][] {
  return findStronglyConnected(graph)
    .filter((group) => group.length > 1 || (graph.get(group[0]) ?? []).includes(group[0]))
    .map((group) => traceCircle(graph, new Set(group)))
    .sort((a, b) => a[0].localeCompare(b[0]));
}

function findStronglyConnected(graph: ImportGraph): string[][] {
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  const visit = (file: string): void => {
    order.set(file, order.size);
    low.set(file, order.get(file)!);
    stack.push(file);
    onStack.add(file);
    for (const next of graph.get(file) ?? []) {
      if (!order.has(next)) {
        visit(next);
        low.set(file, Math.min(low.get(file)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(file, Math.min(low.get(file)!, order.get(next)!));
      }
    }
    if (low.get(file) !== order.get(file)) return;
    const group: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      group.push(member);
    } while (member !== file);
    groups.push(group.sort());
  };
  for (const file of [...graph.keys()].sort()) if (!order.has(file)) visit(file);
  return groups;
}

// Breadth-first inside the group from its first file back to itself: the shortest circle to print.
function traceCircle(graph: ImportGraph, group: Set<string>): string[] {
  const start = [...group].sort()[0];
  const cameFrom = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const file = queue.shift()!;
    for (const next of graph.get(file) ?? []) {
      if (!group.has(next)) continue;
      if (next === start) {
        const chain = [file];
        while (chain[0] !== start) chain.unshift(cameFrom.get(chain[0])!);
        return [...chain, start];
      }
      if (!cameFrom.has(next)) {
        cameFrom.set(next, file);
        queue.push(next);
      }
    }
  }
  return [start, start];
}
