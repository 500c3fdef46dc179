/**
 * Page parameters (`<Param>`): their specs, checks of authors' props, stepping, and the URL
 * query that carries their values. Pure functions of strings and specs, so they test in Node.
 */
import type { ParamValue } from "./kernel";
import { enNotebook } from "../i18n/notebook.en";
import type { NotebookStrings } from "../i18n/types";
import { latinWidths } from "../site/latinWidths";

/** A number the reader drags, types or steps; `step` makes it an integer or a grid, `log` steps by ratios. */
export interface NumberParamSpec {
  kind: "number";
  name: string;
  value: number;
  min: number;
  max: number;
  step?: number;
  scale: "linear" | "log";
}

/** One of a few named choices, e.g. an activation function. */
export interface ChoiceParamSpec {
  kind: "choice";
  name: string;
  value: string;
  choices: string[];
}

/** Either kind of parameter. */
export type ParamSpec = NumberParamSpec | ChoiceParamSpec;

/** What an author wrote on `<Param …/>`. */
export interface ParamProps {
  name?: unknown;
  value?: unknown;
  min?: unknown;
  max?: unknown;
  step?: unknown;
  scale?: unknown;
  choices?: unknown;
}

/** Validates an author's props and returns the spec; throws an Error that names the parameter and the fault. */
export function toParamSpec(props: ParamProps): ParamSpec {
  const name = props.name;
  if (typeof name !== "string" || !/^[A-Za-z_][\w]*$/.test(name)) throw new Error(`<Param> needs name="identifier", got ${JSON.stringify(name)}`);
  const fail = (why: string): never => {
    throw new Error(`<Param name="${name}">: ${why}`);
  };
  if (props.choices !== undefined) {
    const choices = props.choices;
    if (!Array.isArray(choices) || choices.length < 2 || !choices.every((c) => typeof c === "string" && c !== "")) fail("choices must be two or more non-empty strings");
    const list = choices as string[];
    if (new Set(list).size !== list.length) fail("choices repeat");
    if (typeof props.value !== "string" || !list.includes(props.value)) fail(`value ${JSON.stringify(props.value)} is not one of the choices ${list.join(", ")}`);
    return { kind: "choice", name, value: props.value as string, choices: list };
  }
  const { value, min, max } = props;
  for (const [key, number] of Object.entries({ value, min, max })) {
    if (typeof number !== "number" || !Number.isFinite(number)) fail(`${key} must be a finite number, got ${JSON.stringify(number)}`);
  }
  const [v, lo, hi] = [value, min, max] as number[];
  if (lo > hi) fail(`min ${lo} is greater than max ${hi}`);
  if (v < lo || v > hi) fail(`value ${v} is outside [${lo}, ${hi}]`);
  const scale = props.scale ?? "linear";
  if (scale !== "linear" && scale !== "log") fail(`scale must be "linear" or "log", got ${JSON.stringify(scale)}`);
  if (scale === "log" && lo <= 0) fail(`a log scale needs min > 0, got ${lo}`);
  if (props.step !== undefined && (typeof props.step !== "number" || !(props.step > 0))) fail(`step must be a positive number, got ${JSON.stringify(props.step)}`);
  const step = props.step as number | undefined;
  if (step !== undefined && !isOnGrid(v, lo, step)) fail(`value ${v} is not min + a multiple of step ${step}`);
  return { kind: "number", name, value: v, min: lo, max: hi, step, scale: scale as "linear" | "log" };
}

/** Throws when two specs share a name but disagree; returns one spec per name. */
export function mergeParamSpecs(specs: readonly ParamSpec[]): ParamSpec[] {
  const byName = new Map<string, ParamSpec>();
  for (const spec of specs) {
    const earlier = byName.get(spec.name);
    if (earlier && JSON.stringify(earlier) !== JSON.stringify(spec)) {
      throw new Error(`<Param name="${spec.name}"> appears twice with different props: ${JSON.stringify(earlier)} and ${JSON.stringify(spec)}`);
    }
    byName.set(spec.name, spec);
  }
  return [...byName.values()];
}

