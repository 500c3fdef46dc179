/**
 * Draws a traced graph at one moment of its backward pass with Observable Plot (arrow, dot and
 * text marks on a column × row grid). Colours come from CSS classes on the marks, so the site's
 * light and dark themes style the same SVG; the build and the browser call the same function.
 */
import * as Plot from "@observablehq/plot";
import { asImage } from "../kit/charts";
import type { TracedGraph } from "../../src/engine/index.ts";
import type { GraphLayout } from "./graphLayout.ts";
import { isConstantNode } from "./graphLayout.ts";
import { formatNumber } from "../kit/formatNumber.ts";
import { formatStepNumber, nameNode, type ArrowStep, type BackwardState } from "./backwardSteps.ts";
import { en } from "../../src/i18n/en";
import type { Strings } from "../../src/i18n/types";

/** Left to right by depth, or top to bottom when the container is too narrow for the columns. */
export type Orientation = "horizontal" | "vertical";

const RADIUS = 28;
const MARGIN = 36;
// Name, value and gradient all sit inside the circle, so nodes can be packed tightly enough for a phone.
const SPACING = { horizontal: { along: 98, across: 74 }, vertical: { along: 80, across: 72 } } as const;

/** A node's gradient label: "∂ ?" before any arrow reaches it, else three significant digits, so "∂ −0.0412" fits in the circle. */
export function labelGradient(grad: number | null): string {
  if (grad === null) return "∂ ?";
  return `∂ ${formatNumber(grad, { digits: 3, wholeIntegers: true, exponents: false })}`;
}

/** The pixel size of the drawing in an orientation, before any CSS scaling. */
export function measureGraph(layout: GraphLayout, orientation: Orientation): { width: number; height: number } {
  const { along, across } = SPACING[orientation];
  const long = 2 * MARGIN + (layout.columns - 1) * along;
  const short = 2 * MARGIN + (layout.rows - 1) * across;
  return orientation === "horizontal" ? { width: long, height: short } : { width: short, height: long };
}

/** The orientation that needs the least shrinking to fit `available` pixels of width (horizontal when both fit). */
export function chooseOrientation(layout: GraphLayout, available: number): Orientation {
  const horizontal = measureGraph(layout, "horizontal").width;
  if (horizontal <= available) return "horizontal";
  return measureGraph(layout, "vertical").width < horizontal ? "vertical" : "horizontal";
}

/** What to draw: the graph, its layout, the backward state, and the name of the expression for screen readers. */
export interface GraphFigureOptions {
  graph: TracedGraph;
  layout: GraphLayout;
  arrows: readonly ArrowStep[];
  state: BackwardState;
  orientation: Orientation;
  title: string;
  /** The document to draw into: linkedom's at build time, the page's in the browser. */
  document?: Document;
  /** The language of the figure's description; default English. */
  strings?: Strings;
}

