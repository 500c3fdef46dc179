/**
 * Reads an expression the reader types, e.g. "tanh(u * v + u)" or "u.mul(v).add(u).tanh()", and
 * builds it with the engine's `Value`. A small recursive-descent parser, not eval: only numbers,
 * the page's input names, + − * / ^, the functions tanh sigmoid exp log relu, and Value's methods.
 */
import { Value } from "../../src/engine/index.ts";
import { en } from "../../src/i18n/en";
import type { Strings } from "../../src/i18n/types";

/** Why an expression could not be read, and where (0-based character index). */
export class ExpressionError extends Error {
  readonly at: number;
  constructor(message: string, at: number) {
    super(message);
    this.name = "ExpressionError";
    this.at = at;
  }
}

const MAX_LENGTH = 200; // a graph that fits a phone screen is far shorter
/** The most nodes a typed graph may have, so the drawing stays readable. */
export const MAX_NODES = 40;
const FUNCTIONS = ["tanh", "sigmoid", "exp", "log", "relu"] as const;
const BINARY_METHODS = ["add", "sub", "mul", "div"] as const;

type Token = { kind: "number"; value: number; at: number } | { kind: "name"; value: string; at: number } | { kind: "symbol"; value: string; at: number } | { kind: "end"; at: number };

/** Builds the typed expression from `inputs` (each name becomes one shared leaf, so a reused name fans out); the output is named f. */
export function parseExpression(source: string, inputs: Readonly<Record<string, number>>, s: Strings = en): Value {
  if (source.length > MAX_LENGTH) throw new ExpressionError(s.exprTooLong({ length: source.length, max: MAX_LENGTH }), MAX_LENGTH);
  const tokens = tokenize(source, s);
  const leaves = new Map<string, Value>();
  let position = 0;
  let created = 0;
  const peek = () => tokens[position];
  const next = () => tokens[position++];
  // Every new node is counted, and an unnamed result gets a short name (n1, n2, …) for the formulas.
  const count = (value: Value) => {
    if (++created > MAX_NODES) throw new ExpressionError(s.exprTooManyNodes({ max: MAX_NODES }), peek().at);
    if (value.label === "") value.label = `n${created}`;
    return value;
  };
  const isSymbol = (symbol: string) => {
    const token = peek();
    return token.kind === "symbol" && token.value === symbol;
  };
  const expect = (symbol: string) => {
    const token = next();
    if (token.kind !== "symbol" || token.value !== symbol) throw new ExpressionError(s.exprExpectedSymbol({ symbol: String(symbol), found: describeToken(token, s) }), token.at);
  };

  const readNumber = (): number => {
    const negative = isSymbol("-") ? (next(), -1) : 1;
    const token = next();
    if (token.kind !== "number") throw new ExpressionError(s.exprExpectedNumber({ found: describeToken(token, s) }), token.at);
    return negative * token.value;
  };

  const primary = (): Value => {
    const token = next();
    if (token.kind === "number") return count(new Value(token.value, String(token.value)));
    if (token.kind === "symbol" && token.value === "(") {
      const inner = sum();
      expect(")");
      return inner;
    }
    if (token.kind === "name") {
      if ((FUNCTIONS as readonly string[]).includes(token.value)) {
        expect("(");
        const argument = sum();
        expect(")");
        return count(argument[token.value as (typeof FUNCTIONS)[number]]());
      }
      if (Object.hasOwn(inputs, token.value)) {
        let leaf = leaves.get(token.value);
        if (!leaf) {
          leaf = count(new Value(inputs[token.value], token.value));
          leaves.set(token.value, leaf);
        }
        return leaf;
      }
      throw new ExpressionError(s.exprUnknownName({ name: String(token.value), inputs: Object.keys(inputs).join(", "), functions: FUNCTIONS.join(", ") }), token.at);
    }
    throw new ExpressionError(s.exprExpectedOperand({ found: describeToken(token, s) }), token.at);
  };

  const postfix = (): Value => {
    let value = primary();
    while (isSymbol(".")) {
      next();
      const method = next();
      if (method.kind !== "name") throw new ExpressionError(s.exprExpectedMethod({ found: describeToken(method, s) }), method.at);
      expect("(");
      if ((BINARY_METHODS as readonly string[]).includes(method.value)) {
        value = count(value[method.value as (typeof BINARY_METHODS)[number]](sum()));
      } else if (method.value === "pow") {
        value = count(value.pow(readNumber()));
      } else if ((FUNCTIONS as readonly string[]).includes(method.value) || method.value === "neg") {
        value = count(value[method.value as (typeof FUNCTIONS)[number] | "neg"]());
      } else {
        throw new ExpressionError(s.exprNoMethod({ method: String(method.value), methods: [...BINARY_METHODS, "pow", "neg", ...FUNCTIONS].join(", ") }), method.at);
      }
      expect(")");
    }
    return value;
  };

  const power = (): Value => {
    const base = postfix();
    if (!isSymbol("^")) return base;
    next();
    return count(base.pow(readNumber()));
  };

  const unary = (): Value => {
    if (isSymbol("-")) {
      next();
      return count(unary().neg());
    }
    return power();
  };

  // Operands joined by operators of one precedence, applied left to right: a − b − c is (a − b) − c.
  const leftToRight = (operand: () => Value, operators: Readonly<Record<string, (left: Value, right: Value) => Value>>): Value => {
    let value = operand();
    for (let token = peek(); token.kind === "symbol" && Object.hasOwn(operators, token.value); token = peek()) {
      next();
      value = count(operators[token.value](value, operand()));
    }
    return value;
  };
  const product = (): Value => leftToRight(unary, { "*": (left, right) => left.mul(right), "/": (left, right) => left.div(right) });
  const sum = (): Value => leftToRight(product, { "+": (left, right) => left.add(right), "-": (left, right) => left.sub(right) });

  if (peek().kind === "end") throw new ExpressionError(s.exprEmpty, 0);
  const output = sum();
  const rest = peek();
  if (rest.kind !== "end") throw new ExpressionError(s.exprTrailing({ token: String(rest.value) }), rest.at);
  // The output is f, as in the chapter's formulas, unless it is an input or a constant itself.
  if (/^n\d+$/.test(output.label) && !leaves.has(output.label)) output.label = "f";
  return output;
}

function tokenize(source: string, s: Strings): Token[] {
  const tokens: Token[] = [];
  const pattern = /\s*(?:(\d+(?:\.\d*)?|\.\d+)|([A-Za-z_]\w*)|(\*\*|[-+*/^().,]))/y;
  let at = 0;
  while (at < source.length) {
    if (/^\s*$/.test(source.slice(at))) break;
    pattern.lastIndex = at;
    const match = pattern.exec(source);
    if (!match) {
      const bad = source.slice(at).trimStart()[0];
      throw new ExpressionError(s.exprBadCharacter({ character: bad }), source.indexOf(bad, at));
    }
    const start = match.index + match[0].length - (match[1] ?? match[2] ?? match[3]).length;
    if (match[1] !== undefined) tokens.push({ kind: "number", value: Number(match[1]), at: start });
    else if (match[2] !== undefined) tokens.push({ kind: "name", value: match[2], at: start });
    else tokens.push({ kind: "symbol", value: match[3] === "**" ? "^" : match[3], at: start });
    at = pattern.lastIndex;
  }
  tokens.push({ kind: "end", at: source.length });
  return tokens;
}

function describeToken(token: Token, s: Strings): string {
  if (token.kind === "end") return s.exprEnded;
  return s.exprFound({ token: String(token.value) });
}
