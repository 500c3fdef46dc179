/**
 * <graph-stepper>: a light shell around the saved figure. The drawing code (Plot, KaTeX) is loaded
 * on the reader's first touch (pointer over it, focus, a click, a key, a changed param), so the page
 * carries no widget weight until then; clicks and keys made while it loads are applied once it has.
 */
import { loadOnFirstTouch } from "../../src/notebook/client/loadOnFirstTouch.ts";
import { watchParams } from "../../src/notebook/client/paramStore.ts";
import type { GraphStepperController } from "./graphStepperRuntime.ts";

const STEP_KEYS = new Set(["ArrowRight", "ArrowDown", "ArrowLeft", "ArrowUp", "Home", "End"]);
const WATCHED_PARAMS = new Set(["graph", "u", "v", "w1", "x1", "w2", "x2", "b", "t"]);

class GraphStepperElement extends HTMLElement {
  connectedCallback(): void {
    if (this.dataset.ready) return;
    this.dataset.ready = "true";
    const load: () => Promise<GraphStepperController> = loadOnFirstTouch(this, () => import("./graphStepperRuntime.ts").then((runtime) => new runtime.GraphStepperController(this)), { params: WATCHED_PARAMS });
    this.addEventListener("click", (event) => {
      const action = (event.target as HTMLElement).closest<HTMLElement>("[data-gs-action]")?.dataset.gsAction;
      if (action) void load().then((controller) => controller.act(action));
    });
    this.querySelector("[data-gs-figure]")!.addEventListener("keydown", (event) => {
      const key = (event as KeyboardEvent).key;
      if (!STEP_KEYS.has(key)) return;
      event.preventDefault();
      void load().then((controller) => controller.press(key));
    });
    this.querySelector("[data-gs-own]")?.addEventListener("submit", (event) => {
      event.preventDefault();
      void load().then((controller) => controller.rebuild("typed"));
    });
    // A stepper drawn for a cell's output has no saved figure: its reader has already acted, so it draws at once.
    if (this.dataset.eager === "true") void load();
    watchParams((name) => {
      if (WATCHED_PARAMS.has(name)) void load().then((controller) => controller.rebuild("params"));
    });
  }
}

if (!customElements.get("graph-stepper")) customElements.define("graph-stepper", GraphStepperElement);
