/**
 * <bp-error-table>: a light shell around the saved table and chart, which show the starting values.
 * When the reader edits the example, it loads the trainer (engine and Plot, also fetched on the
 * reader's first touch so it is ready) and retrains; edits made while that loads are trained after.
 */
import { loadOnFirstTouch } from "../../src/notebook/client/loadOnFirstTouch.ts";
import { watchExample } from "./exampleStore";
import { DEFAULT_SETUP, isSameSetup, type ExampleSetup } from "./exampleSetup";
import type { ErrorTableTrainer } from "./errorTableRuntime.ts";

class ErrorTableElement extends HTMLElement {
  private started = false;

  connectedCallback(): void {
    if (this.started) return;
    this.started = true;
    const load: () => Promise<ErrorTableTrainer> = loadOnFirstTouch(this, () => import("./errorTableRuntime.ts").then((runtime) => new runtime.ErrorTableTrainer(this)));
    let shown: ExampleSetup = DEFAULT_SETUP; // what the table shows, or is training on
    watchExample(({ setup }) => {
      if (isSameSetup(setup, shown)) return;
      shown = setup;
      this.querySelectorAll("[data-bp-eta]").forEach((node) => (node.textContent = String(Number(setup.learningRate.toPrecision(9)))));
      void load().then((trainer) => trainer.train(setup));
    });
  }
}

if (!customElements.get("bp-error-table")) customElements.define("bp-error-table", ErrorTableElement);
