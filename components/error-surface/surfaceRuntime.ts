/**
 * <error-surface-widget>: the browser half of the chapter's widgets. The build saved a picture;
 * this element replaces it with live Plot figures, a draggable point on each surface (pointer
 * drag, or arrow keys when focused) and readouts, and recomputes when the page's params change.
 * Modes: "explorer" (one surface beside the fit plot), "compare" (squared error beside
 * cross-entropy), "shapes" (f = u² + a·v² with its downhill arrow).
 */
import { readParams, watchParams } from "../../src/notebook/client/paramStore";
import {
  WEIGHT_BOX, SHAPE_BOX, SURFACE_LOSSES, computeOutputGrid, describeData, computeShapeSurface, createUnit, fillSurfaceRows, findBoundary,
  findLowestPoint, listExamples, makeSurfaceData, measureError, nameShape, shapeDownhill, shapeValue,
  type SurfaceLoss, type WeightBox,
} from "./lossSurface";
import { chooseThresholds, plotFit, plotSurface, plotSurfaceLegend } from "./surfacePlots";
import type { Dataset, Network } from "../../src/engine/index.ts";

type Mode = "explorer" | "compare" | "shapes";
type Point = { x: number; y: number };

const SVG = "http://www.w3.org/2000/svg";
const SURFACE_RESOLUTION = 61; // 61² evaluations: a few frames of work, finer than the plot's contours need
const OUTPUT_RESOLUTION = 41;
const FRAME_BUDGET_MS = 6; // keeps each animation frame well under ~8 ms of our work

/** One drawn surface: its numbers, its figure and the marker laid over the figure. */
interface Panel {
  name: string;
  box: WeightBox;
  values: Float64Array;
  host: HTMLElement;
  legend: HTMLElement | null;
  svg: SVGSVGElement | null;
  marker: SVGGElement | null;
  thresholds: number[];
  loss?: SurfaceLoss;
  unit?: Network;
}

const format = (value: number, digits = 3) => (Number.isFinite(value) ? Number(value.toFixed(digits)).toString() : String(value));
const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));

class ErrorSurfaceWidget extends HTMLElement {
  private mode: Mode = "explorer";
  private point: Point = { x: 0, y: 0 };
  private start: Point = { x: 0, y: 0 };
  private panels: Panel[] = [];
  private data: Dataset | null = null;
  private curvature = 0;
  private generation = 0;
  private fitFrame = 0;
  private started = false;

  async connectedCallback(): Promise<void> {
    if (this.started) return;
    this.started = true;
    this.mode = (this.dataset.mode as Mode) ?? "explorer";
    this.start = JSON.parse(this.dataset.start ?? '{"x":0,"y":0}') as Point;
    this.point = { ...this.start };
    // <nb-param> registers each param with the store when it upgrades; wait for that before reading.
    if (document.querySelector("nb-param")) await customElements.whenDefined("nb-param");
    this.panels = [...this.querySelectorAll<HTMLElement>("[data-es-surface]")].map((host) => {
      const panel: Panel = {
        name: host.dataset.esSurface!,
        box: { ...(this.mode === "shapes" ? SHAPE_BOX : WEIGHT_BOX), resolution: SURFACE_RESOLUTION },
        values: new Float64Array(SURFACE_RESOLUTION * SURFACE_RESOLUTION),
        host,
        legend: host.parentElement!.querySelector<HTMLElement>("[data-es-legend]"),
        svg: null,
        marker: null,
        thresholds: [],
      };
      this.bindPointer(panel);
      return panel;
    });
    this.querySelector("[data-es-action=reset]")?.addEventListener("click", () => this.moveTo(this.start, true));
    this.querySelector("[data-es-action=lowest]")?.addEventListener("click", () => {
      const lowest = findLowestPoint(this.panels[0].values, this.panels[0].box);
      this.moveTo({ x: lowest.w1, y: lowest.w2 }, true);
    });
    watchParams((name) => {
      if (this.reads().includes(name)) void this.recompute();
    });
    this.dataset.ready = "false";
    await this.recompute();
  }

  /** The page params this widget follows. */
  private reads(): string[] {
    if (this.mode === "shapes") return ["curvature"];
    return this.mode === "compare" ? ["points", "flipped"] : ["points", "flipped", "loss"];
  }

  /** A param's value from the page, or the default the build used when the page has no such param. */
  private param<T extends number | string>(name: string): T {
    const values = readParams();
    const defaults = JSON.parse(this.dataset.defaults ?? "{}") as Record<string, T>;
    return (name in values ? values[name] : defaults[name]) as T;
  }

