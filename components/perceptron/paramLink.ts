/** Ties a widget to one of the page's inline <Param>s through the notebook's param store (browser only). */
import { registerParam, setParam, watchParams } from "../../src/notebook/client/paramStore";
import type { ParamSpec } from "../../src/notebook/params";

/** A widget's handle on a number param: its current value, a setter, and change notifications. */
export interface NumberParamLink {
  get(): number;
  /** Sets the param (snapped and clamped by the store, which also updates the inline number and the URL). */
  set(value: number): void;
}

function findSpec(name: string): ParamSpec | undefined {
  for (const element of document.querySelectorAll<HTMLElement>("nb-param")) {
    try {
      const spec = JSON.parse(element.dataset.spec ?? "{}") as ParamSpec;
      if (spec.name === name) return spec;
    } catch {
      // a malformed spec belongs to another param; keep looking
    }
  }
  return undefined;
}

/**
 * Links the number param `name`: registering its spec here too gives the URL's value even when the widget
 * upgrades before the <Param> element does. Without such a param on the page the value stays local.
 */
export function linkNumberParam(name: string, fallback: number, onChange: (value: number) => void): NumberParamLink {
  const spec = findSpec(name);
  let value = fallback;
  if (spec) {
    const registered = registerParam(spec);
    if (typeof registered === "number" && Number.isFinite(registered)) value = registered;
    watchParams((changed, values) => {
      const next = values[changed];
      if (changed !== name || typeof next !== "number" || !Number.isFinite(next) || next === value) return;
      value = next;
      onChange(value);
    });
  }
  return {
    get: () => value,
    set: (next) => {
      if (spec) setParam(name, next);
      else if (Number.isFinite(next) && next !== value) {
        value = next;
        onChange(value);
      }
    },
  };
}
