/**
 * <nb-param>: the inline number or choice. Arrow keys step (PageUp/PageDown ten steps, Home/End
 * the ends), a horizontal drag scrubs (a fixed distance per decade on a log scale), and typing
 * applies as the reader pauses, on Enter or on blur; all go through the store. A value that was
 * clamped, snapped or refused, and a key pressed at a limit, get a short notice beside the number.
 * Its field (a number's text field, a choice's <select>) is written once its part of the chapter is drawn; until
 * then the page shows its value in the same box.
 */
import { readParams, registerParam, setParam, watchParams } from "./paramStore";
import { describeLimit, dragParamValue, formatParamValue, paramChars, readTypedParamValue, stepParamValue, type ChoiceParamSpec, type ParamSpec, type NumberParamSpec } from "../params";
import type { ParamValue } from "../kernel";
import { pageNotebookStrings } from "../../i18n/notebookStrings";
import { whenDrawn } from "../../site/whenDrawn";

const DRAG_THRESHOLD_PIXELS = 4; // below this a press is a click that starts typing, not a drag
const TYPING_PAUSE_MS = 500; // a typed value applies once the reader pauses this long
const NOTICE_MS = 6000;

class ParamElement extends HTMLElement {
  private spec!: ParamSpec;
  private typingTimer: ReturnType<typeof setTimeout> | undefined;
  private noticeTimer: ReturnType<typeof setTimeout> | undefined;

  connectedCallback(): void {
    if (this.spec) return;
    this.spec = JSON.parse(this.dataset.spec ?? "{}") as ParamSpec;
    const value = registerParam(this.spec);
    this.show(value);
    watchParams((name, values) => {
      if (name === this.spec.name) this.show(values[name]);
    });
    const spec = this.spec;
    const valueText = this.querySelector<HTMLElement>(".nb-param-value");
    if (valueText && spec.kind === "number") whenDrawn(valueText, () => this.writeNumberField(valueText, spec));
    const choiceText = this.querySelector<HTMLElement>(".nb-param-choice");
    if (choiceText && spec.kind === "choice") whenDrawn(choiceText, () => this.writeSelect(choiceText, spec));
  }

  /** Puts the <select> where the page showed the choice (see Param.astro), with the same label and the value in use. */
  private writeSelect(choiceText: HTMLElement, spec: ChoiceParamSpec): void {
    const strings = pageNotebookStrings();
    const select = document.createElement("select");
    select.className = "nb-param-select";
    select.name = spec.name;
    select.setAttribute("aria-label", choiceText.getAttribute("aria-label") ?? spec.name);
    for (const choice of spec.choices) select.add(new Option(strings.paramChoice({ choice }), choice));
    select.value = String(readParams()[spec.name]);
    select.addEventListener("change", () => setParam(spec.name, select.value));
    const focused = document.activeElement === choiceText;
    choiceText.replaceWith(select);
    if (focused) select.focus();
  }

  /** Puts the text field where the page showed the value (see Param.astro), with the same label, limits and value. */
  private writeNumberField(valueText: HTMLElement, spec: NumberParamSpec): void {
    const input = document.createElement("input");
    input.className = "nb-param-number";
    input.type = "text";
    input.inputMode = "decimal";
    input.name = spec.name;
    for (const name of ["role", "aria-label", "aria-valuenow", "aria-valuemin", "aria-valuemax", "title"]) {
      const value = valueText.getAttribute(name);
      if (value !== null) input.setAttribute(name, value);
    }
    input.value = valueText.textContent ?? "";
    const focused = document.activeElement === valueText;
    valueText.replaceWith(input);
    this.bindNumber(input, spec);
    if (focused) input.focus();
  }

  private show(value: ParamValue): void {
    if (this.spec.kind === "choice") {
      const select = this.querySelector("select");
      if (select) select.value = String(value);
      const choiceText = this.querySelector<HTMLElement>(".nb-param-choice");
      if (choiceText) setText(choiceText, pageNotebookStrings().paramChoice({ choice: String(value) }));
      return;
    }
    const text = formatParamValue(this.spec, value);
    const valueText = this.querySelector<HTMLElement>(".nb-param-value");
    if (valueText) {
      setText(valueText, text);
      setAttribute(valueText, "aria-valuenow", String(value));
    }
    const input = this.querySelector("input");
    if (input) {
      // While the reader types, their text stays; it is tidied on Enter or blur.
      if (document.activeElement !== input) input.value = text;
      input.setAttribute("aria-valuenow", String(value));
    }
    this.setChars(input?.value ?? text);
  }

