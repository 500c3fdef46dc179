/**
 * The playground's form: a control's value read exactly as a link's would be (so a typed value and
 * a shared URL obey one set of rules), and the configuration written back into every control.
 */
import { readTypedParamValue, type ParamSpec } from "../../src/notebook/params";
import { LIMITS, PARSERS, PLAYGROUND_ROLES, describeAllowed, formatValue, type PlaygroundConfig, type PlaygroundRole } from "./config";
import { QUERY_KEYS } from "./queryKeys";
import { en } from "../../src/i18n/en";
import type { Strings } from "../../src/i18n/types";
import { pageStrings } from "../../src/i18n/strings";

/** Settings that one select or number input sets directly, by its data-control name. */
const DIRECT_CONTROLS = ["dataset", "activation", "loss", "optimizer", "learningRate", "momentum", "batchSize", "weightDecay", "seed", "speed"] as const;

/** A control's value as a change to the configuration (with why it was moved into range, if it was), or why it was refused and the value to put back. */
export type ControlReading = { patch: Partial<PlaygroundConfig>; notice?: string } | { refusal: string; restore: string };

/**
 * Reads the value `raw` of the control `name` ("layers", "units" with its `layer`, or a setting's own
 * name); a bound setting obeys its <Param>'s `spec`, the others the rules a link obeys.
 */
export function readControl(name: string, raw: string, config: Readonly<PlaygroundConfig>, specs: Readonly<Record<PlaygroundRole, ParamSpec>>, layer?: number, s: Strings = en): ControlReading | undefined {
  if (name === "layers") {
    const count = Number(raw);
    if (!Number.isInteger(count) || count < 0 || count > LIMITS.hiddenLayers) {
      return { refusal: s.pgLayersRefused({ max: LIMITS.hiddenLayers }), restore: String(config.hidden.length) };
    }
    // New layers copy the last one's size, so adding a layer changes one thing at a time.
    return { patch: { hidden: Array.from({ length: count }, (_, i) => config.hidden[i] ?? config.hidden[config.hidden.length - 1] ?? 4) } };
  }
  if (name === "units" && layer !== undefined) {
    const units = Number(raw);
    if (!Number.isInteger(units) || units < 1 || units > LIMITS.unitsPerLayer) {
      return { refusal: s.pgUnitsRefused({ max: LIMITS.unitsPerLayer }), restore: String(config.hidden[layer]) };
    }
    const hidden = [...config.hidden];
    hidden[layer] = units;
    return { patch: { hidden } };
  }
  const key = DIRECT_CONTROLS.find((candidate) => candidate === name);
  if (!key) return undefined; // the class of new points is read when a point is added
  const restore = formatValue(key, config);
  const role = PLAYGROUND_ROLES.find((candidate) => candidate === key);
  if (role) {
    const spec = specs[role];
    if (spec.kind === "number") {
      const typed = readTypedParamValue(spec, raw, s);
      return typed.value === undefined ? { refusal: typed.notice!, restore } : { patch: { [role]: typed.value }, notice: typed.notice };
    }
    return spec.choices.includes(raw) ? { patch: { [role]: raw } } : { refusal: s.pgChoiceRefused({ raw, choices: spec.choices.join(", ") }), restore };
  }
  const setting = key as Exclude<typeof key, PlaygroundRole>;
  const value = PARSERS[setting](raw);
  if (value === undefined) return { refusal: s.pgSettingRefused({ key: QUERY_KEYS[setting], raw: raw.slice(0, 40), allowed: describeAllowed(setting, s) }), restore };
  return { patch: { [setting]: value } };
}

function control<T extends HTMLElement = HTMLInputElement>(element: HTMLElement, name: string): T {
  return element.querySelector<T>(`[data-control="${name}"]`)!;
}

/** One number input per hidden layer, for its units. */
function renderUnitInputs(count: number): HTMLLabelElement[] {
  return Array.from({ length: count }, (_, i) => {
    const label = document.createElement("label");
    label.className = "pg-unit-count";
    const text = document.createElement("span");
    text.textContent = `layer ${i + 1}`;
    const input = document.createElement("input");
    Object.assign(input, { type: "number", min: "1", max: String(LIMITS.unitsPerLayer), step: "1" });
    input.dataset.layer = String(i);
    label.append(text, input);
    return label;
  });
}

/**
 * Puts the configuration into every control but the one the reader is in (what they typed stays as
 * they typed it), shows the custom data's tools, and makes the plane a point target for custom data.
 */
export function showControls(element: HTMLElement, config: Readonly<PlaygroundConfig>): void {
  const put = (input: HTMLInputElement | HTMLSelectElement, value: string) => {
    if (document.activeElement !== input) input.value = value;
  };
  for (const key of DIRECT_CONTROLS) put(control<HTMLInputElement | HTMLSelectElement>(element, key), String(config[key]));
  put(control(element, "layers"), String(config.hidden.length));
  const units = control(element, "units");
  if (units.querySelectorAll("input").length !== config.hidden.length) units.replaceChildren(...renderUnitInputs(config.hidden.length));
  units.querySelectorAll("input").forEach((input, i) => put(input, String(config.hidden[i])));
  // α only enters the momentum rules; the input is disabled (its value kept) for the others.
  control(element, "momentum").disabled = config.optimizer !== "momentum" && config.optimizer !== "nesterov";
  const custom = config.dataset === "custom";
  element.querySelector<HTMLElement>("[data-custom-tools]")!.hidden = !custom;
  const plane = element.querySelector<HTMLElement>("[data-decision]")!;
  plane.tabIndex = custom ? 0 : -1;
  plane.classList.toggle("pg-clickable", custom);
  if (custom) {
    plane.setAttribute("role", "application");
    plane.setAttribute("aria-label", pageStrings().pgPlaneAria);
  } else {
    plane.removeAttribute("role");
    plane.removeAttribute("aria-label");
  }
}

/** Marks a refused control and puts back the value in force. */
export function markRefused(input: HTMLInputElement | HTMLSelectElement, restore: string): void {
  input.setAttribute("aria-invalid", "true");
  input.value = restore;
}
