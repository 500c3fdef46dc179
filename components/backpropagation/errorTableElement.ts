/**
 * <bp-error-table>: retrains the worked example after each edit and refreshes the table and the
 * Plot chart. Training runs in slices of a few milliseconds per animation frame, and a newer edit
 * abandons an older run.
 */
import { watchExample } from "./exampleStore";
import { plotErrorCurve } from "./errorChart";
import { describeCheckpoint } from "./errorTableText";
import { DEFAULT_SETUP, SETUP_NAMES, createExampleTrainer, formatNumber, type ExampleSetup, type TrainingCheckpoint } from "./workedExample";

const FRAME_BUDGET_MS = 6;
const STEPS_PER_CHECK = 50; // how many steps run between looks at the clock

class ErrorTableElement extends HTMLElement {
  private started = false;
  private run = 0;
  private firstState = true;

  connectedCallback(): void {
    if (this.started) return;
    this.started = true;
    watchExample(({ setup }) => {
      // The saved page already shows the default run; retrain only when a value (or the URL) differs.
      const saved = this.firstState && isDefault(setup);
      this.firstState = false;
      if (!saved) this.train(setup);
    });
  }

  private train(setup: ExampleSetup): void {
    const run = ++this.run;
    const trainer = createExampleTrainer(setup);
    const checkpoints: TrainingCheckpoint[] = [];
    const status = this.querySelector<HTMLElement>(".bp-status")!;
    this.setAttribute("aria-busy", "true");
    this.querySelectorAll<HTMLElement>("[data-bp-eta]").forEach((node) => (node.textContent = String(Number(setup.learningRate.toPrecision(9)))));
    const slice = () => {
      if (run !== this.run) return; // a newer edit took over
      const start = performance.now();
      while (!trainer.done && performance.now() - start < FRAME_BUDGET_MS) checkpoints.push(...trainer.advance(STEPS_PER_CHECK));
      if (!trainer.done) {
        requestAnimationFrame(slice);
        return;
      }
      this.show(checkpoints, status, setup);
    };
    requestAnimationFrame(slice);
  }

  private show(checkpoints: TrainingCheckpoint[], status: HTMLElement, setup: ExampleSetup): void {
    this.removeAttribute("aria-busy");
    this.dataset.trained = "";
    const broken = checkpoints.find((point) => !Number.isFinite(point.error));
    for (const row of this.querySelectorAll<HTMLElement>("tr[data-step]")) {
      const point = checkpoints.find((candidate) => candidate.step === Number(row.dataset.step));
      if (!point) continue;
      const tips = describeCheckpoint(point, setup);
      for (const column of ["error", "y1", "y2"] as const) {
        const cell = row.querySelector(`[data-column=${column}]`)!;
        cell.querySelector(".bp-cell-value")!.textContent = formatNumber(point[column]);
        cell.querySelector(".bp-cell-tip")!.textContent = tips[column];
      }
    }
    this.querySelector("[data-bp-chart]")!.replaceChildren(plotErrorCurve(checkpoints));
    const last = checkpoints[checkpoints.length - 1];
    status.textContent = broken
      ? `Training broke down at step ${broken.step}: the error is no longer a finite number, so the table stops meaning anything. Lower η or the weights.`
      : `Retrained: after ${last.step} steps E = ${formatNumber(last.error)}, from ${formatNumber(checkpoints[0].error)} at the start.`;
  }
}

function isDefault(setup: ExampleSetup): boolean {
  return SETUP_NAMES.every((name) => setup[name] === DEFAULT_SETUP[name]);
}

if (!customElements.get("bp-error-table")) customElements.define("bp-error-table", ErrorTableElement);