/** The graph as an SVG element: arrows pending (dashed), applied (solid) and current (thick), nodes with value and gradient. */
export function renderGraphFigure(options: GraphFigureOptions): SVGSVGElement | HTMLElement {
  const { graph, layout, arrows, state, orientation, title } = options;
  const { width, height } = measureGraph(layout, orientation);
  const place = (id: number) => {
    const { column, row } = layout.nodes[id];
    return orientation === "horizontal" ? { x: column, y: row } : { x: row, y: column };
  };
  const half = (layout.rows - 1) / 2;
  const along: [number, number] = [0, Math.max(1, layout.columns - 1)];
  const across: [number, number] = half > 0 ? [-half, half] : [-0.5, 0.5];
  const [xDomain, yDomain] = orientation === "horizontal" ? [along, across] : [across, along];
  const xRange = half > 0 || orientation === "horizontal" ? [MARGIN, width - MARGIN] : [MARGIN - 0.5 * SPACING.vertical.across, width - MARGIN + 0.5 * SPACING.vertical.across];
  const yRange = half > 0 || orientation === "vertical" ? [MARGIN, height - MARGIN] : [MARGIN - 0.5 * SPACING.horizontal.across, height - MARGIN + 0.5 * SPACING.horizontal.across];

  const arrowData = arrows.map((arrow, index) => {
    const from = place(arrow.from);
    const to = place(arrow.to);
    const status = index < state.applied - 1 ? "done" : index === state.applied - 1 ? "current" : "pending";
    return { x1: from.x, y1: from.y, x2: to.x, y2: to.y, status, label: `× ${formatStepNumber(arrow.localDerivative)}` };
  });
  const nodeData = graph.nodes.map((node) => {
    const grad = state.grads[node.id];
    const status = grad === null ? "waiting" : state.final[node.id] ? "final" : "partial";
    const role = state.current?.from === node.id ? "receiving" : state.current?.to === node.id ? "giving" : "";
    return {
      ...place(node.id),
      status,
      role,
      constant: isConstantNode(graph, node.id),
      // A constant's name is its value: show the number once, where the name would be.
      name: isConstantNode(graph, node.id) ? "" : nameNode(node),
      value: formatStepNumber(node.data),
      grad: labelGradient(grad),
    };
  });
  const arrowMark = (status: string, extra: Record<string, unknown> = {}) =>
    Plot.arrow(arrowData.filter((d) => d.status === status), { x1: "x1", y1: "y1", x2: "x2", y2: "y2", inset: RADIUS + 3, headLength: 7, stroke: "currentColor", className: `gs-arrow gs-arrow-${status}`, ...extra });
  const current = arrowData.filter((d) => d.status === "current").map((d) => ({ x: (d.x1 + d.x2) / 2, y: (d.y1 + d.y2) / 2, label: d.label }));
  const nodesWith = (status: string) => nodeData.filter((d) => d.status === status);

  const svg = Plot.plot({
    document: options.document,
    width,
    height,
    ariaLabel: title,
    ariaDescription: (options.strings ?? en).csGraphDescription({ nodes: graph.nodes.length, applied: state.applied, total: arrows.length }),
    style: { overflow: "visible" },
    x: { domain: xDomain, range: xRange, axis: null },
    y: { domain: yDomain, range: yRange, axis: null },
    marks: [
      arrowMark("pending", { strokeDasharray: "4,4", strokeWidth: 1.2 }),
      arrowMark("done", { strokeWidth: 1.6 }),
      arrowMark("current", { strokeWidth: 3.5, headLength: 10 }),
      Plot.dot(nodeData.filter((d) => d.role !== ""), { x: "x", y: "y", r: RADIUS + 5, stroke: "currentColor", strokeWidth: 3, className: "gs-ring", fill: "none" }),
      ...["waiting", "partial", "final"].map((status) =>
        Plot.dot(nodesWith(status), { x: "x", y: "y", r: RADIUS, stroke: "currentColor", fill: "currentColor", strokeWidth: 1.5, className: `gs-node gs-node-${status}` }),
      ),
      Plot.dot(nodeData.filter((d) => d.constant), { x: "x", y: "y", r: RADIUS, stroke: "currentColor", fill: "none", strokeDasharray: "3,3", className: "gs-node-constant" }),
      Plot.text(nodeData, { x: "x", y: "y", text: "name", dy: -12, fontWeight: 700, fontSize: 11.5, className: "gs-name" }),
      Plot.text(nodeData, { x: "x", y: "y", text: "value", dy: 1, fontSize: 10.5, className: "gs-value" }),
      ...["waiting", "partial", "final"].map((status) =>
        Plot.text(nodesWith(status), { x: "x", y: "y", text: "grad", dy: 13, fontSize: 10.5, fontWeight: 700, className: `gs-grad gs-grad-${status}` }),
      ),
      Plot.text(current, { x: "x", y: "y", text: "label", fontSize: 12, fontWeight: 700, stroke: "white", strokeWidth: 4, className: "gs-arrow-label" }),
    ],
  }) as SVGSVGElement;
  return asImage(svg);
}
