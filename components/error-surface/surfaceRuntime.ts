/**
 * The heavy half of <error-surface-widget> (engine and Plot), loaded on the reader's first touch:
 * it recomputes the surfaces from the page's params a few rows per frame, redraws them with a
 * movable point, and keeps the readouts and the fit plot in step with that point.
 * Modes: "explorer" (one surface beside the fit plot), "compare" (squared error beside
 * cross-entropy), "shapes" (f = u² + c·v² with its downhill arrow).
 */
import type { WidgetContext, WidgetController } from "../kit/lazyWidget";
import type { BoundParams } from "../kit/boundParams";
import { arrowMove, pickPoint, type PlotFigure } from "../kit/pointer";
import type { Mode, Role } from "./surfaceRoles";
import {
  WEIGHT_BOX, SHAPE_BOX, SURFACE_LOSSES, computeOutputGrid, computeSurface, describeData, computeShapeSurface, createUnit, findBoundary,
  findLowestPoint, listExamples, makeSurfaceData, measureError, nameShape, shapeDownhill, shapeValue,
  type SurfaceLoss, type WeightBox,
} from "./lossSurface";
import { OUTPUT_RESOLUTION, SURFACE_RESOLUTION, chooseThresholds, plotFit, plotBandedSurface, plotSurfaceLegend } from "./surfacePlots";
import { addMarker, placeMarker, type ScaledFigure } from "./surfaceMarker";
import { describeShapePoint, describeWeights, findArrowTip, formatValue as format } from "./surfaceText";
import type { Dataset, Network } from "../../src/engine/index.ts";

type Point = { x: number; y: number };

const FRAME_BUDGET_MS = 6; // keeps each animation frame well under ~8 ms of our work

/** One drawn surface: its numbers, its figure and the marker laid over the figure. */
interface Panel {
  host: HTMLElement;
  box: WeightBox;
  values: Float64Array;
  legend: HTMLElement | null;
  figure: ScaledFigure | null;
  marker: SVGGElement | null;
  name: string;
  loss?: SurfaceLoss;
  unit?: Network;
}

const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));

/** Takes over the element; resolves once its figures are drawn, so queued pointer positions land on live scales. */
export async function start(element: HTMLElement, { params }: WidgetContext<Role>): Promise<WidgetController<Role>> {
  const surfaces = new SurfaceController(element, params);
  await surfaces.recompute();
  return {
    action: (name) => surfaces.act(name),
    pick: (clientX, clientY, figure) => surfaces.pointAt(figure, clientX, clientY),
    release: () => surfaces.announce(),
    press: (key, shift) => surfaces.press(key, shift),
    paramsChanged: () => void surfaces.recompute(),
  };
}

/** Drives one error-surface widget: the kit forwards its drags, keys, buttons and param changes. */
class SurfaceController {
  private readonly mode: Mode;
  private readonly start: Point;
  private point: Point;
  private readonly panels: Panel[];
  private data: Dataset | null = null;
  private curvature = 0;
  private generation = 0;
  private computed = "";
  private fitFrame = 0;

  constructor(
    private readonly element: HTMLElement,
    private readonly params: BoundParams<Role>,
  ) {
    this.mode = (element.dataset.mode as Mode) ?? "explorer";
    this.start = JSON.parse(element.dataset.start ?? '{"x":0,"y":0}') as Point;
    this.point = { ...this.start };
    this.panels = [...element.querySelectorAll<HTMLElement>("[data-es-surface]")].map((host) => ({
      host,
      name: host.dataset.esSurface!,
      box: { ...(this.mode === "shapes" ? SHAPE_BOX : WEIGHT_BOX), resolution: SURFACE_RESOLUTION },
      values: new Float64Array(SURFACE_RESOLUTION * SURFACE_RESOLUTION),
      legend: host.parentElement!.querySelector<HTMLElement>("[data-es-legend]"),
      figure: null,
      marker: null,
    }));
  }

