/**
 * The client side of the one param binding: a widget reads the params its element's `data-params`
 * names (written by `bindParams`) by its own role names, hears when they change, and writes one back.
 */
import { findParamSpec, readParams, registerParam, setParam, watchParams } from "../../src/notebook/client/paramStore";
import { snapParamValue, type ParamSpec } from "../../src/notebook/params";
import type { ParamValue } from "../../src/notebook/kernel";

/** A widget's bound params, by role. */
export interface BoundParams<R extends string = string> {
  /** The roles bound on this element. */
  readonly roles: readonly R[];
  /** A role's current value (from the URL, the reader, or the `<Param>`'s default). */
  value(role: R): ParamValue;
  /** A number role's current value. */
  number(role: R): number;
  /** Every role's current value. */
  values(): Record<R, ParamValue>;
  /** The spec of a role's param. */
  spec(role: R): ParamSpec;
  /** Sets a number role, snapped to its grid and range; returns the value it now has. */
  write(role: R, value: number): number;
  /** Calls `listener` with the role after each change of a bound param; returns the function that stops it. */
  watch(listener: (role: R) => void): () => void;
}

/** Reads the binding on `element` (its `data-params`) and registers its params with the page's store. */
export function readBoundParams<R extends string = string>(element: HTMLElement): BoundParams<R> {
  const specs = JSON.parse(element.dataset.params ?? "{}") as Record<R, ParamSpec>;
  const roles = Object.keys(specs) as R[];
  // Registering here, not only in <Param>, makes the widget independent of which element connects first.
  for (const role of roles) registerParam(specs[role]);
  const value = (role: R): ParamValue => readParams()[specs[role].name] ?? specs[role].value;
  return {
    roles,
    value,
    number(role) {
      const current = value(role);
      return typeof current === "number" ? current : Number(current);
    },
    values() {
      return Object.fromEntries(roles.map((role) => [role, value(role)])) as Record<R, ParamValue>;
    },
    spec(role) {
      return findParamSpec(specs[role].name) ?? specs[role];
    },
    write(role, next) {
      const spec = this.spec(role);
      if (spec.kind !== "number") throw new Error(`${role} is bound to the choice param ${spec.name}, not a number`);
      setParam(spec.name, snapParamValue(spec, next));
      return this.number(role);
    },
    watch(listener) {
      const byName = new Map(roles.map((role) => [specs[role].name, role]));
      return watchParams((name) => {
        const role = byName.get(name);
        if (role !== undefined) listener(role);
      });
    },
  };
}
