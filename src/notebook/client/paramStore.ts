/**
 * The page's address state: the <Param> values and any other setting a link carries (the
 * playground's `pg*` keys). Read once from the URL, validated in one place (a bad value keeps its
 * default and earns one notice), written back with replaceState, and observed by cells and widgets.
 * The only module that reads or writes `location` or `history`.
 */
import type { ParamValue } from "../kernel";
import { parseParamQuery, formatParamQuery, acceptParamValue, type ParamSpec } from "../params";

type Listener = (name: string, values: Readonly<Record<string, ParamValue>>) => void;

// The documented page-wide state: one set of params per page, shared by every cell and widget.
const specs = new Map<string, ParamSpec>();
const values: Record<string, ParamValue> = {};
const listeners = new Set<Listener>();

const MAX_QUERY_VALUE_LENGTH = 40; // as for params: no real setting is longer

/** The page's path without query or hash: the key for what is saved per page. */
export function pagePath(): string {
  return location.pathname;
}

/** Whether the page's URL sets any of `keys`. */
export function addressHas(keys: Iterable<string>): boolean {
  const query = new URLSearchParams(location.search);
  for (const key of keys) if (query.has(key)) return true;
  return false;
}

/**
 * Reads one non-param setting from the URL: undefined when absent; when present but refused by
 * `parse`, undefined plus a notice naming `allowed` (so the caller keeps its default).
 */
export function readAddressValue<T>(key: string, parse: (text: string) => T | undefined, allowed: string): T | undefined {
  const raw = new URLSearchParams(location.search).get(key);
  if (raw === null) return undefined;
  const parsed = raw.length <= MAX_QUERY_VALUE_LENGTH ? parse(raw) : undefined;
  if (parsed === undefined) {
    const shown = raw.length > MAX_QUERY_VALUE_LENGTH ? `${raw.slice(0, MAX_QUERY_VALUE_LENGTH)}…` : raw;
    showNotice(`The link set ${key} to "${shown}", which is not allowed (${allowed}); using the default instead.`);
  }
  return parsed;
}

/** Writes non-param settings into the URL (undefined removes a key), keeping every other key. */
export function writeAddressValues(entries: Readonly<Record<string, string | undefined>>): void {
  const query = new URLSearchParams(location.search);
  for (const [key, value] of Object.entries(entries)) {
    if (value === undefined) query.delete(key);
    else query.set(key, value);
  }
  const text = query.toString();
  replaceSearch(text ? `?${text}` : "");
}

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
  replaceSearch(formatParamQuery(location.search, values, [...specs.values()]));
  for (const listener of listeners) listener(name, readParams());
}

/** Calls `listener` after every change; returns the function that stops it. */
export function watchParams(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function replaceSearch(search: string): void {
  history.replaceState(history.state, "", location.pathname + search + location.hash);
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
