/**
 * <bp-diagram>: keeps the worked example's diagram live. Focusing or hovering a number shows its
 * formula; arrow keys on an input, target, bias or weight change that param; the buttons apply the
 * update w ← w − η ∂E/∂w to the weights, or restore the starting values. None of that needs the
 * engine until a value changes: the formulas are saved in the page, and exampleStore loads the engine
 * on the first edit (or, to have it ready, when the reader first reaches for the diagram).
 */
import { loadOnFirstTouch } from "../../src/notebook/client/loadOnFirstTouch.ts";
import { findParamSpec, readParams, setParam } from "../../src/notebook/client/paramStore";
import { readExample, watchExample, type ExampleState } from "./exampleStore";
import { DEFAULT_SETUP, PARAM_NAMES, SETUP_NAMES, type ExampleSetup } from "./exampleSetup";
import { formatNumber } from "./exampleText";
import { describeLine, readLineValue, type LineSource } from "./diagramText";

const WEIGHTS = ["w1", "w2", "w3", "w4", "w5", "w6", "w7", "w8"] as const;
const NUDGE = 0.01;

class DiagramElement extends HTMLElement {
  private started = false;
  private active: SVGTextElement | undefined;
  private steps = 0;

  connectedCallback(): void {
    if (this.started) return;
    this.started = true;
    const load = loadOnFirstTouch(this, readExample);
    const texts = [...this.querySelectorAll<SVGTextElement>("text.bp-line")];
    // The saved sentence for each line; kept current below, and read by the readout.
    const descriptions = new Map([...this.querySelectorAll<HTMLElement>("li[data-key]")].map((li) => [li.dataset.key!, li]));
    const readout = this.querySelector<HTMLElement>(".bp-readout")!;
    const status = this.querySelector<HTMLElement>(".bp-status")!;
    const eta = this.querySelector<HTMLElement>("[data-bp-eta]")!;
    // E as the page shows it, so the status can say what an edit did to it.
    let shownError = this.querySelector('text[data-key="E"] .bp-line-value')!.textContent ?? "";

    const show = (text: SVGTextElement | undefined) => {
      this.active?.removeAttribute("data-active");
      this.active = text;
      if (!text) return;
      text.setAttribute("data-active", "");
      readout.textContent = descriptions.get(text.dataset.key!)?.textContent ?? "";
    };

    watchExample((state) => {
      for (const text of texts) {
        const line = readSource(text);
        text.querySelector(".bp-line-value")!.textContent = readLineValue(line, state.setup, state.records);
        descriptions.get(text.dataset.key!)!.textContent = describeLine(line, state.setup, state.records);
      }
      eta.textContent = String(Number(state.setup.learningRate.toPrecision(9)));
      show(this.active);
      const error = formatNumber(state.records.E.value);
      if (error !== shownError) {
        const what = state.changed ? `${state.changed} changed` : this.steps > 0 ? `after ${this.steps} applied update${this.steps === 1 ? "" : "s"}` : "values changed";
        status.textContent = `${what}: total error E = ${error} (was ${shownError}); one more update would make it ${formatNumber(state.records.E_after.value)}.`;
      }
      shownError = error;
    });

    for (const text of texts) {
      text.addEventListener("focus", () => show(text));
      text.addEventListener("pointerenter", () => show(text));
      const param = text.dataset.param as keyof ExampleSetup | undefined;
      if (!param) continue;
      text.addEventListener("keydown", (event) => {
        const direction = { ArrowUp: 1, ArrowRight: 1, ArrowDown: -1, ArrowLeft: -1 }[event.key];
        if (direction === undefined) return;
        event.preventDefault();
        this.nudge(param, direction * (event.shiftKey ? 10 * NUDGE : NUDGE), status);
      });
    }
    // The update needs the gradients for the current values, so it waits for the engine (and any pending edit).
    this.querySelector("[data-bp-action=step]")!.addEventListener("click", () => void load().then(readExample).then((state) => this.applyUpdate(state, status)));
    this.querySelector("[data-bp-action=reset]")!.addEventListener("click", () => {
      this.steps = 0;
      for (const name of SETUP_NAMES) setParam(PARAM_NAMES[name], DEFAULT_SETUP[name]);
    });
  }

  private nudge(name: keyof ExampleSetup, change: number, status: HTMLElement): void {
    const param = PARAM_NAMES[name];
    const spec = findParamSpec(param);
    const current = Number(readParams()[param] ?? DEFAULT_SETUP[name]);
    let next = Number((current + change).toPrecision(12)); // keeps 0.15 + 0.01 from printing as 0.16000000000000003
    if (spec && spec.kind === "number") next = Math.min(spec.max, Math.max(spec.min, next));
    if (next === current) {
      status.textContent = `${name} is already at the end of its range, ${current}.`;
      return;
    }
    setParam(param, next);
  }

  private applyUpdate({ records }: ExampleState, status: HTMLElement): void {
    const refused: string[] = [];
    for (const name of WEIGHTS) {
      const value = records[`new_${name}`].value;
      const spec = findParamSpec(PARAM_NAMES[name]);
      if (!Number.isFinite(value) || (spec?.kind === "number" && (value < spec.min || value > spec.max))) refused.push(`${name} = ${formatNumber(value)}`);
    }
    if (refused.length > 0) {
      // Only a very large learning rate gets here: say so rather than apply half an update.
      status.textContent = `The update would take ${refused.join(", ")} outside the range −5 to 5 this page allows, so it was not applied. Try a smaller η.`;
      return;
    }
    this.steps += 1;
    for (const name of WEIGHTS) setParam(PARAM_NAMES[name], records[`new_${name}`].value);
  }
}

/** Which record or param a line of the saved diagram shows, from its data-key and data-param. */
function readSource(text: SVGTextElement): LineSource {
  const param = text.dataset.param as keyof ExampleSetup | undefined;
  return param ? { param } : { record: text.dataset.key };
}

if (!customElements.get("bp-diagram")) customElements.define("bp-diagram", DiagramElement);
