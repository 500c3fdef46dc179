/**
 * The heavy half of <bp-delta-flow> (engine and Plot), loaded on the reader's first touch or param
 * change: measures the network the params describe and redraws the chart, summary and table. One
 * measurement is a single forward and backward pass of at most 12 small layers, well inside one frame.
 */
import { readParams } from "../../src/notebook/client/paramStore";
import { DEFAULT_FLOW, FLOW_ACTIVATIONS, measureDeltaFlow, plotDeltaFlow, summarizeFlow, type FlowOptions } from "./deltaFlow";
import { formatNumber } from "./exampleText";

/** Redraws one delta-flow chart; its light shell forwards param changes and the reseed button. */
export class DeltaFlowChart {
  private readonly element: HTMLElement;
  private seed = DEFAULT_FLOW.seed;
  private scheduled = false;
  private shown = JSON.stringify(DEFAULT_FLOW); // the saved chart shows the defaults

  constructor(element: HTMLElement) {
    this.element = element;
    this.redraw(); // a link's query may already differ from the saved chart
  }

  /** Draws the next seed's weights. */
  reseed(): void {
    this.seed += 1;
    this.redraw();
  }

  /** Redraws on the next frame from the current params, once however many changes came in. */
  redraw(): void {
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
    if (key === this.shown) return;
    this.shown = key;
    const { layers, error } = measureDeltaFlow(options);
    const element = this.element;
    element.querySelector("[data-flow-chart]")!.replaceChildren(plotDeltaFlow(layers));
    for (const field of ["depth", "activation", "scale", "seed"] as const) {
      element.querySelector(`[data-flow=${field}]`)!.textContent = String(options[field]);
    }
    element.dataset.seed = String(options.seed);
    const zero = layers.filter((row) => row.meanDelta === 0).map((row) => row.layer);
    const zeroNote = zero.length > 0 ? ` Layers ${zero.join(", ")} have no error at all and are left off the log scale.` : "";
    element.querySelector(".bp-flow-summary")!.textContent = `${summarizeFlow(layers)}${zeroNote} E = ${formatNumber(error)}.`;
    element.querySelector("[data-flow-rows]")!.replaceChildren(...layers.map((row) => {
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
