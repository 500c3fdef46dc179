/**
 * The heavy half of <bp-error-table> (engine and Plot), loaded when the table must change or the
 * reader first reaches for it: retrains the worked example and refreshes the table and the chart.
 * Training runs in slices of a few milliseconds per animation frame, and a newer edit abandons an older run.
 */
import { plotErrorCurve } from "./errorChart";
import { describeCheckpoint } from "./errorTableText";
import type { ExampleSetup } from "./exampleSetup";
import { formatNumber } from "./exampleText";
import { createExampleTrainer, type TrainingCheckpoint } from "./workedExample";

const FRAME_BUDGET_MS = 6;
const STEPS_PER_CHECK = 50; // how many steps run between looks at the clock

/** Retrains one error table; its light shell calls train() with every setup the page should show. */
export class ErrorTableTrainer {
  private readonly element: HTMLElement;
  private run = 0;

  constructor(element: HTMLElement) {
    this.element = element;
  }

  /** Trains on `setup` over the next frames, then shows the run; a later call abandons this one. */
  train(setup: ExampleSetup): void {
    const run = ++this.run;
    const trainer = createExampleTrainer(setup);
    const checkpoints: TrainingCheckpoint[] = [];
    this.element.setAttribute("aria-busy", "true");
    const slice = () => {
      if (run !== this.run) return; // a newer edit took over
      const start = performance.now();
      while (!trainer.done && performance.now() - start < FRAME_BUDGET_MS) checkpoints.push(...trainer.advance(STEPS_PER_CHECK));
      if (!trainer.done) {
        requestAnimationFrame(slice);
        return;
      }
      this.show(checkpoints, setup);
    };
    requestAnimationFrame(slice);
  }

  private show(checkpoints: TrainingCheckpoint[], setup: ExampleSetup): void {
    this.element.removeAttribute("aria-busy");
    this.element.dataset.trained = "";
    const broken = checkpoints.find((point) => !Number.isFinite(point.error));
    for (const row of this.element.querySelectorAll<HTMLElement>("tr[data-step]")) {
      const point = checkpoints.find((candidate) => candidate.step === Number(row.dataset.step));
      if (!point) continue;
      const tips = describeCheckpoint(point, setup);
      for (const column of ["error", "y1", "y2"] as const) {
        const cell = row.querySelector(`[data-column=${column}]`)!;
        cell.querySelector(".bp-tip-value")!.textContent = formatNumber(point[column]);
        cell.querySelector(".bp-tip")!.textContent = tips[column];
      }
    }
    this.element.querySelector("[data-bp-chart]")!.replaceChildren(plotErrorCurve(checkpoints));
    const last = checkpoints[checkpoints.length - 1];
    this.element.querySelector(".bp-status")!.textContent = broken
      ? `Training broke down at step ${broken.step}: the error is no longer a finite number, so the table stops meaning anything. Lower η or the weights.`
      : `Retrained: after ${last.step} steps E = ${formatNumber(last.error)}, from ${formatNumber(checkpoints[0].error)} at the start.`;
  }
}