  /** Recomputes every surface from the current params, a few rows per animation frame, then redraws. */
  private async recompute(): Promise<void> {
    const generation = ++this.generation;
    this.setAttribute("aria-busy", "true");
    if (this.mode === "shapes") {
      this.curvature = Number(this.param<number>("curvature"));
      this.panels[0].values = computeShapeSurface(this.curvature, SURFACE_RESOLUTION); // 61² additions: instant
    } else {
      const points = Number(this.param<number>("points"));
      const flipped = Number(this.param<number>("flipped"));
      this.data = makeSurfaceData(points, flipped);
      const described = this.querySelector<HTMLElement>("[data-es-value=data]");
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
            fillSurfaceRows(values, panel.unit!, this.data, panel.box, row, row + 1);
            row++;
          }
        }
        panel.values = values;
      }
    }
    if (generation !== this.generation) return;
    for (const panel of this.panels) this.drawSurface(panel);
    this.removeAttribute("aria-busy");
    this.moveTo(this.point, true);
    this.dataset.ready = "true";
    this.dataset.generation = String(generation);
  }

  private chosenLoss(): SurfaceLoss {
    const loss = this.param<string>("loss");
    return (SURFACE_LOSSES as readonly string[]).includes(loss) ? (loss as SurfaceLoss) : "squared error";
  }

  /** Draws a panel's heatmap and contours, and lays a fresh marker over it. */
  private drawSurface(panel: Panel): void {
    panel.thresholds = chooseThresholds(panel.values);
    const labels = this.mode === "shapes" ? ["u", "v"] : ["w₁", "w₂"];
    const figure = plotSurface({
      values: panel.values, box: panel.box, thresholds: panel.thresholds, xLabel: labels[0], yLabel: labels[1], mode: "raster",
      ariaLabel: this.mode === "shapes" ? `f(u, v) = u² + ${format(this.curvature, 2)}·v² over u and v` : `${panel.loss} E over the weights w1 and w2`,
    }) as SVGSVGElement;
    panel.host.replaceChildren(figure);
    panel.svg = figure;
    if (panel.legend) panel.legend.replaceChildren(plotSurfaceLegend(panel.thresholds, this.mode === "shapes" ? "f" : `E (${panel.loss})`));
    const marker = document.createElementNS(SVG, "g");
    marker.setAttribute("class", "es-marker");
    marker.setAttribute("aria-hidden", "true");
    if (this.mode === "shapes") {
      const arrow = document.createElementNS(SVG, "path");
      arrow.setAttribute("class", "es-arrow");
      marker.append(arrow);
    }
    for (const [stroke, width] of [["black", 3.5], ["white", 1.75]] as const) {
      const ring = document.createElementNS(SVG, "circle");
      ring.setAttribute("r", "7");
      ring.setAttribute("fill", "none");
      ring.setAttribute("stroke", stroke);
      ring.setAttribute("stroke-width", String(width));
      marker.append(ring);
    }
    figure.append(marker);
    panel.marker = marker;
  }

  /** Pointer drag on a surface moves the point; the surface's host is also the keyboard target. */
  private bindPointer(panel: Panel): void {
    const host = panel.host;
    const follow = (event: PointerEvent) => {
      const point = this.toWeights(panel, event);
      if (point) this.moveTo(point, false);
    };
    host.addEventListener("pointerdown", (event) => {
      if (event.button !== 0 || !panel.svg) return;
      event.preventDefault();
      host.focus();
      host.setPointerCapture(event.pointerId);
      follow(event);
      const move = (e: PointerEvent) => follow(e);
      const end = () => {
        host.removeEventListener("pointermove", move);
        this.announce();
      };
      host.addEventListener("pointermove", move);
      host.addEventListener("pointerup", end, { once: true });
      host.addEventListener("pointercancel", end, { once: true });
    });
    host.addEventListener("keydown", (event) => {
      const step = (event.shiftKey ? 4 : 1) * (this.mode === "shapes" ? 0.1 : 0.25);
      const moves: Record<string, Point> = { ArrowLeft: { x: -step, y: 0 }, ArrowRight: { x: step, y: 0 }, ArrowUp: { x: 0, y: step }, ArrowDown: { x: 0, y: -step } };
      const move = moves[event.key];
      if (move) {
        event.preventDefault();
        this.moveTo({ x: this.point.x + move.x, y: this.point.y + move.y }, true);
      } else if (event.key === "Home") {
        event.preventDefault();
        this.moveTo(this.start, true);
      }
    });
  }

  /** The weights under the pointer, read through the plot's own scales. */
  private toWeights(panel: Panel, event: PointerEvent): Point | null {
    const svg = panel.svg as (SVGSVGElement & { scale?: (name: string) => { invert?: (v: number) => number } }) | null;
    const x = svg?.scale?.("x");
    const y = svg?.scale?.("y");
    if (!svg || !x?.invert || !y?.invert) return null;
    const rect = svg.getBoundingClientRect();
    const width = Number(svg.getAttribute("width"));
    const height = Number(svg.getAttribute("height"));
    return { x: x.invert(((event.clientX - rect.left) * width) / rect.width), y: y.invert(((event.clientY - rect.top) * height) / rect.height) };
  }

  /** Moves the point (clamped to the map), updates markers, readouts and the fit plot; `announce` also tells screen readers. */
  private moveTo(target: Point, announce: boolean): void {
    const box = this.panels[0]?.box;
    if (!box) return;
    const snap = (value: number) => Math.round(value * 100) / 100;
    this.point = { x: snap(clamp(target.x, box.w1Min, box.w1Max)), y: snap(clamp(target.y, box.w2Min, box.w2Max)) };
    for (const panel of this.panels) this.placeMarker(panel);
    this.updateReadout();
    if (this.mode === "explorer") this.scheduleFit();
    if (announce) this.announce();
  }

  private placeMarker(panel: Panel): void {
    const svg = panel.svg as (SVGSVGElement & { scale?: (name: string) => { apply: (v: number) => number } }) | null;
    if (!svg?.scale || !panel.marker) return;
    const cx = svg.scale("x").apply(this.point.x);
    const cy = svg.scale("y").apply(this.point.y);
    for (const ring of panel.marker.querySelectorAll("circle")) {
      ring.setAttribute("cx", String(cx));
      ring.setAttribute("cy", String(cy));
    }
    const arrow = panel.marker.querySelector("path");
    if (arrow) {
      // −∇f drawn at a fixed scale (0.15 of its length in (u, v) units), so its length still shows how steep it is.
      const down = shapeDownhill(this.curvature, this.point.x, this.point.y);
      const ex = svg.scale("x").apply(this.point.x + 0.15 * down.u);
      const ey = svg.scale("y").apply(this.point.y + 0.15 * down.v);
      const angle = Math.atan2(ey - cy, ex - cx);
      const length = Math.hypot(ex - cx, ey - cy);
      const head = length > 8 ? `M${ex},${ey}L${ex - 7 * Math.cos(angle - 0.45)},${ey - 7 * Math.sin(angle - 0.45)}L${ex - 7 * Math.cos(angle + 0.45)},${ey - 7 * Math.sin(angle + 0.45)}Z` : "";
      arrow.setAttribute("d", length > 1 ? `M${cx},${cy}L${ex},${ey}${head}` : "");
    }
  }

  /** The numbers beside the plots, each computed by the engine (or, for the shapes, by f itself). */
  private updateReadout(): void {
    const { x, y } = this.point;
    const set = (name: string, text: string) => {
      const slot = this.querySelector<HTMLElement>(`[data-es-value=${name}]`);
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
    for (const panel of this.panels) {
      const error = measureError(panel.unit!, this.data!, x, y);
      set(panel.name, Number.isFinite(error) ? format(error, 4) : "not a number");
      if (!Number.isFinite(error)) this.warn(`The ${panel.loss} is not a finite number at w₁ = ${format(x, 2)}, w₂ = ${format(y, 2)}; move the point back towards the centre.`);
    }
    const loss = this.querySelector<HTMLElement>("[data-es-value=loss]");
    if (loss && this.panels[0].loss) loss.textContent = this.panels[0].loss;
  }

  private warn(text: string): void {
    const status = this.querySelector<HTMLElement>("[data-es-status]");
    if (status) status.textContent = text;
  }

  private announce(): void {
    const status = this.querySelector<HTMLElement>("[data-es-status]");
    if (!status) return;
    const { x, y } = this.point;
    if (this.mode === "shapes") {
      status.textContent = `u = ${format(x, 2)}, v = ${format(y, 2)}: f = ${format(shapeValue(this.curvature, x, y))} (a = ${format(this.curvature, 2)}, the centre is a ${nameShape(this.curvature)}).`;
      return;
    }
    const errors = this.panels.map((panel) => `${panel.loss} E = ${format(measureError(panel.unit!, this.data!, x, y), 4)}`);
    status.textContent = `w₁ = ${format(x, 2)}, w₂ = ${format(y, 2)}: ${errors.join(", ")}.`;
  }

  /** Redraws the fit plot at most once per animation frame while the point is dragged. */
  private scheduleFit(): void {
    if (this.fitFrame) return;
    this.fitFrame = requestAnimationFrame(() => {
      this.fitFrame = 0;
      const host = this.querySelector<HTMLElement>("[data-es-fit]");
      const panel = this.panels[0];
      if (!host || !this.data || !panel.unit) return;
      const { x, y } = this.point;
      const figure = plotFit({
        outputs: computeOutputGrid(panel.unit, x, y, OUTPUT_RESOLUTION),
        resolution: OUTPUT_RESOLUTION,
        examples: listExamples(this.data),
        boundary: findBoundary(x, y),
        mode: "raster",
        ariaLabel: `The data and the unit's output y = σ(${format(x, 2)}·x1 + ${format(y, 2)}·x2)`,
      });
      host.replaceChildren(figure);
    });
  }
}

function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => resolve()));
}

customElements.define("error-surface-widget", ErrorSurfaceWidget);
