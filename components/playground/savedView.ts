/**
 * The playground's saved view, rendered at build time on the kit's figure document: the default run before its first
 * step, every figure as markup. The page reads without JavaScript, and the figures stand in for the
 * live ones until the reader's first touch loads the runtime; each keeps the live figure's box
 * (column width, live height), so nothing moves when the live figures replace them.
 */
import katex from "katex";
import { createFigureDocument } from "../../src/notebook/figureDocument";
import { pairFigureSizes, PHONE_FIGURE_WIDTH } from "../kit/charts";
import { createConfig, type BoundSettings, type PlaygroundConfig } from "./config";
import { layOutNetwork } from "./diagram";
import { DECISION_RESOLUTION, plotGradients, plotLosses, plotNetwork, plotPlane, plotSavedHeatmap, toPointRows } from "./figures";
import { writeFormulas } from "./formula";
import { renderParameterTables } from "./parameterTable";
import { createGridInputs, createSession, createUnitMaps, evaluateDecision, evaluateHiddenUnits, type Session } from "./session";
import { describeStatus, readyAnnouncement } from "./sessionText";
import { UNIT_RESOLUTION, findUnitRange, renderSavedUnit, renderUnitRows } from "./unitMaps";
import { en } from "../../src/i18n/en";
import type { Strings } from "../../src/i18n/types";

/** Widths the saved figures are drawn at; CSS fits them to the column, which the live figures are drawn to. */
const PLANE_WIDTH = 440; // between a phone's column (about 300 px) and a desktop's (about 490)
const CHART_WIDTH = 360;
/** A live figure is never wider than this (figureWidth in the runtime). */
const MAX_WIDTH = 640;

/** Everything the component puts in the page, as text and markup. */
export interface SavedView {
  config: PlaygroundConfig;
  session: Session;
  /** The status line without JavaScript, and what the kit shows once scripts run (data-ready). */
  status: string;
  readyStatus: string;
  heatmap: string;
  plane: string;
  network: string;
  units: string;
  formulas: { name: string; tex: string; html: string }[];
  losses: string;
  gradients: string;
  tables: string;
}

/** Square figures fill the column and stay square; the others fill it at the live height, drawn from the left as the live ones are. */
function fitColumn(figure: Element, height?: number): Element {
  figure.setAttribute("style", `width: 100%; max-width: ${MAX_WIDTH}px${height === undefined ? "" : `; height: ${height}px`}`);
  if (height !== undefined) figure.setAttribute("preserveAspectRatio", "xMinYMid meet");
  return figure;
}

/** A figure drawn for a wide column and again PHONE_FIGURE_WIDTH wide (its box has widget-two-sizes), so a phone shows its text unshrunk. */
function drawTwoSizes(draw: (phone: boolean) => Element, pinHeight = false): string {
  const fit = (figure: Element) => fitColumn(figure, pinHeight ? Number(figure.getAttribute("height")) : undefined);
  return pairFigureSizes(fit(draw(false)), fit(draw(true)));
}

/** The saved view of the default run, with the bound settings' defaults from the page's <Param>s. */
export function renderSavedView(bound: BoundSettings, s: Strings = en): SavedView {
  const config = createConfig(bound);
  const session = createSession(config, DECISION_RESOLUTION);
  const document = createFigureDocument();

  const values = evaluateDecision(session, new Float32Array(DECISION_RESOLUTION * DECISION_RESOLUTION));
  const planeWidth = (phone: boolean) => (phone ? PHONE_FIGURE_WIDTH : PLANE_WIDTH);
  const chartWidth = (phone: boolean) => (phone ? PHONE_FIGURE_WIDTH : CHART_WIDTH);
  const heatmap = drawTwoSizes((phone) => {
    const drawn = plotSavedHeatmap({ document, width: planeWidth(phone), box: session.box, values, strings: s });
    drawn.setAttribute("aria-hidden", "true");
    return drawn;
  });
  const plane = drawTwoSizes((phone) => plotPlane({ document, width: planeWidth(phone), box: session.box, train: toPointRows(session.train), test: toPointRows(session.test), strings: s }));

  const { nodes, edges } = layOutNetwork(session.network);
  const network = drawTwoSizes((phone) => plotNetwork({ document, width: chartWidth(phone), nodes, edges, strings: s }), true);
  const losses = drawTwoSizes((phone) => plotLosses({ document, width: chartWidth(phone), losses: session.losses, strings: s }), true);
  const gradients = drawTwoSizes((phone) => plotGradients({ document, width: chartWidth(phone), gradients: session.gradients, layers: session.network.layers.length, strings: s }), true);

  const maps = evaluateHiddenUnits(session, createGridInputs({ ...session.box, resolution: UNIT_RESOLUTION }), createUnitMaps(config.hidden, UNIT_RESOLUTION));
  const unitRows = renderUnitRows(document, config.hidden, s, (l, j) =>
    renderSavedUnit(document, maps[l][j], findUnitRange(maps[l][j], config.activation), UNIT_RESOLUTION),
  );

  const status = describeStatus(session, s);
  return {
    config,
    session,
    status,
    readyStatus: `${readyAnnouncement(s)} ${status}`,
    heatmap,
    plane,
    network,
    units: unitRows.map((row) => row.outerHTML).join(""),
    formulas: writeFormulas(config).map(([name, tex]) => ({ name, tex, html: katex.renderToString(tex, { displayMode: true, throwOnError: true }) })),
    losses,
    gradients,
    tables: renderParameterTables(document, session.network).map((table) => table.outerHTML).join(""),
  };
}
