/**
 * The graph stepper built in the page for a cell's graph output: the same shell GraphStepper.astro
 * writes, made with createElement and textContent only (the data came from reader code), plus a line
 * for each node where the reader's own backward disagrees with the chain rule replayed on their graph.
 */
import type { GraphOutput } from "../../src/notebook/graphOutput.ts";
import type { FixedGraph } from "./scalarGraph.ts";
import { formatStepNumber, nameNode } from "./backwardSteps.ts";
import { en } from "../../src/i18n/en";
import type { Strings } from "../../src/i18n/types";
import { pageStrings } from "../../src/i18n/strings";

// The one module-level state: a counter that keeps each live stepper's aria-describedby id unique in the page.
let made = 0;

/** Where the reader's grads differ from the replay, one sentence per node, e.g. "your grad on x is 3, the chain rule gives 4". */
export function compareGrads(output: GraphOutput, s: Strings = en): string[] {
  // null is a grad that was missing or not finite; when no node has one, the class keeps no grads and there is nothing to compare.
  if (output.ownGrads.every((grad) => grad === null)) return [];
  return output.graph.nodes.flatMap((node, id) => {
    const own = output.ownGrads[id];
    if (own === null) return [s.csOwnNotFinite({ node: nameNode(node), expected: formatStepNumber(node.grad) })];
    if (Math.abs(own - node.grad) <= 1e-9 * Math.max(1, Math.abs(node.grad))) return [];
    return [s.csOwnDiffers({ node: nameNode(node), got: formatStepNumber(own), expected: formatStepNumber(node.grad) })];
  });
}

/** A <graph-stepper> for the output, which draws itself at once (the reader has just run the cell). */
export function createLiveStepper(output: GraphOutput, doc: Document = document, s: Strings = pageStrings()): HTMLElement {
  const keysId = `gs-keys-live-${++made}`;
  const fixed: FixedGraph = { graph: output.graph, formula: output.title, model: "your Scalar and your backward", activation: "as your code computed it", loss: "none (the output is the last node)", inputs: "" };
  const el = (tag: string, className: string, text = "", attributes: Record<string, string> = {}): HTMLElement => {
    const element = doc.createElement(tag);
    element.className = className;
    element.textContent = text;
    for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
    return element;
  };
  const stepper = el("graph-stepper", "widget graph-stepper gs-live", "", { "data-follows": "false", "data-eager": "true", "data-traced": JSON.stringify(fixed) });
  const caption = el("p", "widget-model gs-caption");
  caption.append(el("span", "gs-formula-text", output.title, { "data-gs-formula": "" }), el("span", "", "", { "data-gs-model": "" }), el("span", "", s.csLiveInputs, { "data-gs-inputs": "" }));
  const differences = compareGrads(output, s);
  const verdict = differences.length === 0
    ? el("p", "gs-own-grads gs-own-grads-agree", output.ownGrads.every((grad) => grad === null) ? s.csNoGrads : s.csAgrees)
    : el("p", "gs-own-grads gs-own-grads-differ", s.csDisagrees({ nodes: differences.length, differences: differences.join(s.chkProblemSeparator) }));
  const figure = el("div", "widget-figure gs-figure", "", { "data-figure": "", "data-gs-figure": "", tabindex: "0", role: "group", "aria-label": s.csLiveGraphAria, "aria-describedby": keysId });
  const tex = el("div", "gs-tex", "", { "data-gs-tex": "", tabindex: "0", role: "region", "aria-label": s.csTexAria });
  const controls = el("div", "widget-controls", "", { role: "group", "aria-label": s.csControlsAria });
  controls.append(
    el("button", "", s.trainReset, { type: "button", "data-action": "reset" }),
    el("button", "", s.csBack, { type: "button", "data-action": "back", disabled: "" }),
    el("button", "", s.trainPlay, { type: "button", "data-action": "play", "aria-pressed": "false" }),
    el("button", "", s.csNext, { type: "button", "data-action": "next" }),
    el("span", "gs-counter", s.csCounterStart, { "data-gs-counter": "" }),
  );
  const status = el("p", "widget-status gs-status", s.csDrawing, { role: "status", "aria-live": "polite", "data-gs-status": "" });
  const legend = el("p", "widget-hint", s.csLiveLegend, { id: keysId });
  stepper.append(caption, verdict, figure, tex, controls, status, legend);
  return stepper;
}
