/**
 * The live half of <nb-training>, loaded on the reader's first touch: the animation loop that
 * trains in time-boxed slices and draws. The run itself starts on the first Play or Step.
 */
import type { WidgetContext, WidgetController } from "../../../components/kit/lazyWidget";
import { createPlayLoop } from "../../../components/kit/playLoop";
import { startTraining, trainFor, sampleBoundary, listPoints, thinLosses, describeModel, type TrainingSettings, type TrainingRun } from "../training/trainingRun";
import { plotBoundary, plotLoss } from "../training/trainingFigures";
import { pageStrings } from "../../i18n/strings";

const TRAIN_BUDGET_MS = 8; // per frame: leaves room for drawing within a 16.7 ms frame
const DRAW_INTERVAL_MS = 100; // one figure redraws ten times a second, so each every 0.2 s; training fills the other frames
const LIVE_RESOLUTION = 40;

type Role = "learningRate" | "hidden" | "activation" | "dataset";

/** Takes over <nb-training>: Play, Step and Reset; a change of a bound param rebuilds a started run. */
export function start(element: HTMLElement, { params }: WidgetContext<Role>): WidgetController<Role> {
  const timing = { budgetMs: TRAIN_BUDGET_MS, drawIntervalMs: DRAW_INTERVAL_MS, resolution: LIVE_RESOLUTION };
  const settings = (): TrainingSettings => ({
    learningRate: params.number("learningRate"),
    hidden: params.number("hidden"),
    activation: params.value("activation") as TrainingSettings["activation"],
    dataset: params.value("dataset") as TrainingSettings["dataset"],
    seed: Number(element.dataset.seed),
  });
  let live: ReturnType<typeof createLiveTraining> | undefined;
  const ensureLive = () => (live ??= createLiveTraining(element, settings(), timing));
  const reset = () => {
    const wasPlaying = live?.playing ?? false;
    live?.pause();
    live = createLiveTraining(element, settings(), timing);
    if (wasPlaying) live.play();
  };
  return {
    action(name) {
      if (name === "play") {
        const run = ensureLive();
        if (run.playing) run.pause();
        else run.play();
      } else if (name === "step") ensureLive().step();
      else if (name === "reset") reset();
    },
    paramsChanged() {
      if (live) reset();
    },
  };
}

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
  let lastDraw = 0;
  const s = pageStrings();
  const points = (() => {
    try {
      run = startTraining(settings);
      return listPoints(run.dataset);
    } catch (error) {
      status.textContent = s.trainCannot({ error: (error as Error).message });
      status.dataset.diverged = "";
      return [];
    }
  })();
  host.querySelector<HTMLElement>("[data-model]")!.textContent = describeModel(settings, s);
  delete status.dataset.diverged;
  draw();

  // Each figure costs a Plot render (~15 ms on a slow machine); redraw one at a time, alternating.
  let nextFigure: "boundary" | "loss" = "boundary";

  function draw(which: "boundary" | "loss" | "both" = "both"): void {
    if (!run) return;
    const started = performance.now();
    if (which !== "loss") host.querySelector("[data-boundary]")!.replaceChildren(plotBoundary(sampleBoundary(run, options.resolution), points, "raster", undefined, s));
    if (which !== "boundary") host.querySelector("[data-loss]")!.replaceChildren(plotLoss(thinLosses(run.losses), undefined, s));
    const loss = run.losses.at(-1);
    host.dataset.steps = String(run.losses.length);
    if (run.divergedBecause) {
      status.textContent = s.trainStopped({ why: run.divergedBecause });
      status.dataset.diverged = "";
    } else {
      status.textContent = loss === undefined ? s.trainStatusStep({ step: run.losses.length }) : s.trainStatusStepLoss({ step: run.losses.length, loss: loss.toPrecision(3) });
    }
    lastDraw = performance.now();
    host.dataset.drawMs = (lastDraw - started).toFixed(1); // read by the browser test's frame-rate report
  }

  /** One frame of play: trains or draws one figure; false once the run has diverged. */
  function trainOrDraw(): boolean {
    // A frame either trains or draws, never both, so no frame carries both costs.
    if (performance.now() - lastDraw >= options.drawIntervalMs) {
      draw(nextFigure);
      nextFigure = nextFigure === "boundary" ? "loss" : "boundary";
    } else {
      trainFor(run, options.budgetMs, undefined, s);
    }
    if (run.divergedBecause) {
      loop.pause();
      draw();
      return false;
    }
    return true;
  }

  const loop = createPlayLoop(playButton, { canPlay: () => Boolean(run) && !run.divergedBecause, frame: trainOrDraw }, { play: s.trainPlay, pause: s.trainPause });

  return {
    play: loop.play,
    pause: loop.pause,
    step(): void {
      if (!run || run.divergedBecause) return;
      trainFor(run, 0, undefined, s);
      draw();
    },
    get playing(): boolean {
      return loop.playing;
    },
  };
}
