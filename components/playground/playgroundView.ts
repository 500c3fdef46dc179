/**
 * The playground's live figures: each drawn from the session into its box at the box's width, one
 * figure per call, in turn, so a frame draws at most one. While training plays, a figure is
 * redrawn at most every REDRAW_INTERVAL_MS; training itself goes on every frame.
 */
import { layOutNetwork } from "./diagram";
import { DECISION_RESOLUTION, LIGHT_PALETTE, buildRamp, plotGradients, plotHeatmap, plotLosses, plotNetwork, plotPlane, toPointRows, type Palette } from "./figures";
import { renderParameterTables } from "./parameterTable";
import type { PlotFigure } from "../kit/pointer";
import type { PlanePoint } from "./planeInput";
import { createGridInputs, createUnitMaps, evaluateDecision, evaluateHiddenUnits, type Session } from "./session";
import { UNIT_RESOLUTION, findUnitRange, paintUnitCanvas, renderUnitRows } from "./unitMaps";
import { pageStrings } from "../../src/i18n/strings";

/** The figures, in the order they take turns. */
export type Figure = "plane" | "heatmap" | "units" | "network" | "losses" | "gradients" | "parameters";
const FIGURE_ORDER: Figure[] = ["plane", "heatmap", "units", "network", "losses", "gradients", "parameters"];
/** The figures a training step changes (the plane's points stay). */
export const TRAINED_FIGURES: Figure[] = ["heatmap", "units", "network", "losses", "gradients", "parameters"];
/** While playing, a figure is redrawn at most this often (ms): each redraw costs a few ms, training continues every frame. */
const REDRAW_INTERVAL_MS: Record<Figure, number> = { plane: 0, heatmap: 100, units: 100, network: 150, losses: 200, gradients: 200, parameters: 500 };

/** Draws the session's figures into the playground's boxes. */
export class PlaygroundView {
  /** The plane's live Plot figure, whose scales turn a click into inputs. */
  decisionPlot: PlotFigure | null = null;
  /** The latest redraw time of each figure, in ms. */
  readonly drawMs: Partial<Record<Figure, number>> = {};
  private readonly element: HTMLElement;
  private readonly dirty = new Set<Figure>(FIGURE_ORDER);
  private nextFigure = 0;
  private readonly s = pageStrings();
  private drawnAt: Partial<Record<Figure, number>> = {};
  private palette: Palette = LIGHT_PALETTE;
  private ramp = buildRamp(LIGHT_PALETTE);
  private readonly decisionValues = new Float32Array(DECISION_RESOLUTION * DECISION_RESOLUTION);
  private gridInputs: Float64Array = new Float64Array(0);
  private unitMaps: Float32Array[][] = [];
  /** This run's unit canvases, once drawn; until then the squares shown are the last run's (or the saved ones). */
  private unitCanvases: HTMLCanvasElement[] | null = null;

  constructor(element: HTMLElement) {
    this.element = element;
    this.readPalette();
  }

  /** Marks figures to redraw; all of them when none is named. */
  markDirty(...figures: Figure[]): void {
    for (const figure of figures.length > 0 ? figures : FIGURE_ORDER) this.dirty.add(figure);
  }

  /** Reads the theme's colours for the heatmap and the unit squares (the other figures follow the theme through CSS). */
  readPalette(): void {
    const style = getComputedStyle(this.element);
    const read = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
    this.palette = { class0: read("--warm", LIGHT_PALETTE.class0), paper: read("--paper-raised", LIGHT_PALETTE.paper), class1: read("--accent", LIGHT_PALETTE.class1), ink: read("--ink", LIGHT_PALETTE.ink) };
    this.ramp = buildRamp(this.palette);
  }

  /** A new run: a grid for the hidden units, new canvases at their next redraw, and every figure to redraw. */
  prepare(session: Session): void {
    const hidden = session.config.hidden;
    this.gridInputs = createGridInputs({ ...session.box, resolution: UNIT_RESOLUTION });
    this.unitMaps = createUnitMaps(hidden, UNIT_RESOLUTION);
    this.unitCanvases = null;
    this.find("[data-units-section]").hidden = hidden.length === 0;
    this.markDirty();
  }