  /** A button: back to the start, or to the lowest grid point. */
  act(action: string): void {
    if (action === "reset") this.moveTo(this.start, true);
    else if (action === "lowest") {
      const lowest = findLowestPoint(this.panels[0].values, this.panels[0].box);
      this.moveTo({ x: lowest.w1, y: lowest.w2 }, true);
    }
  }

  /** A key on a focused surface: arrows move the point (Shift: further), Home goes back to the start. */
  press(key: string, shift: boolean): void {
    const move = arrowMove(key, this.mode === "shapes" ? 0.1 : 0.25, shift);
    if (key === "Home") this.moveTo(this.start, true);
    else if (move) this.moveTo({ x: this.point.x + move[0], y: this.point.y + move[1] }, true);
  }

  /** The pointer at (clientX, clientY) over the surface in `host`: the point follows it; screen readers hear of it when the drag ends. */
  pointAt(host: HTMLElement, clientX: number, clientY: number): void {
    const figure = this.panels.find((panel) => panel.host === host)?.figure;
    const point = figure && pickPoint(figure as unknown as PlotFigure, { clientX, clientY }, true);
    if (point) this.moveTo({ x: point[0], y: point[1] }, false);
  }

  /** Tells screen readers where the point is. */
  announce(): void {
    this.say(this.mode === "shapes" ? describeShapePoint(this.curvature, this.point) : describeWeights(this.point, this.errors()));
  }

  /** A bound param's current value. */
  private param<T extends number | string>(role: Role): T {
    return this.params.value(role) as T;
  }

  /** Recomputes every surface from the current params, a few rows per animation frame, then redraws; nothing when they have not changed. */
  async recompute(): Promise<void> {
    const inputs = this.mode === "shapes" ? [this.param("curvature")] : [this.param("points"), this.param("flipped"), this.mode === "explorer" ? this.chosenLoss() : ""];
    const key = JSON.stringify(inputs);
    if (key === this.computed) return;
    this.computed = key;
    const generation = ++this.generation;
    this.element.setAttribute("aria-busy", "true");
    if (this.mode === "shapes") {
      this.curvature = Number(this.param<number>("curvature"));
      this.panels[0].values = computeShapeSurface(this.curvature, SURFACE_RESOLUTION); // 61² additions: instant
    } else {
      const points = Number(this.param<number>("points"));
      const flipped = Number(this.param<number>("flipped"));
      this.data = makeSurfaceData(points, flipped);
      const described = this.element.querySelector<HTMLElement>("[data-es-value=data]");
      if (described) described.textContent = describeData(points, flipped);
      const losses: SurfaceLoss[] = this.mode === "compare" ? [...SURFACE_LOSSES] : [this.chosenLoss()];
      this.panels.forEach((panel, index) => {
        panel.loss = losses[index];
        panel.unit = createUnit(losses[index]);
      });
      for (const panel of this.panels) {
        const values = new Float64Array(panel.values.length);
        let row = 0;
        while (row < panel.box.resolution) {
          await nextFrame();
          if (generation !== this.generation) return; // a newer change started over
          const began = performance.now();
          while (row < panel.box.resolution && performance.now() - began < FRAME_BUDGET_MS) {
            computeSurface(panel.unit!, this.data, panel.box, { output: values, fromRow: row, toRow: row + 1 });
            row++;
          }
        }
        panel.values = values;
      }
    }
    if (generation !== this.generation) return;
    for (const panel of this.panels) this.drawSurface(panel);
    this.element.removeAttribute("aria-busy");
    this.moveTo(this.point, true);
    this.element.dataset.ready = "true";
    this.element.dataset.generation = String(generation);
  }

  private chosenLoss(): SurfaceLoss {
    const loss = this.param<string>("loss");
    return (SURFACE_LOSSES as readonly string[]).includes(loss) ? (loss as SurfaceLoss) : "squared error";
  }

