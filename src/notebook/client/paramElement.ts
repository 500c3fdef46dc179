/**
 * <nb-param>: the inline number or choice. Arrow keys step (PageUp/PageDown ten steps, Home/End
 * the ends), a horizontal drag scrubs, typing commits on Enter or blur; all go through the store.
 */
import { registerParam, setParam, watchParams } from "./paramStore";
import { formatParamValue, snapParamValue, stepParamValue, type ParamSpec, type NumberParamSpec } from "../params";
import type { ParamValue } from "../kernel";

const DRAG_PIXELS_PER_STEP = 4; // small enough to feel direct, large enough to hit one value

class ParamElement extends HTMLElement {
  private spec!: ParamSpec;

  connectedCallback(): void {
    if (this.spec) return;
    this.spec = JSON.parse(this.dataset.spec ?? "{}") as ParamSpec;
    const value = registerParam(this.spec);
    this.show(value);
    watchParams((name, values) => {
      if (name === this.spec.name) this.show(values[name]);
    });
    const select = this.querySelector("select");
    if (select) select.addEventListener("change", () => setParam(this.spec.name, select.value));
    const input = this.querySelector("input");
    if (input && this.spec.kind === "number") this.bindNumber(input, this.spec);
  }

  private show(value: ParamValue): void {
    const select = this.querySelector("select");
    if (select) select.value = String(value);
    const input = this.querySelector("input");
    if (input) {
      const text = formatParamValue(this.spec, value);
      if (document.activeElement !== input || input.value !== text) input.value = text;
      input.size = Math.max(2, text.length);
      input.setAttribute("aria-valuenow", String(value));
      input.removeAttribute("aria-invalid");
    }
  }

  private bindNumber(input: HTMLInputElement, spec: NumberParamSpec): void {
    const current = () => Number(input.getAttribute("aria-valuenow"));
    input.addEventListener("keydown", (event) => {
      const steps = { ArrowUp: 1, ArrowRight: 1, ArrowDown: -1, ArrowLeft: -1, PageUp: 10, PageDown: -10 }[event.key];
      if (steps !== undefined) {
        event.preventDefault();
        setParam(spec.name, stepParamValue(spec, current(), steps));
      } else if (event.key === "Home" || event.key === "End") {
        event.preventDefault();
        setParam(spec.name, event.key === "Home" ? spec.min : spec.max);
      } else if (event.key === "Enter") {
        event.preventDefault();
        this.commitTyped(input, spec);
      } else if (event.key === "Escape") {
        this.show(current());
      }
    });
    input.addEventListener("blur", () => this.commitTyped(input, spec));
    input.addEventListener("pointerdown", (event) => {
      if (event.button !== 0) return;
      const startX = event.clientX;
      const startValue = current();
      let dragged = false;
      const move = (e: PointerEvent) => {
        const steps = Math.trunc((e.clientX - startX) / DRAG_PIXELS_PER_STEP);
        if (!dragged && Math.abs(e.clientX - startX) < DRAG_PIXELS_PER_STEP) return;
        if (!dragged) input.setPointerCapture(e.pointerId);
        dragged = true;
        this.classList.add("nb-param-dragging");
        setParam(spec.name, stepParamValue(spec, startValue, steps));
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

  private commitTyped(input: HTMLInputElement, spec: NumberParamSpec): void {
    const typed = Number(input.value.trim());
    if (input.value.trim() === "" || !Number.isFinite(typed)) {
      input.setAttribute("aria-invalid", "true");
      this.show(Number(input.getAttribute("aria-valuenow")));
      return;
    }
    setParam(spec.name, snapParamValue(spec, typed));
    this.show(Number(input.getAttribute("aria-valuenow")));
  }
}

if (!customElements.get("nb-param")) customElements.define("nb-param", ParamElement);
