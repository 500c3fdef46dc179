/**
 * Which params a GraphStepper binds, checked at build time: binding `expression` to the page's choice
 * param makes the stepper follow the reader's choice of graph, so that param must offer exactly the
 * graphs the stepper can draw; every input the stepper may draw must be bound, since its value comes
 * only from the page's <Param>.
 */
import type { ParamSpec } from "../../src/notebook/params";
import type { ParamValue } from "../../src/notebook/kernel";
import { DESCRIPTIONS, GRAPH_CHOICES, INPUT_NAMES, isExpressionName, type ExpressionName, type InputName, type Inputs } from "./expressions.ts";

/** The roles GraphStepper can bind: the choice of graph, and the inputs. */
export type StepperRole = "expression" | InputName;

/** Every role, in the order the MDX usually lists them. */
export const STEPPER_ROLES: readonly StepperRole[] = ["expression", ...INPUT_NAMES];

/** What the stepper shows first, and whether it follows the page's choice of graph. */
export interface StepperPlan {
  expression: ExpressionName;
  follows: boolean;
}

/**
 * Checks a stepper's binding (`specs`, by role) with its `expression` prop and returns what it shows;
 * throws a message for the MDX author when the two disagree or an input it may draw is unbound.
 */
export function planStepper(specs: Partial<Record<StepperRole, ParamSpec>>, expression: string | undefined): StepperPlan {
  const choice = specs.expression;
  if (choice) {
    if (expression !== undefined) throw new Error(`GraphStepper: give either expression="${expression}" or a bound expression param, not both (the param's value is the first graph)`);
    if (choice.kind !== "choice") throw new Error(`GraphStepper: expression is bound to "${choice.name}", which is a number; bind it to the choice of graph`);
    const offered = [...choice.choices].sort().join(", ");
    const drawn = [...GRAPH_CHOICES].sort().join(", ");
    if (offered !== drawn) throw new Error(`GraphStepper: <Param name="${choice.name}"> offers ${offered}, but the stepper draws ${drawn}`);
    if (!isExpressionName(choice.value)) throw new Error(`GraphStepper: <Param name="${choice.name}"> starts on "${choice.value}"; start it on one of ${Object.keys(DESCRIPTIONS).join(", ")}`);
  }
  const shown = choice ? String(choice.value) : (expression ?? "fan-out");
  if (!isExpressionName(shown)) throw new Error(`GraphStepper: unknown expression ${JSON.stringify(shown)}`);
  // A stepper that follows may be asked for any graph, the reader's own included, so it needs every input.
  const needed = choice ? INPUT_NAMES : DESCRIPTIONS[shown].inputs;
  const missing = needed.filter((name) => specs[name] === undefined);
  if (missing.length > 0) throw new Error(`GraphStepper: bind ${missing.map((name) => `${name}: "…"`).join(", ")} in params, the inputs ${choice ? "the graphs it can follow read" : `"${shown}" reads`}`);
  for (const name of INPUT_NAMES) {
    if (specs[name] && specs[name].kind !== "number") throw new Error(`GraphStepper: the input ${name} is bound to "${specs[name].name}", which is not a number`);
  }
  return { expression: shown, follows: choice !== undefined };
}

/** The bound inputs' values, from the params' values by role. */
export function readInputs(values: Partial<Record<StepperRole, ParamValue>>): Inputs {
  const inputs: Inputs = {};
  for (const name of INPUT_NAMES) {
    const value = values[name];
    if (typeof value === "number") inputs[name] = value;
  }
  return inputs;
}
