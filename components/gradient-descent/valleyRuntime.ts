/**
 * The heavy half of the two valley widgets, E = ½(c₁w₁² + c₂w₂²), loaded on the reader's first
 * touch: <gd-learning-rates> (four panels, one learning rate each) and <gd-momentum-valley> (plain
 * descent against momentum). Both redraw from the page's Params and move the shared start point.
 */
import { createValley, descend, sampleSurface, type DescentPath, type TwoParameterModel } from "./descent";
import { plotSurface } from "./figures";
import { describeMomentum, describeRatePanel, describeValleySetting, findValleyMaxLoss, listShrinkRows, VALLEY_BOX, VALLEY_RESOLUTION, WATCH_STEPS } from "./captions";
import { measureShrinkFactors } from "./shrinkFactors";
import { pickPoint, readNumber, writeNumber } from "./pageParams";
import type { PlotWidgetController } from "./plotWidgetShell";

type PlotElement = Element & { scale?: (name: string) => any };

/** What both valley widgets share: defaults, the start point, picking and arrow keys. */
abstract class ValleyController implements PlotWidgetController {
  protected readonly element: HTMLElement;
  protected readonly defaults: Record<string, number>;
  protected plots: PlotElement[] = [];
  /** The shared start (w₁, w₂): the page's valleyW1 and valleyW2 when it has them. */
  protected start: [number, number];

  constructor(element: HTMLElement) {
    this.element = element;
    this.defaults = JSON.parse(element.dataset.defaults ?? "{}");
    this.start = [this.value("valleyW1"), this.value("valleyW2")];
    this.draw();
  }

  pick(clientX: number, clientY: number): void {
    for (const plot of this.plots) {
      const point = pickPoint(plot, { clientX, clientY });
      if (point) return this.moveStart(point);
    }
  }

  press(key: string, shift: boolean): void {
    const size = shift ? 0.5 : 0.1;
    const move = { ArrowLeft: [-size, 0], ArrowRight: [size, 0], ArrowUp: [0, size], ArrowDown: [0, -size] }[key];
    if (move) this.moveStart([this.start[0] + move[0], this.start[1] + move[1]]);
  }

  redraw(): void {
    this.start = [readNumber("valleyW1", this.start[0]), readNumber("valleyW2", this.start[1])];
    this.draw();
  }

  protected value(name: string): number {
    return readNumber(name, this.defaults[name]);
  }

  private moveStart([w1, w2]: [number, number]): void {
    const clamp = (value: number) => Math.min(VALLEY_BOX.p1Max, Math.max(VALLEY_BOX.p1Min, value));
    this.start = [writeNumber("valleyW1", clamp(w1)), writeNumber("valleyW2", clamp(w2))];
    this.draw();
  }

  protected surface(c1: number, c2: number): Float64Array {
    return sampleSurface(createValley(c1, c2), VALLEY_BOX, VALLEY_RESOLUTION);
  }

  protected abstract draw(): void;
}

/** Four panels, each one learning rate on the same valley, with the engine's verdict under each. */
class LearningRatesController extends ValleyController {
  protected draw(): void {
    const c1 = this.value("c1");
    const c2 = this.value("c2");
    const steps = this.value("rateSteps");
    const start = this.start;
    const model = createValley(c1, c2);
    const values = this.surface(c1, c2);
    const panels = [...this.element.querySelectorAll<HTMLElement>("[data-panel]")];
    const rates = ["lrCrawl", "lrGood", "lrBounce", "lrBlowup"].map((name) => this.value(name));
    this.plots = panels.map((panel, index) => {
      const learningRate = rates[index];
      const path: DescentPath = descend(model, { start, learningRate, steps, watchUntil: WATCH_STEPS });
      const caption = describeRatePanel(path, learningRate, c1, c2);
      const plot = plotSurface({
        document, box: VALLEY_BOX, values, resolution: VALLEY_RESOLUTION,
        maxLoss: findValleyMaxLoss(c1, c2), paths: [{ points: path.points, className: "gd-plain", label: caption.title }],
        names: ["w₁", "w₂"], colorType: "sqrt", width: 260, height: 240,
      });
      panel.querySelector("[data-figure]")!.replaceChildren(plot);
      panel.querySelector("[data-title]")!.textContent = caption.title;
      panel.querySelector("[data-detail]")!.textContent = caption.detail;
      panel.dataset.regime = caption.regime;
      panel.dataset.diverged = String(path.divergedAt !== null);
      return plot;
    });
    this.element.querySelector("[data-status]")!.textContent = describeValleySetting(c1, c2, start, steps);
  }
}

/** Plain descent and momentum on the same valley, same η, same start. */
class MomentumValleyController extends ValleyController {
  protected draw(): void {
    const c1 = this.value("c1");
    const c2 = this.value("c2");
    const learningRate = this.value("valleyLr");
    const momentum = this.value("alpha");
    const steps = this.value("valleySteps");
    const start = this.start;
    const model = createValley(c1, c2);
    const plain = descend(model, { start, learningRate, steps });
    const heavy = descend(model, { start, learningRate, momentum, steps });
    const plot = plotSurface({
      document, box: VALLEY_BOX, values: this.surface(c1, c2), resolution: VALLEY_RESOLUTION, maxLoss: findValleyMaxLoss(c1, c2),
      paths: [
        { points: heavy.points, className: "gd-heavy", label: "momentum" },
        { points: plain.points, className: "gd-plain", label: "plain descent" },
      ],
      names: ["w₁", "w₂"], colorType: "sqrt", width: 340, height: 320,
    });
    this.element.querySelector("[data-figure]")!.replaceChildren(plot);
    this.plots = [plot];
    this.element.querySelector("[data-status]")!.textContent = describeMomentum(plain, heavy, learningRate, momentum, c1);
    this.showShrinkFactors(model, learningRate, momentum, c1, c2);
  }

  private showShrinkFactors(model: TwoParameterModel, learningRate: number, momentum: number, c1: number, c2: number): void {
    const rows = listShrinkRows(measureShrinkFactors(model, learningRate, momentum), c1, c2);
    this.element.querySelectorAll("[data-shrink] tbody tr").forEach((tr, index) => {
      tr.querySelector("[data-shrink-direction]")!.textContent = rows[index].direction;
      tr.querySelector("[data-shrink-plain]")!.textContent = rows[index].plain;
      tr.querySelector("[data-shrink-momentum]")!.textContent = rows[index].momentum;
    });
  }
}

/** Starts a live <gd-learning-rates>, drawn at once. */
export async function startLearningRates(element: HTMLElement): Promise<PlotWidgetController> {
  return new LearningRatesController(element);
}

/** Starts a live <gd-momentum-valley>, drawn at once. */
export async function startMomentumValley(element: HTMLElement): Promise<PlotWidgetController> {
  return new MomentumValleyController(element);
}
