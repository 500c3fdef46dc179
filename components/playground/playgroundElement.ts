/**
 * <training-playground>: a light shell around the saved view. The live runtime (engine, Plot) is
 * loaded on the reader's first touch (pointer over it, focus, a control, a changed pg* param in
 * the prose), or at once when the URL sets a playground setting; clicks and control changes made
 * while it loads are applied once it has.
 */
import { loadOnFirstTouch } from "../../src/notebook/client/loadOnFirstTouch";
import { watchParams } from "../../src/notebook/client/paramStore";
import type { PlaygroundController } from "./playgroundRuntime";
import { QUERY_KEYS } from "./queryKeys";

const PARAM_NAMES = new Set(Object.values(QUERY_KEYS));

class PlaygroundElement extends HTMLElement {
  /** The live runtime, once loaded (the browser tests read its session and frame stats). */
  controller?: PlaygroundController;

  connectedCallback(): void {
    if (this.dataset.live !== undefined) return;
    this.dataset.live = "";
    // The run buttons and the settings work from now on: what they do waits for the runtime.
    this.querySelectorAll<HTMLElement>("[data-live-only]").forEach((element) => (element.hidden = false));
    this.querySelectorAll<HTMLFieldSetElement>("[data-live-enable]").forEach((fieldset) => (fieldset.disabled = false));
    const status = this.querySelector<HTMLElement>("[data-status]")!;
    status.textContent = status.dataset.ready ?? status.textContent;
    const load = loadOnFirstTouch(
      this,
      () => import("./playgroundRuntime").then((runtime) => (this.controller = new runtime.PlaygroundController(this))),
      { params: PARAM_NAMES },
    );
    this.addEventListener("click", (event) => {
      const action = (event.target as HTMLElement).closest<HTMLElement>("[data-action]")?.dataset.action;
      if (action) void load().then((controller) => controller.act(action));
    });
    this.addEventListener("change", (event) => {
      const input = event.target as HTMLInputElement | HTMLSelectElement;
      const layer = input.dataset.layer === undefined ? undefined : Number(input.dataset.layer);
      const name = layer === undefined ? input.dataset.control : "units";
      // The value is read now: the runtime's first draw puts the URL's configuration into every control.
      const raw = input.value;
      if (name) void load().then((controller) => controller.commit(name, raw, input, layer));
    });
    watchParams((name, values) => {
      if (PARAM_NAMES.has(name)) void load().then((controller) => controller.applyPageParam(name, values[name]));
    });
  }

  disconnectedCallback(): void {
    this.controller?.stop();
  }
}

if (!customElements.get("training-playground")) customElements.define("training-playground", PlaygroundElement);