/** Checks a value against a spec: the value itself when allowed, otherwise undefined. */
export function acceptParamValue(spec: ParamSpec, value: unknown): ParamValue | undefined {
  if (spec.kind === "choice") return typeof value === "string" && spec.choices.includes(value) ? value : undefined;
  if (typeof value !== "number" || !Number.isFinite(value) || value < spec.min || value > spec.max) return undefined;
  if (spec.step !== undefined && !isOnGrid(value, spec.min, spec.step)) return undefined;
  return value;
}

/** The result of reading parameter values from a query string. */
export interface ParsedParams {
  values: Record<string, ParamValue>;
  /** One sentence per rejected value, for the page's role="status" notice. */
  notices: string[];
}

const MAX_QUERY_VALUE_LENGTH = 40; // no real value is longer; a longer one is junk or an attack

/** Reads values from a query string like "?lr=0.1&hidden=8"; a bad value keeps its default and earns a notice. */
export function parseParamQuery(search: string, specs: readonly ParamSpec[], s: NotebookStrings = enNotebook): ParsedParams {
  const query = new URLSearchParams(search);
  const values: Record<string, ParamValue> = {};
  const notices: string[] = [];
  for (const spec of specs) {
    values[spec.name] = spec.value;
    const raw = query.get(spec.name);
    if (raw === null) continue;
    const shown = raw.length > MAX_QUERY_VALUE_LENGTH ? `${raw.slice(0, MAX_QUERY_VALUE_LENGTH)}…` : raw;
    const candidate = spec.kind === "number" && raw.length <= MAX_QUERY_VALUE_LENGTH && raw.trim() !== "" ? Number(raw) : raw;
    const accepted = raw.length <= MAX_QUERY_VALUE_LENGTH ? acceptParamValue(spec, candidate) : undefined;
    if (accepted === undefined) {
      notices.push(s.paramLinkRefused({ name: spec.name, shown, allowed: describeAllowed(spec, s), used: formatParamValue(spec, spec.value) }));
    } else {
      values[spec.name] = accepted;
    }
  }
  return { values, notices };
}

/** The query string for these values: defaults are left out, other keys in `search` are kept. */
export function formatParamQuery(search: string, values: Readonly<Record<string, ParamValue>>, specs: readonly ParamSpec[]): string {
  const query = new URLSearchParams(search);
  for (const spec of specs) {
    const value = values[spec.name];
    if (value === undefined || value === spec.value) query.delete(spec.name);
    else query.set(spec.name, String(value));
  }
  const text = query.toString();
  return text ? `?${text}` : "";
}

/** The value `steps` keyboard steps away (negative steps go down), kept inside the range. */
export function stepParamValue(spec: ParamSpec, value: ParamValue, steps: number): ParamValue {
  if (spec.kind === "choice") {
    const index = spec.choices.indexOf(String(value));
    return spec.choices[Math.min(spec.choices.length - 1, Math.max(0, index + Math.sign(steps) * Math.max(1, Math.abs(Math.round(steps)))))];
  }
  const current = Number(value);
  let next: number;
  if (spec.step !== undefined) next = current + steps * spec.step;
  else if (spec.scale === "log") next = current * Math.pow(10, steps / 10); // ten steps per decade
  else next = current + (steps * (spec.max - spec.min)) / 100;
  return snapParamValue(spec, next);
}

/** Clamps to the range, snaps to the step grid, and rounds away floating-point noise. */
export function snapParamValue(spec: NumberParamSpec, value: number): number {
  let next = Math.min(spec.max, Math.max(spec.min, value));
  if (spec.step !== undefined) next = spec.min + Math.round((next - spec.min) / spec.step) * spec.step;
  next = Number(next.toPrecision(spec.step !== undefined ? 12 : 3));
  return Math.min(spec.max, Math.max(spec.min, next));
}

/** How a value reads in the sentence, e.g. "0.03" or "tanh". */
export function formatParamValue(spec: ParamSpec, value: ParamValue): string {
  if (spec.kind === "choice" || typeof value !== "number") return String(value);
  return String(Number(value.toPrecision(6)));
}

/** How many characters wide a number's field is drawn for `text`: its length, from 2 to 12 (longer text scrolls in the field). */
export function paramChars(text: string): number {
  return Math.max(2, Math.min(12, text.length));
}

/** How many characters wide a choice is drawn: its longest label's, a Chinese character counting two, so every choice fits one box. */
export function choiceChars(labels: string[]): number {
  return Math.max(2, ...labels.map(latinWidths));
}