  // The page wrote the width for the value it shows; setting it again would restyle a skipped part at load for nothing.
  private setChars(text: string): void {
    const chars = String(paramChars(text));
    if (this.style.getPropertyValue("--param-chars").trim() !== chars) this.style.setProperty("--param-chars", chars);
  }

  private notify(text: string | undefined): void {
    const note = this.querySelector<HTMLElement>(".nb-param-note");
    if (!note) return;
    clearTimeout(this.noticeTimer);
    note.textContent = text ?? "";
    note.hidden = text === undefined;
    if (text !== undefined) this.noticeTimer = setTimeout(() => this.notify(undefined), NOTICE_MS);
  }

  private bindNumber(input: HTMLInputElement, spec: NumberParamSpec): void {
    const current = () => Number(input.getAttribute("aria-valuenow"));
    const step = (to: number, steps: number) => {
      this.notify(to === current() ? describeLimit(spec, current(), steps, pageNotebookStrings()) : undefined);
      setParam(spec.name, to);
    };
    input.addEventListener("keydown", (event) => {
      const steps = { ArrowUp: 1, ArrowRight: 1, ArrowDown: -1, ArrowLeft: -1, PageUp: 10, PageDown: -10 }[event.key];
      if (steps !== undefined) {
        event.preventDefault();
        step(Number(stepParamValue(spec, current(), steps)), steps);
        input.value = formatParamValue(spec, current());
      } else if (event.key === "Home" || event.key === "End") {
        event.preventDefault();
        step(event.key === "Home" ? spec.min : spec.max, event.key === "Home" ? -1 : 1);
        input.value = formatParamValue(spec, current());
      } else if (event.key === "Enter") {
        event.preventDefault();
        this.applyTyped(input, spec, true);
      } else if (event.key === "Escape") {
        clearTimeout(this.typingTimer);
        input.value = formatParamValue(spec, current());
        this.notify(undefined);
      }
    });
    input.addEventListener("input", () => {
      // The field widens as the reader types, so the whole number stays in sight.
      this.setChars(input.value);
      clearTimeout(this.typingTimer);
      this.typingTimer = setTimeout(() => this.applyTyped(input, spec, false), TYPING_PAUSE_MS);
    });
    input.addEventListener("blur", () => this.applyTyped(input, spec, true));
    input.addEventListener("pointerdown", (event) => {
      if (event.button !== 0) return;
      const startX = event.clientX;
      const startValue = current();
      let dragged = false;
      const move = (e: PointerEvent) => {
        if (!dragged && Math.abs(e.clientX - startX) < DRAG_THRESHOLD_PIXELS) return;
        if (!dragged) input.setPointerCapture(e.pointerId);
        dragged = true;
        this.classList.add("nb-param-dragging");
        const next = dragParamValue(spec, startValue, e.clientX - startX);
        this.notify(next === spec.max || next === spec.min ? describeLimit(spec, next, next === spec.max ? 1 : -1, pageNotebookStrings()) : undefined);
        setParam(spec.name, next);
        input.value = formatParamValue(spec, current());
      };
      const end = () => {
        input.removeEventListener("pointermove", move);
        this.classList.remove("nb-param-dragging");
        if (dragged) input.blur();
      };
      input.addEventListener("pointermove", move);
      input.addEventListener("pointerup", end, { once: true });
      input.addEventListener("pointercancel", end, { once: true });
    });
  }

  // `final` (Enter or blur) also puts the value in use back into the field.
  private applyTyped(input: HTMLInputElement, spec: NumberParamSpec, final: boolean): void {
    clearTimeout(this.typingTimer);
    const shown = formatParamValue(spec, Number(input.getAttribute("aria-valuenow")));
    if (final && input.value.trim() === shown) return;
    const typed = readTypedParamValue(spec, input.value, pageNotebookStrings());
    input.setAttribute("aria-invalid", String(typed.value === undefined));
    if (typed.value !== undefined) setParam(spec.name, typed.value);
    if (typed.notice !== undefined || final) this.notify(typed.notice);
    if (final) {
      input.value = formatParamValue(spec, Number(input.getAttribute("aria-valuenow")));
      input.removeAttribute("aria-invalid");
    }
  }
}

// Both write only what differs: rewriting the same text or attribute would lay a skipped part out again at load.

/** Writes `text` into `element` if it differs from what it holds. */
function setText(element: HTMLElement, text: string): void {
  if (element.textContent !== text) element.textContent = text;
}

/** Sets attribute `name` of `element` to `value` if it differs. */
function setAttribute(element: HTMLElement, name: string, value: string): void {
  if (element.getAttribute(name) !== value) element.setAttribute(name, value);
}

if (!customElements.get("nb-param")) customElements.define("nb-param", ParamElement);
