/**
 * <path-counter>: a light shell around the saved plot. Its buttons change the `layers` and `width`
 * params at once; the counting and drawing code (engine, Plot) loads on the first change.
 */
import { readParams, setParam, watchParams } from "../../src/notebook/client/paramStore.ts";
import type { PathCounterController } from "./pathCounterRuntime.ts";

class PathCounterElement extends HTMLElement {
  private controller: Promise<PathCounterController> | undefined;

  connectedCallback(): void {
    if (this.dataset.ready) return;
    this.dataset.ready = "true";
    const load = () => (this.controller ??= import("./pathCounterRuntime.ts").then((runtime) => new runtime.PathCounterController(this)));
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
    const query = new URLSearchParams(location.search);
    if (query.has("layers") || query.has("width")) void customElements.whenDefined("nb-param").then(load);
  }
}

if (!customElements.get("path-counter")) customElements.define("path-counter", PathCounterElement);
