/**
 * The browser side of the two valley widgets, E = ½(c₁w₁² + c₂w₂²): <gd-learning-rates> (four
 * panels, one learning rate each) and <gd-momentum-valley> (plain descent against momentum).
 * Both read the page's Params, redraw on a change, and move the shared start point on a click or
 * an arrow key.
 */
import { createValley, descend, sampleSurface, type DescentPath } from "./descent";
import { plotSurface } from "./figures";
import { describeMomentum, describeRatePanel, describeValleySetting, findValleyMaxLoss, VALLEY_BOX, WATCH_STEPS } from "./captions";
import { pickPoint, readNumber, watchNumbers, writeNumber } from "./pageParams";

/** Grid side of the live valley heatmap; 48² evaluations of a 4-example loss take about a millisecond. */
const VALLEY_RESOLUTION = 48;

type PlotElement = Element & { scale?: (name: string) => any };

/** What both valley widgets share: defaults, the start point, picking and arrow keys. */
abstract class ValleyElement extends HTMLElement {
  protected defaults: Record<string, number> = {};
  protected plots: PlotElement[] = [];
  protected abstract readonly names: string[];

  connectedCallback(): void {
    if (this.dataset.live) return;
    this.dataset.live = "ready";
    this.defaults = JSON.parse(this.dataset.defaults ?? "{}");
    this.start = [this.value("valleyW1"), this.value("valleyW2")];
    watchNumbers(this.names, () => {
      this.start = [readNumber("valleyW1", this.start[0]), readNumber("valleyW2", this.start[1])];
      this.draw();
    });
    this.addEventListener("click", (event) => {
      for (const plot of this.plots) {
        const point = pickPoint(plot, event);
        if (point) return this.moveStart(point);
      }
    });
    this.addEventListener("keydown", (event) => {
      if (!(event.target as Element).closest("[data-figure]")) return;
      const size = event.shiftKey ? 0.5 : 0.1;
      const move = { ArrowLeft: [-size, 0], ArrowRight: [size, 0], ArrowUp: [0, size], ArrowDown: [0, -size] }[event.key];
      if (!move) return;
      event.preventDefault();
      const [w1, w2] = this.start;
      this.moveStart([w1 + move[0], w2 + move[1]]);
    });
    requestAnimationFrame(() => this.draw());
  }

  protected value(name: string): number {
    return readNumber(name, this.defaults[name]);
  }

  /** The shared start (w₁, w₂): the page's valleyW1 and valleyW2 when it has them. */
  protected start: [number, number] = [0, 0];

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
class LearningRatesElement extends ValleyElement {
  protected readonly names = ["c1", "c2", "valleyW1", "valleyW2", "rateSteps", "lrCrawl", "lrGood", "lrBounce", "lrBlowup"];

  protected draw(): void {
    const c1 = this.value("c1");
    const c2 = this.value("c2");
    const steps = this.value("rateSteps");
    const start = this.start;
    const model = createValley(c1, c2);
    const values = this.surface(c1, c2);
    const panels = [...this.querySelectorAll<HTMLElement>("[data-panel]")];
    const rates = ["lrCrawl", "lrGood", "lrBounce", "lrBlowup"].map((name) => this.value(name));
    this.plots = panels.map((panel, index) => {
      const learningRate = rates[index];
      const path: DescentPath = descend(model, { start, learningRate, steps, watchUntil: WATCH_STEPS });
      const caption = describeRatePanel(path, learningRate, c1, c2);
      const plot = plotSurface({
        document, box: VALLEY_BOX, values, resolution: VALLEY_RESOLUTION,
        maxLoss: findValleyMaxLoss(c1, c2), paths: [{ points: path.points, className: "gd-plain", label: caption.title }],
        names: ["w₁", "w₂"], colorType: "sqrt", width: 260, height: 240, live: true,
      });
      panel.querySelector("[data-figure]")!.replaceChildren(plot);
      panel.querySelector("[data-title]")!.textContent = caption.title;
      panel.querySelector("[data-detail]")!.textContent = caption.detail;
      panel.dataset.regime = caption.regime;
      panel.dataset.diverged = String(path.divergedAt !== null);
      return plot;
    });
    this.querySelector("[data-status]")!.textContent = describeValleySetting(c1, c2, start, steps);
  }
}

/** Plain descent and momentum on the same valley, same η, same start. */
class MomentumValleyElement extends ValleyElement {
  protected readonly names = ["c1", "c2", "valleyW1", "valleyW2", "valleyLr", "alpha", "valleySteps"];

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
      names: ["w₁", "w₂"], colorType: "sqrt", width: 340, height: 320, live: true,
    });
    this.querySelector("[data-figure]")!.replaceChildren(plot);
    this.plots = [plot];
    this.querySelector("[data-status]")!.textContent = describeMomentum(plain, heavy, learningRate, momentum, c1);
  }
}

if (!customElements.get("gd-learning-rates")) customElements.define("gd-learning-rates", LearningRatesElement);
if (!customElements.get("gd-momentum-valley")) customElements.define("gd-momentum-valley", MomentumValleyElement);
