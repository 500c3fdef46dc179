/**
 * Which top-level names a cell defines and which names it uses, found at build time with sucrase
 * (to strip the types) and acorn. The page uses them to run, before a cell, the earlier cells it
 * needs, the way Observable resolves a cell's inputs.
 */
import { transform } from "sucrase";
import { parse, type Node } from "acorn";
import { transpileCell } from "./transpile";

/** The names a cell defines at its top level and the names its code refers to. */
export interface CellNames {
  defines: string[];
  /** Every identifier the code reads or writes that it does not define at its top level. */
  uses: string[];
}

/** Finds a cell's names; a cell that does not parse defines and uses nothing (its run reports the error). */
export function findCellNames(source: string): CellNames {
  let defines: string[];
  let program: Node;
  try {
    defines = transpileCell(source).declared;
    const js = transform(source, { transforms: ["typescript"], disableESTransforms: true, keepUnusedImports: true }).code;
    program = parse(js, { ecmaVersion: "latest", sourceType: "module", allowAwaitOutsideFunction: true });
  } catch {
    return { defines: [], uses: [] };
  }
  const used = new Set<string>();
  collectReferences(program, undefined, undefined, used);
  const own = new Set(defines);
  return { defines, uses: [...used].filter((name) => !own.has(name)) };
}

/** For each cell (by position), the earlier cells that define the names it uses, nearest definition first. */
export function findProviders(cells: readonly CellNames[]): number[][] {
  return cells.map((cell, index) => {
    const providers = new Set<number>();
    for (const name of cell.uses) {
      for (let earlier = index - 1; earlier >= 0; earlier--) {
        if (cells[earlier].defines.includes(name)) {
          providers.add(earlier);
          break;
        }
      }
    }
    return [...providers].sort((a, b) => a - b);
  });
}

// An identifier is a reference unless it only names a property, a label or a key.
function collectReferences(node: Node, parent: Node | undefined, key: string | undefined, used: Set<string>): void {
  if (node.type === "Identifier" && !isNameOnly(parent, key)) used.add((node as unknown as { name: string }).name);
  for (const [childKey, value] of Object.entries(node)) {
    if (childKey === "type" || childKey === "loc") continue;
    const children = Array.isArray(value) ? value : [value];
    for (const child of children) {
      if (child && typeof child === "object" && typeof (child as Node).type === "string") collectReferences(child as Node, node, childKey, used);
    }
  }
}

function isNameOnly(parent: Node | undefined, key: string | undefined): boolean {
  if (!parent) return false;
  const computed = (parent as unknown as { computed?: boolean }).computed;
  switch (parent.type) {
    case "MemberExpression":
      return key === "property" && !computed;
    case "Property":
    case "MethodDefinition":
    case "PropertyDefinition":
      return key === "key" && !computed;
    case "LabeledStatement":
    case "BreakStatement":
    case "ContinueStatement":
      return key === "label";
    case "MetaProperty":
      return true;
    case "ImportSpecifier":
    case "ExportSpecifier":
      return key === "imported" || key === "exported";
    default:
      return false;
  }
}
