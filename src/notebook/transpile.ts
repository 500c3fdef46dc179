/**
 * TypeScript cell → a JavaScript function body that shares one scope with the other cells.
 *
 * Sucrase strips the types (keeping line numbers), acorn finds the top-level declarations, and
 * imports become `__import(...)` calls. The kernel then wraps the body so every name an earlier
 * cell left in the scope is a local here, and every name this cell declares is written back at
 * the end: a `const` in cell 2 is visible in cell 5, like variables in one Jupyter kernel.
 */
import { transform } from "sucrase";
import { parse, type Node, type Pattern, type Program, type ExpressionStatement } from "acorn";
import { enNotebook } from "../i18n/notebook.en";
import type { NotebookStrings } from "../i18n/types";

/** The JavaScript of one cell and the names it defines at its top level. */
export interface TranspiledCell {
  /** Function-body JavaScript; line n is line n of the reader's source. */
  code: string;
  /** Top-level names the cell declares (imports included), to be written back into the shared scope. */
  declared: string[];
}

/** A syntax error located in the reader's own source. */
export class CellSyntaxError extends SyntaxError {
  /** 1-based line in the cell's source. */
  readonly line?: number;
  constructor(message: string, line?: number) {
    super(message);
    this.name = "SyntaxError";
    this.line = line;
  }
}

/** Transpiles one cell; throws CellSyntaxError with the line, in the page's words `s` where they are ours, when the reader's code does not parse. */
export function transpileCell(source: string, s: NotebookStrings = enNotebook): TranspiledCell {
  let js: string;
  try {
    // keepUnusedImports: an import in cell 1 is often used only by later cells.
    js = transform(source, { transforms: ["typescript"], disableESTransforms: true, keepUnusedImports: true }).code;
  } catch (error) {
    throw toCellSyntaxError(error);
  }
  let program: Program;
  try {
    program = parse(js, { ecmaVersion: "latest", sourceType: "module", allowAwaitOutsideFunction: true, locations: true });
  } catch (error) {
    throw toCellSyntaxError(error);
  }
  rejectRuntimeImports(program, s);
  const declared: string[] = [];
  const edits: { start: number; end: number; text: string }[] = [];
  const body = program.body;
  for (const node of body) {
    if (node.type === "ImportDeclaration") {
      const module = JSON.stringify(node.source.value);
      const parts: string[] = [];
      for (const specifier of node.specifiers) {
        const local = specifier.local.name;
        declared.push(local);
        if (specifier.type === "ImportNamespaceSpecifier") parts.push(`const ${local} = __import(${module});`);
        else if (specifier.type === "ImportDefaultSpecifier") parts.push(`const ${local} = __import(${module}).default;`);
        else {
          const imported = specifier.imported.type === "Identifier" ? specifier.imported.name : String(specifier.imported.value);
          parts.push(`const ${local} = __import(${module})[${JSON.stringify(imported)}];`);
        }
      }
      if (parts.length === 0) parts.push(`__import(${module});`);
      edits.push({ start: node.start, end: node.end, text: keepLines(js.slice(node.start, node.end), parts.join(" ")) });
    } else if (node.type === "ExportNamedDeclaration" || node.type === "ExportDefaultDeclaration" || node.type === "ExportAllDeclaration") {
      throw new CellSyntaxError(s.nbNoExport, node.loc?.start.line);
    } else if (node.type === "VariableDeclaration") {
      for (const declarator of node.declarations) collectNames(declarator.id, declared);
    } else if ((node.type === "FunctionDeclaration" || node.type === "ClassDeclaration") && node.id) {
      declared.push(node.id.name);
    }
  }
  const last = body[body.length - 1];
  if (last && isShownExpression(last)) {
    // Like Jupyter, a cell's final bare expression is its result.
    edits.push({ start: last.expression.start, end: last.expression.start, text: "__result(" });
    edits.push({ start: last.expression.end, end: last.expression.end, text: ")" });
  }
  let code = js;
  for (const edit of edits.sort((a, b) => b.start - a.start)) code = code.slice(0, edit.start) + edit.text + code.slice(edit.end);
  return { code, declared: [...new Set(declared)] };
}

/** Names a cell's code reads from `params`, e.g. `params.lr` → "lr"; `*` when it reads `params` as a whole. */
export function findParamReads(source: string): string[] {
  const names = new Set<string>();
  for (const match of source.matchAll(/\bparams\s*(?:\.\s*([A-Za-z_$][\w$]*)|\[\s*["']([^"']+)["']\s*\]|)/g)) {
    names.add(match[1] ?? match[2] ?? "*");
  }
  return [...names];
}

// import() would load code from anywhere at run time; a cell imports only what the kernel offers, statically.
function rejectRuntimeImports(program: Program, s: NotebookStrings): void {
  const pending: unknown[] = [program];
  while (pending.length > 0) {
    const node = pending.pop();
    if (typeof node !== "object" || node === null) continue;
    const type = (node as { type?: unknown }).type;
    if (type === "ImportExpression" || (type === "MetaProperty" && (node as { meta: { name: string } }).meta.name === "import")) {
      const line = (node as Node).loc?.start.line;
      throw new CellSyntaxError(s.nbNoRuntimeImport, line);
    }
    for (const [key, child] of Object.entries(node)) if (key !== "loc") pending.push(...(Array.isArray(child) ? child : [child]));
  }
}

function isShownExpression(node: Node): node is ExpressionStatement {
  if (node.type !== "ExpressionStatement") return false;
  const expression = (node as ExpressionStatement).expression;
  return expression.type !== "AssignmentExpression" && expression.type !== "UpdateExpression" && !("directive" in node && node.directive);
}

function collectNames(pattern: Pattern, names: string[]): void {
  switch (pattern.type) {
    case "Identifier":
      names.push(pattern.name);
      break;
    case "ObjectPattern":
      for (const property of pattern.properties) collectNames(property.type === "RestElement" ? property.argument : property.value, names);
      break;
    case "ArrayPattern":
      for (const element of pattern.elements) if (element) collectNames(element, names);
      break;
    case "RestElement":
      collectNames(pattern.argument, names);
      break;
    case "AssignmentPattern":
      collectNames(pattern.left, names);
      break;
  }
}

// The replacement keeps as many line breaks as the replaced text, so later lines keep their numbers.
function keepLines(original: string, replacement: string): string {
  return replacement + "\n".repeat(original.split("\n").length - 1);
}

function toCellSyntaxError(error: unknown): CellSyntaxError {
  const message = error instanceof Error ? error.message : String(error);
  const located = /\s*\((\d+):(\d+)\)\s*$/.exec(message);
  return new CellSyntaxError(located ? message.slice(0, located.index) : message, located ? Number(located[1]) : undefined);
}
