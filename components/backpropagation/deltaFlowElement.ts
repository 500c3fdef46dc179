/**
 * <bp-delta-flow>: a light shell around the saved vanishing-gradient chart. The drawing code
 * (engine, Plot) is loaded on the reader's first touch, a changed depth, activation or weight scale,
 * or a link that sets one; reseeds and param changes made while it loads are applied once it has.
 */
import { loadOnFirstTouch } from "../../src/notebook/client/loadOnFirstTouch.ts";
import { watchParams } from "../../src/notebook/client/paramStore";
import type { DeltaFlowChart } from "./deltaFlowRuntime.ts";

const PARAMS = new Set(["flowDepth", "flowActivation", "flowScale"]);

class DeltaFlowElement extends HTMLElement {
  private started = false;

  connectedCallback(): void {
    if (this.started) return;
    this.started = true;
    const load: () => Promise<DeltaFlowChart> = loadOnFirstTouch(this, () => import("./deltaFlowRuntime.ts").then((runtime) => new runtime.DeltaFlowChart(this)), { params: PARAMS });
    watchParams((name) => {
      if (PARAMS.has(name)) void load().then((chart) => chart.redraw());
    });
    this.querySelector("[data-flow-action=reseed]")!.addEventListener("click", () => void load().then((chart) => chart.reseed()));
  }
}

if (!customElements.get("bp-delta-flow")) customElements.define("bp-delta-flow", DeltaFlowElement);
