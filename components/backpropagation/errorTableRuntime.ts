/**
 * The live half of <bp-error-table> (engine and Plot), loaded when a bound param changes or the
 * reader first reaches for the table: retrains the worked example and refreshes the table and the
 * chart. Training runs in slices of a few milliseconds per animation frame, and a newer edit
 * abandons an older run.
 */
import { pageStrings } from "../../src/i18n/strings";
import type { WidgetContext, WidgetController } from "../kit/lazyWidget";
import { ERROR_CHART_WIDTH, plotErrorCurve } from "./errorChart";
import { fitFigureWidth } from "../kit/charts";
import { describeCheckpoint } from "./errorTableTips";
import { isSameSetup, readDefaultSetup, readSetup, type ExampleSetup, type SetupRole } from "./workedExampleSetup";
import { formatExampleNumber, formatSetValue } from "./exampleNumberText";
import { createExampleTrainer, type TrainingCheckpoint } from "./workedExample";

const FRAME_BUDGET_MS = 6;
const STEPS_PER_CHECK = 50; // how many steps run between looks at the clock

/** Takes over the table; it retrains whenever the setup differs from the one shown (the saved page shows the defaults). */
export function start(element: HTMLElement, { params }: WidgetContext<SetupRole>): WidgetController<SetupRole> {
  const s = pageStrings();
  const defaults = readDefaultSetup((role) => params.spec(role).value);
  let shown: ExampleSetup = defaults; // what the table shows, or is training on
  let run = 0;

  const show = (checkpoints: TrainingCheckpoint[], setup: ExampleSetup) => {
    element.removeAttribute("aria-busy");
    element.dataset.trained = "";
    const broken = checkpoints.find((point) => !Number.isFinite(point.error));
    for (const row of element.querySelectorAll<HTMLElement>("tr[data-step]")) {
      const point = checkpoints.find((candidate) => candidate.step === Number(row.dataset.step));
      if (!point) continue;
      const tips = describeCheckpoint(point, setup, s);
      for (const column of ["error", "y1", "y2"] as const) {
        const cell = row.querySelector(`[data-column=${column}]`)!;
        cell.querySelector(".widget-tip-value")!.textContent = formatExampleNumber(point[column]);
        cell.querySelector(".widget-tip")!.textContent = tips[column];
      }
    }
    const chart = element.querySelector("[data-bp-chart]")!;
    chart.replaceChildren(plotErrorCurve(checkpoints, undefined, s, fitFigureWidth(chart, ERROR_CHART_WIDTH)));
    const last = checkpoints[checkpoints.length - 1];
    element.querySelector("[data-status]")!.textContent = broken
      ? s.bpTrainingBroke({ step: broken.step })
      : s.bpRetrained({ steps: last.step, error: formatExampleNumber(last.error), start: formatExampleNumber(checkpoints[0].error) });
  };

  const train = (setup: ExampleSetup) => {
    const current = ++run;
    const trainer = createExampleTrainer(setup);
    const checkpoints: TrainingCheckpoint[] = [];
    element.setAttribute("aria-busy", "true");
    const slice = () => {
      if (current !== run) return; // a newer edit took over
      const begun = performance.now();
      while (!trainer.done && performance.now() - begun < FRAME_BUDGET_MS) checkpoints.push(...trainer.advance(STEPS_PER_CHECK));
      if (!trainer.done) {
        requestAnimationFrame(slice);
        return;
      }
      show(checkpoints, setup);
    };
    requestAnimationFrame(slice);
  };

  const update = () => {
    const setup = readSetup(params.values(), defaults);
    if (isSameSetup(setup, shown)) return;
    shown = setup;
    element.querySelectorAll("[data-bp-eta]").forEach((node) => (node.textContent = formatSetValue(setup.learningRate)));
    train(setup);
  };
  update(); // a link's query may already differ from the saved table
  return { paramsChanged: update };
}
