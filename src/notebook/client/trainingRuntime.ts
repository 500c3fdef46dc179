/** The live half of the training widget, loaded on demand: the animation loop that trains and draws. */
import { startTraining, trainFor, sampleBoundary, listPoints, thinLosses, describeModel, type TrainingSettings, type TrainingRun } from "../training/trainingRun";
import { plotBoundary, plotLoss } from "../training/trainingFigures";

/** Timing of the loop. */
export interface LiveOptions {
  budgetMs: number;
  drawIntervalMs: number;
  resolution: number;
}

/** Play, pause and single steps of one run drawn into `host`. */
export function createLiveTraining(host: HTMLElement, settings: TrainingSettings, options: LiveOptions) {
  const status = host.querySelector<HTMLElement>("[data-status]")!;
  const playButton = host.querySelector<HTMLButtonElement>("[data-action=play]")!;
  let run: TrainingRun;
  let frame = 0;
  let lastDraw = 0;
  let playing = false;
  const points = (() => {
    try {
      run = startTraining(settings);
      return listPoints(run.dataset);
    } catch (error) {
      status.textContent = `Cannot train: ${(error as Error).message}`;
      status.dataset.diverged = "";
      return [];
    }
  })();
  host.querySelector<HTMLElement>("[data-model]")!.textContent = describeModel(settings);
  delete status.dataset.diverged;
  draw();

  // Each figure costs a Plot render (~15 ms on a slow machine); redraw one at a time, alternating.
  let nextFigure: "boundary" | "loss" = "boundary";

  function draw(which: "boundary" | "loss" | "both" = "both"): void {
    if (!run) return;
    const started = performance.now();
    if (which !== "loss") host.querySelector("[data-boundary]")!.replaceChildren(plotBoundary(sampleBoundary(run, options.resolution), points, "raster"));
    if (which !== "boundary") host.querySelector("[data-loss]")!.replaceChildren(plotLoss(thinLosses(run.losses)));
    const loss = run.losses.at(-1);
    host.dataset.steps = String(run.losses.length);
    if (run.divergedBecause) {
      status.textContent = `Stopped: ${run.divergedBecause}`;
      status.dataset.diverged = "";
    } else {
      status.textContent = `Step ${run.losses.length}${loss === undefined ? "" : `, loss ${loss.toPrecision(3)}`}`;
    }
    lastDraw = performance.now();
    host.dataset.drawMs = (lastDraw - started).toFixed(1); // read by the browser test's frame-rate report
  }

  function tick(): void {
    if (!playing) return;
    // A frame either trains or draws, never both, so no frame carries both costs.
    if (performance.now() - lastDraw >= options.drawIntervalMs) {
      draw(nextFigure);
      nextFigure = nextFigure === "boundary" ? "loss" : "boundary";
    } else {
      trainFor(run, options.budgetMs);
    }
    if (run.divergedBecause) {
      pause();
      draw();
      return;
    }
    frame = requestAnimationFrame(tick);
  }

  function play(): void {
    if (playing || !run || run.divergedBecause) return;
    playing = true;
    playButton.textContent = "Pause";
    frame = requestAnimationFrame(tick);
  }

  function pause(): void {
    playing = false;
    playButton.textContent = "Play";
    cancelAnimationFrame(frame);
  }

  return {
    play,
    pause,
    step(): void {
      if (!run || run.divergedBecause) return;
      trainFor(run, 0);
      draw();
    },
    get playing(): boolean {
      return playing;
    },
  };
}
