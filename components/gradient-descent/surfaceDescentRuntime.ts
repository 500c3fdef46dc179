/**
 * The live half of <gd-surface-descent> (engine and Plot), loaded on the reader's first touch:
 * it computes E over the box a few rows per frame, then redraws the descent on every change of
 * its start point or of the page's params.
 */
import type { WidgetContext, WidgetController } from "../kit/lazyWidget";
import type { BoundParams } from "../kit/boundParams";
import { arrowMove, pickPoint, type PlotFigure } from "../kit/pointer";
import { createSigmoidUnit, descend, sampleSurface } from "./descent";
import { plotDescents } from "./figures";
import { describeSurfaceDescent, UNIT_BOX, UNIT_MAX_LOSS, UNIT_RESOLUTION } from "./captions";

type Role = "startW1" | "startW2" | "steps" | "learningRate";

const ROWS_PER_FRAME = 8; // about 8 × 64 loss evaluations of 40 examples: well under 8 ms
const KEY_STEP = 0.5;

/** Takes over the element; resolves once the surface is computed and drawn, so queued clicks land on live scales. */
export async function start(element: HTMLElement, { params }: WidgetContext<Role>): Promise<WidgetController<Role>> {
  const widget = new SurfaceDescent(element, params);
  await widget.computeSurface();
  widget.draw();
  return {
    pick: (clientX, clientY) => widget.pick(clientX, clientY),
    press: (key, shift) => widget.press(key, shift),
    paramsChanged: () => widget.draw(),
  };
}

class SurfaceDescent {
  private readonly model = createSigmoidUnit();
  private readonly values = new Float64Array(UNIT_RESOLUTION * UNIT_RESOLUTION);
  private plot: PlotFigure | null = null;

  constructor(
    private readonly element: HTMLElement,
    private readonly params: BoundParams<Role>,
  ) {}

  /** Fills the surface a few rows per animation frame, so the page keeps its frame rate. */
  async computeSurface(): Promise<void> {
    this.element.dataset.live = "computing";
    for (let row = 0; row < UNIT_RESOLUTION; row += ROWS_PER_FRAME) {
      await new Promise((resolve) => requestAnimationFrame(resolve));
      sampleSurface(this.model, UNIT_BOX, UNIT_RESOLUTION, { output: this.values, fromRow: row, toRow: row + ROWS_PER_FRAME });
    }
  }

  pick(clientX: number, clientY: number): void {
    const point = this.plot && pickPoint(this.plot, { clientX, clientY });
    if (point) this.moveStart(point);
  }

  press(key: string, shift: boolean): void {
    const move = arrowMove(key, KEY_STEP, shift);
    if (move) this.moveStart([this.params.number("startW1") + move[0], this.params.number("startW2") + move[1]]);
  }

  private moveStart([w1, w2]: [number, number]): void {
    // Through the page's params, so the sentence and the URL show the new start; the change redraws.
    this.params.write("startW1", w1);
    this.params.write("startW2", w2);
    this.draw();
  }

  draw(): void {
    const learningRate = this.params.number("learningRate");
    const start: [number, number] = [this.params.number("startW1"), this.params.number("startW2")];
    const path = descend(this.model, { start, learningRate, steps: this.params.number("steps") });
    const plot = plotDescents({
      box: UNIT_BOX, values: this.values, resolution: UNIT_RESOLUTION, maxLoss: UNIT_MAX_LOSS,
      paths: [{ points: path.points, className: "gd-plain", label: "gradient descent" }], width: 340, height: 320,
    });
    this.element.querySelector("[data-figure]")!.replaceChildren(plot);
    this.plot = plot as PlotFigure;
    this.element.querySelector("[data-status]")!.textContent = describeSurfaceDescent(path, learningRate);
    this.element.dataset.live = "ready";
  }
}