  /** Redraws the next figure that changed (and is due, while playing); returns the one drawn, if any. */
  drawNext(session: Session, playing: boolean, cursor: PlanePoint | null): Figure | undefined {
    const now = performance.now();
    for (let tries = 0; tries < FIGURE_ORDER.length; tries++) {
      const figure = FIGURE_ORDER[this.nextFigure];
      this.nextFigure = (this.nextFigure + 1) % FIGURE_ORDER.length;
      if (!this.dirty.has(figure)) continue;
      if (playing && now - (this.drawnAt[figure] ?? -Infinity) < REDRAW_INTERVAL_MS[figure]) continue;
      this.dirty.delete(figure);
      this.drawnAt[figure] = now;
      if (figure === "plane") this.drawPlane(session, cursor);
      else if (figure === "heatmap") this.drawHeatmap(session);
      else if (figure === "units") this.drawUnits(session);
      else if (figure === "network") this.drawNetwork(session);
      else if (figure === "losses") this.drawLosses(session);
      else if (figure === "gradients") this.drawGradients(session);
      else this.drawParameters(session);
      this.drawMs[figure] = performance.now() - now;
      return figure;
    }
    return undefined;
  }

  private find(selector: string): HTMLElement {
    return this.element.querySelector<HTMLElement>(selector)!;
  }

  private figureWidth(selector: string, fallback: number): number {
    return Math.max(200, Math.min(this.find(selector).clientWidth || fallback, 640));
  }

  private drawPlane(session: Session, cursor: PlanePoint | null): void {
    const plot = plotPlane({ document, width: this.figureWidth("[data-decision]", 360), box: session.box, train: toPointRows(session.train), test: toPointRows(session.test), cursor, strings: this.s });
    this.decisionPlot = plot;
    this.find("[data-decision-plot]").replaceChildren(plot);
  }

  private drawHeatmap(session: Session): void {
    const host = this.find("[data-heatmap]");
    if (!session.trainer) {
      host.replaceChildren();
      return;
    }
    const values = evaluateDecision(session, this.decisionValues);
    const plot = plotHeatmap({ document, width: this.figureWidth("[data-decision]", 360), box: session.box, values, palette: this.palette, strings: this.s });
    plot.setAttribute("aria-hidden", "true");
    host.replaceChildren(plot);
  }

  /** Each hidden unit's activation over the plane, one canvas pixel per grid point; new canvases go in only once painted. */
  private drawUnits(session: Session): void {
    if (this.unitCanvases) {
      this.paintUnits(session, this.unitCanvases);
      return;
    }
    const canvases: HTMLCanvasElement[] = [];
    const rows = renderUnitRows(document, session.config.hidden, this.s, () => {
      const canvas = Object.assign(document.createElement("canvas"), { width: UNIT_RESOLUTION, height: UNIT_RESOLUTION });
      canvases.push(canvas);
      return canvas;
    });
    this.paintUnits(session, canvases);
    this.find("[data-units]").replaceChildren(...rows);
    this.unitCanvases = canvases;
  }

  private paintUnits(session: Session, canvases: HTMLCanvasElement[]): void {
    if (canvases.length === 0) return;
    evaluateHiddenUnits(session, this.gridInputs, this.unitMaps);
    this.unitMaps.flat().forEach((map, i) => paintUnitCanvas(canvases[i], map, findUnitRange(map, session.config.activation), this.ramp));
  }

  private drawNetwork(session: Session): void {
    const { nodes, edges } = layOutNetwork(session.network);
    this.find("[data-network]").replaceChildren(plotNetwork({ document, width: this.figureWidth("[data-network]", 360), nodes, edges, strings: this.s }));
  }

  private drawLosses(session: Session): void {
    this.find("[data-losses]").replaceChildren(plotLosses({ document, width: this.figureWidth("[data-losses]", 320), losses: session.losses, strings: this.s }));
  }

  private drawGradients(session: Session): void {
    const width = this.figureWidth("[data-gradients]", 320);
    this.find("[data-gradients]").replaceChildren(plotGradients({ document, width, gradients: session.gradients, layers: session.network.layers.length, strings: this.s }));
  }

  /** Every W^l and b^l as small tables, the output bias included; skipped while the tables are folded away. */
  private drawParameters(session: Session): void {
    const host = this.find("[data-parameters]");
    if (!host.closest("details")?.open) return;
    host.replaceChildren(...renderParameterTables(document, session.network));
  }
}
