/**
 * The page's parameter values: read once from the URL, changed by <Param> inputs, written back
 * with replaceState, and observed by cells and widgets. The only place that touches location.
 */
import type { ParamValue } from "../kernel";
import { parseParamQuery, formatParamQuery, acceptParamValue, type ParamSpec } from "../params";

type Listener = (name: string, values: Readonly<Record<string, ParamValue>>) => void;

const specs = new Map<string, ParamSpec>();
const values: Record<string, ParamValue> = {};
const listeners = new Set<Listener>();

/** Registers a param rendered on the page and returns its value from the URL (or its default). */
export function registerParam(spec: ParamSpec): ParamValue {
  if (!specs.has(spec.name)) {
    specs.set(spec.name, spec);
    const parsed = parseParamQuery(location.search, [spec]);
    values[spec.name] = parsed.values[spec.name];
    for (const notice of parsed.notices) showNotice(notice);
  }
  return values[spec.name];
}

/** The current values of every registered param. */
export function readParams(): Readonly<Record<string, ParamValue>> {
  return { ...values };
}

/** The spec of a registered param, if any. */
export function findParamSpec(name: string): ParamSpec | undefined {
  return specs.get(name);
}

/** Sets a param (ignored when not allowed), updates the URL and tells every listener. */
export function setParam(name: string, value: ParamValue): void {
  const spec = specs.get(name);
  if (!spec) return;
  const accepted = acceptParamValue(spec, value);
  if (accepted === undefined || accepted === values[name]) return;
  values[name] = accepted;
  history.replaceState(history.state, "", location.pathname + formatParamQuery(location.search, values, [...specs.values()]) + location.hash);
  for (const listener of listeners) listener(name, readParams());
}

/** Calls `listener` after every change; returns the function that stops it. */
export function watchParams(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function showNotice(text: string): void {
  let notice = document.querySelector<HTMLElement>("[data-nb-param-notice]");
  if (!notice) {
    notice = document.createElement("div");
    notice.className = "nb-param-notice";
    notice.setAttribute("role", "status");
    notice.dataset.nbParamNotice = "";
    const host = document.querySelector("main article, main") ?? document.body;
    host.prepend(notice);
  }
  const line = document.createElement("p");
  line.textContent = text;
  notice.append(line);
}
