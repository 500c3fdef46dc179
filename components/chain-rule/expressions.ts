/**
 * The expressions the graph stepper can show, built with the engine's `Value` from the page's
 * input params (their values come only from the page's <Param>s). Every intermediate node is
 * named, so each step's formula reads in letters.
 */
import { Value } from "../../src/engine/index.ts";

/** The graphs the reader can pick in the sentence above the stepper. */
export const EXPRESSIONS = ["fan-out", "neuron", "loss"] as const;

/** What the `graph` param offers: the built-in expressions, or one the reader types. */
export const GRAPH_CHOICES = [...EXPRESSIONS, "your own"] as const;

/** The expression the stepper shows when the reader first picks "your own". */
export const DEFAULT_OWN_EXPRESSION = "tanh(u * v + u)";

/** One of EXPRESSIONS. */
export type ExpressionName = (typeof EXPRESSIONS)[number];

/** The inputs an expression can read, each bound to one of the page's number <Param>s. */
export const INPUT_NAMES = ["u", "v", "w1", "x1", "w2", "x2", "b", "t"] as const;

/** One of INPUT_NAMES. */
export type InputName = (typeof INPUT_NAMES)[number];

/** Values for the inputs a stepper binds (an expression reads only its own, listed in DESCRIPTIONS). */
export type Inputs = Partial<Record<InputName, number>>;

/** What the stepper says next to each graph: its formula, model, activation and loss, and which inputs it reads. */
export const DESCRIPTIONS: Record<ExpressionName, { formula: string; model: string; activation: string; loss: string; inputs: InputName[] }> = {
  "fan-out": { formula: "f = (u + v)(v + 1)", model: "an expression, no network", activation: "none", loss: "none (the output is f)", inputs: ["u", "v"] },
  neuron: { formula: "a = σ(w₁x₁ + w₂x₂ + b)", model: "one unit with two inputs", activation: "sigmoid σ", loss: "none (the output is a)", inputs: ["w1", "x1", "w2", "x2", "b"] },
  loss: { formula: "E = ½(t − σ(w₁x₁ + w₂x₂ + b))²", model: "one unit with two inputs", activation: "sigmoid σ", loss: "squared error E = ½(t − a)²", inputs: ["w1", "x1", "w2", "x2", "b", "t"] },
};

/** True when `name` is one of EXPRESSIONS. */
export function isExpressionName(name: unknown): name is ExpressionName {
  return typeof name === "string" && (EXPRESSIONS as readonly string[]).includes(name);
}

/** Builds the named expression from the inputs and returns its output node (backward not yet run); throws naming an input it needs but was not given. */
export function buildExpression(name: ExpressionName, inputs: Inputs): Value {
  const leaf = (input: InputName) => {
    const value = inputs[input];
    if (value === undefined) throw new Error(`the graph "${name}" reads the input ${input}, which is not given`);
    return new Value(value, input);
  };
  if (name === "fan-out") {
    const u = leaf("u");
    const v = leaf("v");
    const p = u.add(v).named("p");
    const q = v.add(1).named("q");
    return p.mul(q).named("f");
  }
  const a = buildNeuron(leaf);
  if (name === "neuron") return a;
  const t = leaf("t");
  const r = t.sub(a).named("r");
  return r.pow(2).named("r²").mul(0.5).named("E");
}

// z = w₁x₁ + w₂x₂ + b, a = σ(z), each product named so its step reads ∂m₁/∂w₁ = x₁.
function buildNeuron(leaf: (input: InputName) => Value): Value {
  const [w1, x1, w2, x2, b] = (["w1", "x1", "w2", "x2", "b"] as const).map(leaf);
  const m1 = w1.mul(x1).named("m1");
  const m2 = w2.mul(x2).named("m2");
  const s = m1.add(m2).named("s");
  const z = s.add(b).named("z");
  return z.sigmoid().named("a");
}
