/**
 * <bp-delta-flow>: redraws the vanishing-gradient chart when the depth, activation or weight
 * scale params change, or when the reader draws new weights. One measurement is a single
 * forward and backward pass of at most 12 small layers, well inside one frame.
 */
import { readParams, watchParams } from "../../src/notebook/client/paramStore";
import { DEFAULT_FLOW, FLOW_ACTIVATIONS, measureDeltaFlow, plotDeltaFlow, summarizeFlow, type FlowOptions } from "./deltaFlow";
import { formatNumber } from "./workedExample";

const PARAMS = ["flowDepth", "flowActivation", "flowScale"];

class DeltaFlowElement extends HTMLElement {
  private started = false;
  private seed = DEFAULT_FLOW.seed;
  private scheduled = false;
  private shown = "";

  connectedCallback(): void {
    if (this.started) return;
    this.started = true;
    this.shown = JSON.stringify(DEFAULT_FLOW);
    watchParams((name) => {
      if (PARAMS.includes(name)) this.schedule();
    });
    void customElements.whenDefined("nb-param").then(() => this.schedule());
    this.querySelector("[data-flow-action=reseed]")!.addEventListener("click", () => {
      this.seed += 1;
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    requestAnimationFrame(() => {
      this.scheduled = false;
      this.draw();
    });
  }

  private readOptions(): FlowOptions {
    const values = readParams();
    const depth = Number(values.flowDepth ?? DEFAULT_FLOW.depth);
    const scale = Number(values.flowScale ?? DEFAULT_FLOW.scale);
    const activation = (FLOW_ACTIVATIONS as readonly string[]).includes(String(values.flowActivation)) ? (values.flowActivation as FlowOptions["activation"]) : DEFAULT_FLOW.activation;
    return { depth, activation, scale, seed: this.seed };
  }

  private draw(): void {
    const options = this.readOptions();
    const key = JSON.stringify(options);
    if (key === this.shown) return; // the saved chart already shows these options
    this.shown = key;
    const { layers, error } = measureDeltaFlow(options);
    this.querySelector("[data-flow-chart]")!.replaceChildren(plotDeltaFlow(layers));
    for (const field of ["depth", "activation", "scale", "seed"] as const) {
      this.querySelector(`[data-flow=${field}]`)!.textContent = String(options[field]);
    }
    this.dataset.seed = String(options.seed);
    const zero = layers.filter((row) => row.meanDelta === 0).map((row) => row.layer);
    const zeroNote = zero.length > 0 ? ` Layers ${zero.join(", ")} have no error at all and are left off the log scale.` : "";
    this.querySelector(".bp-flow-summary")!.textContent = `${summarizeFlow(layers)}${zeroNote} E = ${formatNumber(error)}.`;
    const rows = this.querySelector("[data-flow-rows]")!;
    rows.replaceChildren(...layers.map((row) => {
      const tr = document.createElement("tr");
      const th = document.createElement("th");
      th.scope = "row";
      th.textContent = String(row.layer);
      tr.append(th, ...[row.meanDelta, row.meanGradient].map((value) => {
        const td = document.createElement("td");
        td.textContent = formatNumber(value);
        return td;
      }));
      return tr;
    }));
  }
}

if (!customElements.get("bp-delta-flow")) customElements.define("bp-delta-flow", DeltaFlowElement);
