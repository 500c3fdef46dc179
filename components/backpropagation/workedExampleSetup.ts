/**
 * The worked example's editable values, and the record types every view of it shares. Kept apart
 * from the engine so the page's light scripts can read and compare setups without loading it.
 */
import { bindParams, type BindingProps, type ParamBinding } from "../kit/paramBinding";

/** What the reader may edit: inputs x1, x2, targets t1, t2, weights w1…w8, biases b1 (hidden) and b2 (output), learning rate η. */
export interface ExampleSetup {
  x1: number;
  x2: number;
  t1: number;
  t2: number;
  w1: number;
  w2: number;
  w3: number;
  w4: number;
  w5: number;
  w6: number;
  w7: number;
  w8: number;
  b1: number;
  b2: number;
  learningRate: number;
}

/** The setup's fields, in the order the chapter introduces them; also the widgets' param roles. */
export const SETUP_ROLES = ["x1", "x2", "t1", "t2", "w1", "w2", "w3", "w4", "w5", "w6", "w7", "w8", "b1", "b2", "learningRate"] as const;

/** One param role of the worked example's widgets. */
export type SetupRole = (typeof SETUP_ROLES)[number];

/** The eight weights, w1…w8 as the chapter numbers them. */
export const WEIGHT_ROLES = ["w1", "w2", "w3", "w4", "w5", "w6", "w7", "w8"] as const;

/** Reads a setup from values by role, taking `fallback`'s value for anything missing or not finite. */
export function readSetup(values: Readonly<Record<string, unknown>>, fallback: Readonly<ExampleSetup>): ExampleSetup {
  const setup = { ...fallback };
  for (const role of SETUP_ROLES) {
    const value = values[role];
    if (typeof value === "number" && Number.isFinite(value)) setup[role] = value;
  }
  return setup;
}

/** The setup at the page's <Param> defaults, the one place they are written; throws naming a role whose default is not a number. */
export function readDefaultSetup(defaultOf: (role: SetupRole) => unknown): ExampleSetup {
  const setup = {} as ExampleSetup;
  for (const role of SETUP_ROLES) {
    const value = defaultOf(role);
    if (typeof value !== "number" || !Number.isFinite(value)) throw new Error(`The worked example's ${role} needs a number <Param>, but its default is ${JSON.stringify(value)}.`);
    setup[role] = value;
  }
  return setup;
}

/** True when two setups hold the same values. */
export function isSameSetup(a: Readonly<ExampleSetup>, b: Readonly<ExampleSetup>): boolean {
  return SETUP_ROLES.every((role) => a[role] === b[role]);
}

/** The build side of a view that binds the 15 roles (the diagram, the table, each <Num>): its binding and the setup at the <Param>s' defaults. */
export function bindSetup(widget: string, props: BindingProps<SetupRole>): { params: ParamBinding<SetupRole>; setup: ExampleSetup } {
  const params = bindParams<SetupRole>(widget, SETUP_ROLES, props);
  return { params, setup: readDefaultSetup((role) => params.values[role]) };
}

/** One number on the page: its value, the formula in symbols, and the formula with the values substituted. */
export interface NumberRecord {
  value: number;
  formula: string;
  substituted: string;
}

/** Every number of one forward pass, backward pass and update, keyed by a name such as "z_h1" or "grad_w5". */
export type ExampleRecords = Record<string, NumberRecord>;
