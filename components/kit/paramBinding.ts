/**
 * The build side of the one param binding: a widget's MDX names the page params it binds by the
 * widget's own role names (`params={{ learningRate: "lr" }}`), remarkNotebookCells hands it the
 * page's specs as `pageParams`, and `bindParams` turns both into typed values for the saved figure
 * and the `data-params` attribute the element reads. Defaults and ranges live only in the `<Param>`.
 */
import type { ParamSpec, NumberParamSpec, ChoiceParamSpec } from "../../src/notebook/params";
import type { ParamValue } from "../../src/notebook/kernel";

/** The props every kit widget takes for its params. */
export interface BindingProps<R extends string> {
  /** Role name → page param name, written in the MDX. */
  params?: Partial<Record<R, string>>;
  /** The page's specs of the bound params (JSON), injected by remarkNotebookCells. */
  pageParams?: string;
}

/** A widget's params resolved at build time. */
export interface ParamBinding<R extends string> {
  /** The default value of each role. */
  readonly values: Readonly<Record<R, ParamValue>>;
  /** The spec of each role's param. */
  readonly specs: Readonly<Record<R, ParamSpec>>;
  /** A number role's default (throws for a choice param). */
  number(role: R): number;
  /** A choice role's default (throws for a number param). */
  choice(role: R): string;
  /** The value of the element's `data-params` attribute: role → spec. */
  readonly attribute: string;
}

/** Resolves `roles` of the widget `widget` from its props; any role unbound or bound to a param the page lacks throws a build error naming both. */
export function bindParams<R extends string>(widget: string, roles: readonly R[], props: BindingProps<R>): ParamBinding<R> {
  const bound: Partial<Record<R, string>> = props.params ?? {};
  const page = new Map((JSON.parse(props.pageParams ?? "[]") as ParamSpec[]).map((spec) => [spec.name, spec]));
  const usage = `params={{ ${roles.map((role) => `${role}: "…"`).join(", ")} }}`;
  for (const role of Object.keys(bound)) {
    if (!roles.includes(role as R)) throw new Error(`<${widget}>: it has no param role "${role}"; it binds ${roles.join(", ")} (${usage}).`);
  }
  const specs = {} as Record<R, ParamSpec>;
  for (const role of roles) {
    const name = bound[role];
    if (name === undefined) throw new Error(`<${widget}> needs ${usage}: the role "${role}" is not bound to a <Param>.`);
    const spec = page.get(name);
    if (!spec) throw new Error(`<${widget}>: params binds ${role} to "${name}", but the page has no <Param name="${name}">.`);
    specs[role] = spec;
  }
  const values = Object.fromEntries(roles.map((role) => [role, specs[role].value])) as Record<R, ParamValue>;
  return {
    values,
    specs,
    number(role) {
      const spec = specs[role];
      if (spec.kind !== "number") throw new Error(`<${widget}>: ${role} needs a number <Param>, but "${spec.name}" is a choice.`);
      return (spec as NumberParamSpec).value;
    },
    choice(role) {
      const spec = specs[role];
      if (spec.kind !== "choice") throw new Error(`<${widget}>: ${role} needs a choice <Param>, but "${spec.name}" is a number.`);
      return (spec as ChoiceParamSpec).value;
    },
    attribute: JSON.stringify(specs),
  };
}
