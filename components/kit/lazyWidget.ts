/**
 * The one way to define a widget element. The element shows the figure saved at build time and
 * loads its runtime (engine, Plot) on the reader's first pointer, touch or focus, or at once when
 * the URL sets one of its bound params. Until the runtime has loaded, what the reader does is
 * queued and replayed in order: clicks on `[data-action]` buttons, presses and drags on
 * `[data-figure]`, its arrow keys, and changes of its bound params. A failed import is reported
 * in the status line and retried on the next touch. This keeps a chapter's JavaScript before any
 * interaction small (issue #4: at most 100 KiB gzip), whatever its widgets weigh. Fields kept in a
 * FieldWhenDrawn are written once the widget is drawn, so the widget can sit in a chapter's parts.
 */
import { addressHas } from "../../src/notebook/client/paramStore";
import { readBoundParams, type BoundParams } from "./boundParams";
import { claimOnce } from "./onceOnly";
import { createRuntimeLoader } from "./runtimeLoader";
import { FIGURE_KEYS, followDrag } from "./pointer";
import { writeFields, writeFieldsWhenDrawn } from "./fieldsWhenDrawn";
import type { ParamValue } from "../../src/notebook/kernel";
import { pageNotebookStrings } from "../../src/i18n/notebookStrings";

/** What a runtime's `start` is given besides its element. */
export interface WidgetContext<R extends string = string> {
  /** The element's bound params, by role. */
  params: BoundParams<R>;
}

/** What a runtime does for its element; every method is optional. */
export interface WidgetController<R extends string = string> {
  /** A click on a `[data-action="name"]` button (`target` is the button). */
  action?(name: string, target: HTMLElement): void;
  /** A press, or a drag's move, at (clientX, clientY) on `figure` (a `[data-figure]`); `shift` when Shift is held. */
  pick?(clientX: number, clientY: number, figure: HTMLElement, shift: boolean): void;
  /** The end of a press or drag on `figure`. */
  release?(figure: HTMLElement): void;
  /** One of the widget's keys (by default an arrow or Home) on `figure`; `shift` asks for a bigger step. */
  press?(key: string, shift: boolean, figure: HTMLElement): void;
  /** One or more bound params changed (at most once per animation frame); `values` by role. */
  paramsChanged?(values: Record<R, ParamValue>): void;
  /** An input or select in the element changed; `value` is what it held then (a first draw may overwrite it). */
  changed?(control: HTMLInputElement | HTMLSelectElement, value: string): void;
}

/** The module a widget's `runtime` import resolves to. */
export interface WidgetRuntime<R extends string = string> {
  /** Takes over the element (its saved figure stays until it draws); may resolve once it is ready for queued input. */
  start(element: HTMLElement, context: WidgetContext<R>): WidgetController<R> | Promise<WidgetController<R>>;
}

/** What `defineLazyWidget` needs. */
export interface LazyWidgetOptions<R extends string = string> {
  /** The dynamic import of the runtime module, e.g. `() => import("./surfaceRuntime")`. */
  runtime: () => Promise<WidgetRuntime<R>>;
  /** The keys its figures take (default FIGURE_KEYS), e.g. with End or Enter added. */
  keys?: ReadonlySet<string>;
  /** Address keys besides the bound params' (see readAddressValue) whose presence in the URL loads the runtime at once. */
  addressKeys?: readonly string[];
}

/** Defines the custom element `tag` (once) as a lazy widget whose runtime comes from `options.runtime`. */
export function defineLazyWidget<R extends string = string>(tag: string, options: LazyWidgetOptions<R>): void {
  if (customElements.get(tag)) return;
  customElements.define(
    tag,
    class extends HTMLElement {
      connectedCallback(): void {
        if (claimOnce(this)) connectWidget(this, options);
      }
    },
  );
}

function connectWidget<R extends string>(element: HTMLElement, options: LazyWidgetOptions<R>): void {
  const params = readBoundParams<R>(element);
  const loader = createRuntimeLoader(
    () =>
      options.runtime().then((runtime) => {
        // A runtime may look its fields up; a widget started from a link may not be drawn yet.
        writeFields(element);
        return runtime.start(element, { params });
      }),
    (state, error) => report(element, state, error),
  );
  // Controls that only work with JavaScript are in the saved page but hidden (or a disabled fieldset) until now.
  for (const controls of element.querySelectorAll<HTMLElement>("[data-controls]")) {
    controls.hidden = false;
    if (controls instanceof HTMLFieldSetElement) controls.disabled = false;
  }
  writeFieldsWhenDrawn(element);
  const status = element.querySelector<HTMLElement>("[role=status][data-ready]");
  if (status) status.textContent = status.dataset.ready!;
  const touch = () => void loader.load().catch(() => undefined);
  for (const type of ["pointerenter", "touchstart", "focusin"]) element.addEventListener(type, touch, { passive: true });

  element.addEventListener("click", (event) => {
    const button = (event.target as Element).closest<HTMLElement>("[data-action]");
    if (!button || !element.contains(button)) return;
    const name = button.dataset.action!;
    loader.enqueue((controller) => controller.action?.(name, button));
  });
  element.addEventListener("change", (event) => {
    const control = event.target;
    if (!(control instanceof HTMLInputElement || control instanceof HTMLSelectElement)) return;
    const value = control.value;
    loader.enqueue((controller) => controller.changed?.(control, value));
  });
  for (const figure of element.querySelectorAll<HTMLElement>("[data-figure]")) {
    followDrag(
      figure,
      (clientX, clientY, shift) => loader.enqueue((controller) => controller.pick?.(clientX, clientY, figure, shift)),
      () => loader.enqueue((controller) => controller.release?.(figure)),
    );
    figure.addEventListener("keydown", (event) => {
      if (!(options.keys ?? FIGURE_KEYS).has(event.key)) return;
      event.preventDefault();
      const { key, shiftKey } = event;
      loader.enqueue((controller) => controller.press?.(key, shiftKey, figure));
    });
  }

  let pending = false;
  params.watch(() => {
    if (pending) return;
    pending = true;
    // A dragged param fires many changes; the widget redraws once per frame.
    requestAnimationFrame(() => {
      pending = false;
      loader.enqueue((controller) => controller.paramsChanged?.(params.values()));
    });
  });
  // A form in a widget never navigates: its submit button's data-action is the action (Enter in a field clicks it).
  element.addEventListener("submit", (event) => event.preventDefault());
  // data-eager: built in the page after the reader acted (a cell's output), so it draws at once.
  const linked = addressHas([...params.roles.map((role) => params.spec(role).name), ...(options.addressKeys ?? [])]);
  if (element.dataset.eager !== undefined || linked) touch();
}

function report(element: HTMLElement, state: "loaded" | "failed", error?: unknown): void {
  element.dataset.runtime = state;
  if (state === "loaded") return;
  const reason = error instanceof Error ? error.message : String(error);
  const text = pageNotebookStrings().nbFigureLoadFailed({ error: reason });
  const status = element.querySelector<HTMLElement>("[role=status]");
  if (status) status.textContent = text;
  element.title = text;
}