  /** Draws a panel's heatmap and contours, and lays a fresh marker over it. */
  private drawSurface(panel: Panel): void {
    const thresholds = chooseThresholds(panel.values);
    const labels = this.mode === "shapes" ? ["u", "v"] : ["w₁", "w₂"];
    const figure = plotBandedSurface({
      values: panel.values, box: panel.box, thresholds, xLabel: labels[0], yLabel: labels[1],
      ariaLabel: this.mode === "shapes" ? `f(u, v) = u² + ${format(this.curvature, 2)}·v² over u and v` : `${panel.loss} E over the weights w1 and w2`,
    }) as ScaledFigure;
    panel.host.replaceChildren(figure);
    panel.figure = figure;
    if (panel.legend) panel.legend.replaceChildren(plotSurfaceLegend(thresholds, this.mode === "shapes" ? "f" : `E (${panel.loss})`));
    panel.marker = addMarker(figure, this.mode === "shapes");
  }

  /** Moves the point (clamped to the map), updates markers, readouts and the fit plot; `announce` also tells screen readers. */
  private moveTo(target: Point, announce: boolean): void {
    const box = this.panels[0].box;
    const snap = (value: number) => Math.round(value * 100) / 100;
    this.point = { x: snap(clamp(target.x, box.w1Min, box.w1Max)), y: snap(clamp(target.y, box.w2Min, box.w2Max)) };
    const tip = this.mode === "shapes" ? findArrowTip(this.curvature, this.point) : undefined;
    for (const panel of this.panels) if (panel.figure && panel.marker) placeMarker(panel.figure, panel.marker, this.point, tip);
    this.updateReadout();
    if (this.mode === "explorer") this.scheduleFit();
    if (announce) this.announce();
  }

  private errors(): { loss: string; error: number }[] {
    return this.panels.map((panel) => ({ loss: panel.loss!, error: measureError(panel.unit!, this.data!, this.point.x, this.point.y) }));
  }

  /** The numbers beside the plots, each computed by the engine (or, for the shapes, by f itself). */
  private updateReadout(): void {
    const { x, y } = this.point;
    const set = (name: string, text: string) => {
      const slot = this.element.querySelector<HTMLElement>(`[data-es-value=${name}]`);
      if (slot) slot.textContent = text;
    };
    set("w1", format(x, 2));
    set("w2", format(y, 2));
    if (this.mode === "shapes") {
      const down = shapeDownhill(this.curvature, x, y);
      set("f", format(shapeValue(this.curvature, x, y)));
      set("slope", format(Math.hypot(down.u, down.v)));
      set("shape", nameShape(this.curvature));
      set("a", format(this.curvature, 2));
      return;
    }
    for (const [index, { loss, error }] of this.errors().entries()) {
      set(this.panels[index].name, Number.isFinite(error) ? format(error, 4) : "not a number");
      if (!Number.isFinite(error)) this.say(`The ${loss} is not a finite number at w₁ = ${format(x, 2)}, w₂ = ${format(y, 2)}; move the point back towards the centre.`);
    }
    const loss = this.element.querySelector<HTMLElement>("[data-es-value=loss]");
    if (loss && this.panels[0].loss) loss.textContent = this.panels[0].loss;
  }

  private say(text: string): void {
    const status = this.element.querySelector<HTMLElement>("[data-es-status]");
    if (status) status.textContent = text;
  }

  /** Redraws the fit plot at most once per animation frame while the point is dragged. */
  private scheduleFit(): void {
    if (this.fitFrame) return;
    this.fitFrame = requestAnimationFrame(() => {
      this.fitFrame = 0;
      const host = this.element.querySelector<HTMLElement>("[data-es-fit]");
      const panel = this.panels[0];
      if (!host || !this.data || !panel.unit) return;
      const { x, y } = this.point;
      host.replaceChildren(plotFit({
        outputs: computeOutputGrid(panel.unit, x, y, OUTPUT_RESOLUTION),
        resolution: OUTPUT_RESOLUTION,
        examples: listExamples(this.data),
        boundary: findBoundary(x, y),
        ariaLabel: `The data and the unit's output y = σ(${format(x, 2)}·x1 + ${format(y, 2)}·x2)`,
      }));
    });
  }
}

function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => resolve()));
}
