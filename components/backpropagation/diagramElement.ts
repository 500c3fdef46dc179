/**
 * <bp-diagram>: keeps the worked example's diagram live. Focusing or hovering a number shows its
 * formula; arrow keys on an input, target, bias or weight change that param; the buttons apply the
 * update w ← w − η ∂E/∂w to the weights, or restore the starting values.
 */
import { findParamSpec, readParams, setParam } from "../../src/notebook/client/paramStore";
import { watchExample, type ExampleState } from "./exampleStore";
import { describeRecord } from "./exampleText";
import { describeParamLine } from "./diagramText";
import { DIAGRAM_LINES, lineKey, readLineValue, type DiagramLine } from "./diagramLayout";
import { DEFAULT_SETUP, PARAM_NAMES, SETUP_NAMES, formatNumber, type ExampleSetup } from "./workedExample";

const WEIGHTS = ["w1", "w2", "w3", "w4", "w5", "w6", "w7", "w8"] as const;
const NUDGE = 0.01;

class DiagramElement extends HTMLElement {
  private started = false;
  private state: ExampleState | undefined;
  private active: SVGTextElement | undefined;
  private lastError: number | undefined;
  private steps = 0;

  connectedCallback(): void {
    if (this.started) return;
    this.started = true;
    const byKey = new Map<string, DiagramLine>(DIAGRAM_LINES.map((line) => [lineKey(line), line]));
    const texts = [...this.querySelectorAll<SVGTextElement>("text.bp-line")];
    const descriptions = new Map([...this.querySelectorAll<HTMLElement>("li[data-key]")].map((li) => [li.dataset.key!, li]));
    const readout = this.querySelector<HTMLElement>(".bp-readout")!;
    const status = this.querySelector<HTMLElement>(".bp-status")!;
    const eta = this.querySelector<HTMLElement>("[data-bp-eta]")!;

    const describe = (key: string): string => {
      const line = byKey.get(key)!;
      if (!this.state) return descriptions.get(key)?.textContent ?? "";
      return line.record ? describeRecord(this.state.records[line.record]) : describeParamLine(line.param!, this.state.setup[line.param!]);
    };
    const show = (text: SVGTextElement | undefined) => {
      this.active?.removeAttribute("data-active");
      this.active = text;
      if (!text) return;
      text.setAttribute("data-active", "");
      readout.textContent = describe(text.dataset.key!);
    };

    watchExample((state) => {
      this.state = state;
      for (const text of texts) {
        const line = byKey.get(text.dataset.key!)!;
        text.querySelector(".bp-line-value")!.textContent = readLineValue(line, state.setup, state.records);
        descriptions.get(text.dataset.key!)!.textContent = describe(text.dataset.key!);
      }
      eta.textContent = String(Number(state.setup.learningRate.toPrecision(9)));
      if (this.active) readout.textContent = describe(this.active.dataset.key!);
      const error = state.records.E.value;
      if (this.lastError !== undefined && error !== this.lastError) {
        const what = state.changed ? `${state.changed} changed` : this.steps > 0 ? `after ${this.steps} applied update${this.steps === 1 ? "" : "s"}` : "values changed";
        status.textContent = `${what}: total error E = ${formatNumber(error)} (was ${formatNumber(this.lastError)}); one more update would make it ${formatNumber(state.records.E_after.value)}.`;
      }
      this.lastError = error;
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
    this.querySelector("[data-bp-action=step]")!.addEventListener("click", () => this.applyUpdate(status));
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

  private applyUpdate(status: HTMLElement): void {
    if (!this.state) return;
    const { records } = this.state;
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

if (!customElements.get("bp-diagram")) customElements.define("bp-diagram", DiagramElement);