/** The allowed values in a few words, e.g. "0.1 to 100" or "1 to 8, whole numbers". */
export function describeAllowed(spec: ParamSpec, s: NotebookStrings = enNotebook): string {
  if (spec.kind === "choice") return s.paramOneOf({ choices: spec.choices.map((choice) => s.paramChoice({ choice })).join(s.paramChoiceSeparator) });
  const range = { min: String(spec.min), max: String(spec.max) };
  if (spec.step === undefined) return s.paramRange(range);
  return spec.step === 1 ? s.paramRangeWhole(range) : s.paramRangeStep({ ...range, step: String(spec.step) });
}

function isOnGrid(value: number, min: number, step: number): boolean {
  const steps = (value - min) / step;
  return Math.abs(steps - Math.round(steps)) < 1e-9;
}

/** What typing into a number param gives: the value to use (undefined when refused) and, when it was changed or refused, why. */
export interface TypedParamValue {
  value: number | undefined;
  notice?: string;
}

/**
 * Reads what a reader typed into a number param. A decimal comma counts as a point; a value
 * outside the range or off the step grid is moved to the nearest allowed one; anything else is
 * refused. Every change and refusal comes with a short notice naming the allowed range.
 */
export function readTypedParamValue(spec: NumberParamSpec, text: string, s: NotebookStrings = enNotebook): TypedParamValue {
  const trimmed = text.trim();
  const normalised = /^[-+−]?\d*,\d+(?:e[-+]?\d+)?$/i.test(trimmed) ? trimmed.replace(",", ".") : trimmed;
  const typed = Number(normalised.replace("−", "-"));
  const allowed = describeAllowed(spec, s);
  if (trimmed === "" || !Number.isFinite(typed)) {
    const shown = trimmed.length > 12 ? `${trimmed.slice(0, 12)}…` : trimmed;
    return { value: undefined, notice: trimmed === "" ? s.paramTypeNumber({ allowed }) : s.paramNotNumber({ shown, allowed }) };
  }
  if (acceptParamValue(spec, typed) !== undefined) return { value: typed };
  const value = snapParamValue(spec, typed);
  const shownTyped = formatParamValue(spec, typed);
  const shownValue = formatParamValue(spec, value);
  const slots = { typed: shownTyped, used: shownValue, allowed };
  if (typed > spec.max) return { value, notice: s.paramAboveMax(slots) };
  if (typed < spec.min) return { value, notice: s.paramBelowMin(slots) };
  return { value, notice: s.paramBetweenSteps(slots) };
}

/** The notice when a key cannot move a number further, e.g. "Already at the maximum, 100 (0.1 to 100)." */
export function describeLimit(spec: NumberParamSpec, value: number, steps: number, s: NotebookStrings = enNotebook): string | undefined {
  if (steps > 0 && value >= spec.max) return s.paramAtMax({ value: formatParamValue(spec, spec.max), allowed: describeAllowed(spec, s) });
  if (steps < 0 && value <= spec.min) return s.paramAtMin({ value: formatParamValue(spec, spec.min), allowed: describeAllowed(spec, s) });
  return undefined;
}

/** Pixels of sideways drag that take a log-scale number across one decade (×10). */
export const DRAG_PIXELS_PER_DECADE = 120;
/** Pixels of sideways drag that take a linear number across its whole range. */
export const DRAG_PIXELS_PER_RANGE = 300;
const MIN_DRAG_PIXELS_PER_STEP = 8; // a stepped value moves at most one step per this many pixels

/** The value after dragging `pixels` sideways from `start`: a fixed distance per decade on a log scale, per range on a linear one. */
export function dragParamValue(spec: NumberParamSpec, start: number, pixels: number): number {
  if (spec.scale === "log") return snapParamValue(spec, start * Math.pow(10, pixels / DRAG_PIXELS_PER_DECADE));
  if (spec.step !== undefined) {
    const stepCount = (spec.max - spec.min) / spec.step;
    const pixelsPerStep = Math.max(MIN_DRAG_PIXELS_PER_STEP, DRAG_PIXELS_PER_RANGE / stepCount);
    return snapParamValue(spec, start + Math.trunc(pixels / pixelsPerStep) * spec.step);
  }
  return snapParamValue(spec, start + (pixels / DRAG_PIXELS_PER_RANGE) * (spec.max - spec.min));
}
