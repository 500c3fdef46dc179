/**
 * The live half of the two valley widgets, E = ½(c₁w₁² + c₂w₂²), loaded on the reader's first
 * touch: <gd-learning-rates> (four panels, one learning rate each) and <gd-momentum-valley> (plain
 * descent against momentum). Both redraw from their bound params and move the shared start point.
 */
import type { WidgetContext, WidgetController } from "../kit/lazyWidget";
import type { BoundParams } from "../kit/boundParams";
import { arrowMove, pickPoint, type PlotFigure } from "../kit/pointer";
import { createValley, descend, sampleSurface, type DescentPath } from "./descent";
import { plotDescents } from "./figures";
import { describeMomentum, describeRatePanel, describeValleySetting, findValleyMaxLoss, listShrinkRows, VALLEY_BOX, VALLEY_RESOLUTION, WATCH_STEPS } from "./captions";
import { measureShrinkFactors } from "./shrinkFactors";
import { pageStrings } from "../../src/i18n/strings";

// The page's language, read once when the runtime loads.
const s = pageStrings();

/** The roles both valley widgets bind. */
type ValleyRole = "c1" | "c2" | "startW1" | "startW2" | "steps";
type RatesRole = ValleyRole | "learningRate1" | "learningRate2" | "learningRate3" | "learningRate4";
type MomentumRole = ValleyRole | "learningRate" | "momentum";

const KEY_STEP = 0.1;
const RATES = ["learningRate1", "learningRate2", "learningRate3", "learningRate4"] as const;

/** The controller both widgets share: the start point follows clicks and arrow keys, and every change redraws with `draw`. */
function valleyController<R extends string>(params: BoundParams<R>, draw: () => PlotFigure[]): WidgetController<R> {
  let plots = draw();
  const moveStart = (w1: number, w2: number) => {
    // Through the page's params, so the sentence and the URL show the new start.
    params.write("startW1" as R, w1);
    params.write("startW2" as R, w2);
    plots = draw();
  };
  return {
    pick(clientX, clientY) {
      for (const plot of plots) {
        const point = pickPoint(plot, { clientX, clientY });
        if (point) return moveStart(point[0], point[1]);
      }
    },
    press(key, shift) {
      const move = arrowMove(key, KEY_STEP, shift);
      if (move) moveStart(params.number("startW1" as R) + move[0], params.number("startW2" as R) + move[1]);
    },
    paramsChanged() {
      plots = draw();
    },
  };
}

/** Starts a live <gd-learning-rates>: four panels, each one learning rate on the same valley, with the engine's verdict under each. */
export function startLearningRates(element: HTMLElement, { params }: WidgetContext<RatesRole>): WidgetController<RatesRole> {
  return valleyController(params, () => {
    const [c1, c2, steps] = [params.number("c1"), params.number("c2"), params.number("steps")];
    const start: [number, number] = [params.number("startW1"), params.number("startW2")];
    const model = createValley(c1, c2);
    const values = sampleSurface(model, VALLEY_BOX, VALLEY_RESOLUTION);
    const panels = [...element.querySelectorAll<HTMLElement>("[data-panel]")];
    const plots = panels.map((panel, index) => {
      const learningRate = params.number(RATES[index]);
      const path: DescentPath = descend(model, { start, learningRate, steps, watchUntil: WATCH_STEPS });
      const caption = describeRatePanel(path, learningRate, c1, c2, s);
      const plot = plotDescents({
        box: VALLEY_BOX, values, resolution: VALLEY_RESOLUTION, maxLoss: findValleyMaxLoss(c1, c2),
        paths: [{ points: path.points, className: "gd-plain", label: caption.title }], colorType: "sqrt", width: 260, height: 240, strings: s,
      });
      panel.querySelector("[data-figure]")!.replaceChildren(plot);
      panel.querySelector("[data-title]")!.textContent = caption.title;
      panel.querySelector("[data-detail]")!.textContent = caption.detail;
      panel.dataset.regime = caption.regime;
      panel.dataset.diverged = String(path.divergedAt !== null);
      return plot as PlotFigure;
    });
    element.querySelector("[data-status]")!.textContent = describeValleySetting(c1, c2, start, steps, s);
    return plots;
  });
}

/** Starts a live <gd-momentum-valley>: plain descent and momentum on the same valley, same η, same start, with the measured shrink factors. */
export function startMomentumValley(element: HTMLElement, { params }: WidgetContext<MomentumRole>): WidgetController<MomentumRole> {
  return valleyController(params, () => {
    const [c1, c2, steps, learningRate, momentum] = (["c1", "c2", "steps", "learningRate", "momentum"] as const).map((role) => params.number(role));
    const start: [number, number] = [params.number("startW1"), params.number("startW2")];
    const model = createValley(c1, c2);
    const plain = descend(model, { start, learningRate, steps });
    const heavy = descend(model, { start, learningRate, momentum, steps });
    const plot = plotDescents({
      box: VALLEY_BOX, values: sampleSurface(model, VALLEY_BOX, VALLEY_RESOLUTION), resolution: VALLEY_RESOLUTION, maxLoss: findValleyMaxLoss(c1, c2),
      paths: [
        { points: heavy.points, className: "gd-heavy", label: s.gdMomentum },
        { points: plain.points, className: "gd-plain", label: s.gdPlain },
      ],
      colorType: "sqrt", width: 340, height: 320, strings: s,
    });
    element.querySelector("[data-figure]")!.replaceChildren(plot);
    element.querySelector("[data-status]")!.textContent = describeMomentum(plain, heavy, learningRate, momentum, c1, c2, s);
    const rows = listShrinkRows(measureShrinkFactors(model, learningRate, momentum), c1, c2, s);
    element.querySelectorAll("[data-shrink] tbody tr").forEach((tr, index) => {
      tr.querySelector("[data-shrink-direction]")!.textContent = rows[index].direction;
      tr.querySelector("[data-shrink-plain]")!.textContent = rows[index].plain;
      tr.querySelector("[data-shrink-momentum]")!.textContent = rows[index].momentum;
    });
    return [plot as PlotFigure];
  });
}
