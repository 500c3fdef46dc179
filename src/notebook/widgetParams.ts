/**
 * The MDX side of the widgets' one param binding: reads a widget's `params={{ role: "name" }}`
 * and gives it the specs of the page's `<Param>`s it names; a name with no `<Param>` fails the build.
 */
import { parseExpressionAt } from "acorn";
import type { ParamSpec } from "./params";

/** Reads the expression of a `params` attribute, `{ learningRate: "lr" }`, into role → param name; throws unless it is an object of string literals. */
export function readParamsBinding(expression: string): Record<string, string> {
  const node = parseExpressionAt(expression, 0, { ecmaVersion: "latest" });
  const binding: Record<string, string> = {};
  if (node.type !== "ObjectExpression") throw new Error(`params must be an object like {{ learningRate: "lr" }}, got ${expression}`);
  for (const property of node.properties) {
    const key = property.type === "Property" ? (property.key.type === "Identifier" ? property.key.name : property.key.type === "Literal" ? String(property.key.value) : undefined) : undefined;
    const value = property.type === "Property" && property.value.type === "Literal" && typeof property.value.value === "string" ? property.value.value : undefined;
    if (property.type !== "Property" || property.computed || key === undefined || value === undefined) {
      throw new Error(`params must map each role to a param name in quotes, like {{ learningRate: "lr" }}, got ${expression}`);
    }
    binding[key] = value;
  }
  return binding;
}

/** The specs of the params `binding` names, as the `pageParams` prop (JSON); throws naming `widget` and every param the page lacks. */
export function pageParamsFor(widget: string, binding: Readonly<Record<string, string>>, params: readonly ParamSpec[]): string {
  const byName = new Map(params.map((spec) => [spec.name, spec]));
  const missing = Object.entries(binding).filter(([, name]) => !byName.has(name));
  if (missing.length > 0) {
    const list = missing.map(([role, name]) => `${role}: "${name}"`).join(", ");
    throw new Error(`<${widget}> binds ${list}, but the page has no <Param name="${missing[0][1]}">${missing.length > 1 ? " (nor the others)" : ""}; add it to the prose or fix the name.`);
  }
  return JSON.stringify([...new Set(Object.values(binding))].map((name) => byName.get(name)!));
}
