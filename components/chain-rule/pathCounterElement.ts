/**
 * <path-counter>: a light shell around the saved plot. Its buttons change the `layers` and `width`
 * params at once; the counting and drawing code (engine, Plot) loads on the first change.
 */
import { loadOnFirstTouch } from "../../src/notebook/client/loadOnFirstTouch.ts";
import { readParams, setParam, watchParams } from "../../src/notebook/client/paramStore.ts";
import type { PathCounterController } from "./pathCounterRuntime.ts";

class PathCounterElement extends HTMLElement {
  connectedCallback(): void {
    if (this.dataset.ready) return;
    this.dataset.ready = "true";
    const load: () => Promise<PathCounterController> = loadOnFirstTouch(this, () => import("./pathCounterRuntime.ts").then((runtime) => new runtime.PathCounterController(this)), { params: ["layers", "width"] });
    this.addEventListener("click", (event) => {
      const button = (event.target as HTMLElement).closest<HTMLButtonElement>("[data-pc-change]");
      if (!button) return;
      const name = button.dataset.pcChange as "layers" | "width";
      const current = readParams()[name];
      setParam(name, (typeof current === "number" ? current : Number(this.dataset[name])) + Number(button.dataset.pcBy));
    });
    watchParams((name) => {
      if (name === "layers" || name === "width") void load().then((controller) => controller.recount());
    });
  }
}

if (!customElements.get("path-counter")) customElements.define("path-counter", PathCounterElement);
