/**
 * <gd-batch-curves>: a light shell around the saved loss curves. The training and drawing code
 * (engine, Plot) loads on the reader's first touch; a button pressed or a param changed meanwhile
 * takes effect once it has.
 */
import { loadOnFirstTouch } from "../../src/notebook/client/loadOnFirstTouch.ts";
import { watchNumbers } from "./pageParams.ts";
import type { BatchCurvesController } from "./batchCurvesRuntime.ts";

const PARAMS = ["batchLr", "batchSize", "epochs"];

class BatchCurvesElement extends HTMLElement {
  connectedCallback(): void {
    if (this.dataset.live) return;
    this.dataset.live = "saved";
    const load: () => Promise<BatchCurvesController> = loadOnFirstTouch(this, () => import("./batchCurvesRuntime.ts").then((runtime) => new runtime.BatchCurvesController(this)), { params: PARAMS });
    this.addEventListener("click", (event) => {
      const action = (event.target as HTMLElement).closest<HTMLElement>("[data-action]")?.dataset.action;
      if (action) void load().then((controller) => controller.act(action));
    });
    watchNumbers(PARAMS, () => void load().then((controller) => controller.restart()));
  }
}

if (!customElements.get("gd-batch-curves")) customElements.define("gd-batch-curves", BatchCurvesElement);
