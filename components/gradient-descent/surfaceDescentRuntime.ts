/**
 * The heavy half of <gd-surface-descent> (engine and Plot), loaded on the reader's first touch:
 * it computes E over the box a few rows per frame, then redraws the descent on every change of
 * its start point or of the page's params.
 */
import { createSigmoidUnit, descend, fillSurfaceRows } from "./descent";
import { plotSurface } from "./figures";
import { describeSurfaceDescent, UNIT_BOX, UNIT_MAX_LOSS, UNIT_RESOLUTION } from "./captions";
import { pickPoint, readNumber, writeNumber } from "./pageParams";
import type { PlotWidgetController } from "./plotWidgetShell";

const ROWS_PER_FRAME = 8; // about 8 × 64 loss evaluations of 40 examples: well under 8 ms

/** Starts the live widget; resolves once the surface is computed and drawn, so forwarded clicks land on live scales. */
export async function startSurfaceDescent(element: HTMLElement): Promise<PlotWidgetController> {
  const controller = new SurfaceDescentController(element);
  await controller.computeSurface();
  controller.redraw();
  return controller;
}

class SurfaceDescentController implements PlotWidgetController {
  private readonly element: HTMLElement;
  private readonly model = createSigmoidUnit();
  private readonly values = new Float64Array(UNIT_RESOLUTION * UNIT_RESOLUTION);
  private readonly defaults: Record<string, number>;
  private start: [number, number];
  private plot: (Element & { scale?: (name: string) => any }) | null = null;

  constructor(element: HTMLElement) {
    this.element = element;
    this.defaults = JSON.parse(element.dataset.defaults ?? "{}");
    this.start = [readNumber("startW1", this.defaults.startW1), readNumber("startW2", this.defaults.startW2)];
  }

  /** Fills the surface a few rows per animation frame, so the page keeps its frame rate. */
  async computeSurface(): Promise<void> {
    this.element.dataset.live = "computing";
    const network = this.model.build(0, 0);
    for (let row = 0; row < UNIT_RESOLUTION; row += ROWS_PER_FRAME) {
      await new Promise((resolve) => requestAnimationFrame(resolve));
      fillSurfaceRows(this.values, this.model, network, UNIT_BOX, UNIT_RESOLUTION, row, row + ROWS_PER_FRAME);
    }
  }

  pick(clientX: number, clientY: number): void {
    const point = this.plot && pickPoint(this.plot, { clientX, clientY });
    if (point) this.moveStart(point);
  }

  press(key: string, shift: boolean): void {
    const size = shift ? 2 : 0.5;
    const move = { ArrowLeft: [-size, 0], ArrowRight: [size, 0], ArrowUp: [0, size], ArrowDown: [0, -size] }[key];
    if (move) this.moveStart([this.start[0] + move[0], this.start[1] + move[1]]);
  }

  redraw(): void {
    this.start = [readNumber("startW1", this.start[0]), readNumber("startW2", this.start[1])];
    this.draw();
  }

  private moveStart([w1, w2]: [number, number]): void {
    const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));
    const target: [number, number] = [clamp(w1, UNIT_BOX.p1Min, UNIT_BOX.p1Max), clamp(w2, UNIT_BOX.p2Min, UNIT_BOX.p2Max)];
    // Through the page's Params when they exist, so the sentence and the URL show the new start.
    this.start = [writeNumber("startW1", target[0]), writeNumber("startW2", target[1])];
    this.draw();
  }

  private draw(): void {
    const learningRate = readNumber("lr", this.defaults.lr);
    const steps = readNumber("steps", this.defaults.steps);
    const path = descend(this.model, { start: this.start, learningRate, steps });
    const plot = plotSurface({
      document, box: UNIT_BOX, values: this.values, resolution: UNIT_RESOLUTION, maxLoss: UNIT_MAX_LOSS,
      paths: [{ points: path.points, className: "gd-plain", label: "gradient descent" }],
      names: ["w₁", "w₂"], width: 340, height: 320,
    });
    this.element.querySelector("[data-figure]")!.replaceChildren(plot);
    this.plot = plot;
    this.element.querySelector("[data-status]")!.textContent = describeSurfaceDescent(path, learningRate);
    this.element.dataset.live = "ready";
  }
}
