/**
 * The live half of <bp-diagram>. Focusing or hovering a number shows its formula; arrow keys on an
 * input, target, bias or weight change that param; the buttons apply the update w ← w − η ∂E/∂w to
 * the weights, or restore the <Param>s' defaults. It starts the worked example's store, which loads
 * the engine at once (so the first edit is quick) and recomputes after every edit, and shows every
 * recomputation here and in the prose's numbers.
 */
import type { BoundParams } from "../kit/boundParams";
import type { WidgetContext, WidgetController } from "../kit/lazyWidget";
import { setParam } from "../../src/notebook/client/paramStore";
import { formatNumber } from "../kit/formatNumber";
import { pageStrings } from "../../src/i18n/strings";
import type { Strings } from "../../src/i18n/types";
import { WEIGHT_ROLES, type SetupRole } from "./workedExampleSetup";
import { formatExampleNumber, formatSetValue } from "./exampleNumberText";
import { describeLine, readLineValue, type LineSource } from "./diagramLineText";
import { createExampleStore, type ExampleState } from "./workedExampleStore";
import { showExampleInProse } from "./exampleNumberRuntime";
import { explainRefusal } from "./updateRefusal";

const NUDGE = 0.01;
/** Shift makes an arrow key's step ten times as big, as the diagram's sentences say (0.01, with Shift 0.1). */
const SHIFT_NUDGE = 10 * NUDGE;
const DIRECTIONS: Record<string, number> = { ArrowUp: 1, ArrowRight: 1, ArrowDown: -1, ArrowLeft: -1 };

/** Takes over the diagram; the saved numbers stay until the first recomputation. */
export function start(element: HTMLElement, { params }: WidgetContext<SetupRole>): Promise<WidgetController<SetupRole>> {
  const store = createExampleStore(params);
  const s = pageStrings();
  const texts = [...element.querySelectorAll<SVGTextElement>("text.bp-line")];
  // The saved sentence for each line; kept current below, and read by the readout.
  const descriptions = new Map([...element.querySelectorAll<HTMLElement>("li[data-key]")].map((li) => [li.dataset.key!, li]));
  const readout = element.querySelector<HTMLElement>(".bp-readout")!;
  const status = element.querySelector<HTMLElement>("[data-status]")!;
  const eta = element.querySelector<HTMLElement>("[data-bp-eta]")!;
  // E as the page shows it, so the status can say what an edit did to it.
  let shownError = element.querySelector('text[data-key="E"] .bp-line-value')!.textContent ?? "";
  let active: SVGTextElement | undefined;
  let steps = 0;

  const show = (text: SVGTextElement | undefined) => {
    active?.removeAttribute("data-active");
    active = text;
    if (!text) return;
    text.setAttribute("data-active", "");
    readout.textContent = descriptions.get(text.dataset.key!)?.textContent ?? "";
  };
  for (const text of texts) {
    text.addEventListener("focus", () => show(text));
    text.addEventListener("pointerenter", () => show(text));
  }
  show(texts.find((text) => text === document.activeElement || text.matches(":hover"))); // the touch that loaded this module

  store.watch(showExampleInProse());
  store.watch((state) => {
    for (const text of texts) {
      const line = readSource(text);
      text.querySelector(".bp-line-value")!.textContent = readLineValue(line, state.setup, state.records);
      descriptions.get(text.dataset.key!)!.textContent = describeLine(line, state.setup, state.records, s);
    }
    eta.textContent = formatSetValue(state.setup.learningRate);
    show(active);
    const error = formatExampleNumber(state.records.E.value);
    if (error !== shownError) {
      const what = state.changed ? s.bpChanged({ name: state.changed }) : steps > 0 ? s.bpAfterApplied({ steps }) : s.bpValuesChanged;
      status.textContent = s.bpDiagramStatus({ what, error, was: shownError, next: formatExampleNumber(state.records.E_after.value) });
    }
    shownError = error;
  });
  store.start();
  // Loads the engine now; values from a link that differ from the saved page are shown at once.
  const ready = store.read().then(() => undefined, () => undefined);

  return ready.then((): WidgetController<SetupRole> => ({
    action(name) {
      // The update needs the gradients for the current values, so it waits for any pending edit.
      if (name === "step") void store.read().then((state) => (steps += applyUpdate(state, params, status, s)));
      if (name === "reset") {
        steps = 0;
        for (const role of params.roles) setParam(params.spec(role).name, params.spec(role).value);
      }
    },
    press(key, shift, figure) {
      const direction = DIRECTIONS[key];
      const role = figure.dataset.param as SetupRole | undefined;
      if (direction !== undefined && role) nudge(params, role, direction * (shift ? SHIFT_NUDGE : NUDGE), status, s);
    },
  }));
}

/**
 * Moves one param by `change` within its range. Written with setParam, not the kit's write, which
 * rounds a param without a step to 3 digits: a weight after an applied update has 9.
 */
function nudge(params: BoundParams<SetupRole>, role: SetupRole, change: number, status: HTMLElement, s: Strings): void {
  const spec = params.spec(role);
  const current = params.number(role);
  let next = Number((current + change).toPrecision(12)); // keeps 0.15 + 0.01 from printing as 0.16000000000000003
  if (spec.kind === "number") next = Math.min(spec.max, Math.max(spec.min, next));
  if (next === current) {
    status.textContent = s.bpAtEnd({ role, value: String(current) });
    return;
  }
  setParam(spec.name, next);
}

/** Sets w1…w8 to their updated values and returns 1, or says why not and returns 0 (a value outside its range). */
function applyUpdate({ records }: ExampleState, params: BoundParams<SetupRole>, status: HTMLElement, s: Strings): number {
  const refused: string[] = [];
  for (const role of WEIGHT_ROLES) {
    const value = records[`new_${role}`].value;
    const spec = params.spec(role);
    if (!Number.isFinite(value) || (spec.kind === "number" && (value < spec.min || value > spec.max))) refused.push(`${role} = ${formatExampleNumber(value)}`);
  }
  if (refused.length > 0) {
    // A large η or a weight pinned at an edge gets here: say which, rather than apply half an update.
    const spec = params.spec("w1");
    const range = spec.kind === "number" ? s.bpRangeOf({ min: formatNumber(spec.min), max: formatNumber(spec.max) }) : s.bpRange;
    const rateSpec = params.spec("learningRate");
    const smallestRate = rateSpec.kind === "number" ? rateSpec.min : 0;
    const moves = WEIGHT_ROLES.map((role) => {
      const weight = params.spec(role);
      const [min, max] = weight.kind === "number" ? [weight.min, weight.max] : [-Infinity, Infinity];
      return { role, value: records[`w_${role}`].value, gradient: records[`grad_${role}`].value, min, max };
    });
    const reason = explainRefusal(moves, smallestRate);
    const refusedText = refused.join(s.dlListComma);
    status.textContent = reason.kind === "smaller"
      ? s.bpUpdateRefused({ refused: refusedText, range })
      : s.bpUpdateAtEdge({ refused: refusedText, range, blocked: reason.blocked.join(s.dlListComma), count: reason.blocked.length, smallest: formatNumber(smallestRate) });
    return 0;
  }
  for (const role of WEIGHT_ROLES) setParam(params.spec(role).name, records[`new_${role}`].value);
  return 1;
}

/** Which record or param a line of the saved diagram shows, from its data-key and data-param. */
function readSource(text: SVGTextElement): LineSource {
  const param = text.dataset.param as SetupRole | undefined;
  return param ? { param } : { record: text.dataset.key };
}
