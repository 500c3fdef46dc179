/**
 * The live half of <bp-delta-flow> (engine and Plot), loaded on the reader's first touch or param
 * change: measures the network the params describe and redraws the chart, summary and table. One
 * measurement is a single forward and backward pass of at most 12 small layers, well inside one frame.
 */
import type { WidgetContext, WidgetController } from "../kit/lazyWidget";
import { formatExampleNumber } from "./exampleNumberText";
import { pageStrings } from "../../src/i18n/strings";
import { fitFigureWidth } from "../kit/charts";
import { FIRST_SEED, FLOW_ACTIVATIONS, FLOW_CHART_WIDTH, measureDeltaFlow, plotDeltaFlow, summarizeFlow, type FlowOptions } from "./deltaFlow";

type Role = "depth" | "activation" | "scale";

/** Takes over the chart; the saved one shows the params' defaults with the first seed. */
export function start(element: HTMLElement, { params }: WidgetContext<Role>): WidgetController<Role> {
  const s = pageStrings();
  let seed = FIRST_SEED;
  const readOptions = (): FlowOptions => {
    const activation = String(params.value("activation"));
    const known = (FLOW_ACTIVATIONS as readonly string[]).includes(activation);
    return { depth: params.number("depth"), activation: (known ? activation : params.spec("activation").value) as FlowOptions["activation"], scale: params.number("scale"), seed };
  };
  const defaults: FlowOptions = { depth: Number(params.spec("depth").value), activation: params.spec("activation").value as FlowOptions["activation"], scale: Number(params.spec("scale").value), seed: FIRST_SEED };
  let shown = JSON.stringify(defaults);

  const redraw = () => {
    const options = readOptions();
    const key = JSON.stringify(options);
    if (key === shown) return;
    shown = key;
    const { layers, error } = measureDeltaFlow(options);
    const box = element.querySelector("[data-flow-chart]")!;
    box.replaceChildren(plotDeltaFlow(layers, undefined, s, fitFigureWidth(box, FLOW_CHART_WIDTH)));
    for (const field of ["depth", "activation", "scale", "seed"] as const) {
      element.querySelector(`[data-flow=${field}]`)!.textContent = String(options[field]);
    }
    element.dataset.seed = String(options.seed);
    const zero = layers.filter((row) => row.meanDelta === 0).map((row) => row.layer);
    const zeroNote = zero.length > 0 ? s.bpFlowZeroLayers({ layers: zero.join(s.dlListComma) }) : "";
    element.querySelector(".bp-flow-summary")!.textContent = s.bpFlowSummary({ summary: `${summarizeFlow(layers, s)}${zeroNote}`, error: formatExampleNumber(error) });
    element.querySelector("[data-flow-rows]")!.replaceChildren(...layers.map((row) => {
      const tr = document.createElement("tr");
      const th = document.createElement("th");
      th.scope = "row";
      th.textContent = String(row.layer);
      tr.append(th, ...[row.meanDelta, row.meanGradient].map((value) => {
        const td = document.createElement("td");
        td.textContent = formatExampleNumber(value);
        return td;
      }));
      return tr;
    }));
  };
  redraw(); // a link's query may already differ from the saved chart
  return {
    action(name) {
      if (name !== "reseed") return;
      seed += 1;
      redraw();
    },
    paramsChanged: redraw,
  };
}
