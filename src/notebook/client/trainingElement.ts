/**
 * <nb-training>: the live training widget's controls. The engine and Plot are loaded on the
 * first Play or Step, not with the page; training runs in time-boxed slices per animation frame.
 */
import { readParams, watchParams } from "./paramStore";
import type { TrainingSettings } from "../training/trainingRun";

const TRAIN_BUDGET_MS = 8; // per frame: leaves room for drawing within a 16.7 ms frame
const DRAW_INTERVAL_MS = 100; // one figure redraws ten times a second, so each every 0.2 s; training fills the other frames
const LIVE_RESOLUTION = 40;

type Runtime = typeof import("./trainingRuntime");

class TrainingElement extends HTMLElement {
  private runtime: Runtime | undefined;
  private live: ReturnType<Runtime["createLiveTraining"]> | undefined;

  connectedCallback(): void {
    if (this.dataset.ready) return;
    this.dataset.ready = "";
    this.querySelector<HTMLElement>(".nb-training-controls")!.hidden = false;
    this.addEventListener("click", (event) => {
      const action = (event.target as HTMLElement).closest<HTMLElement>("[data-action]")?.dataset.action;
      if (action === "play") void this.toggle();
      else if (action === "step") void this.step();
      else if (action === "reset") void this.reset();
    });
    watchParams(() => {
      if (this.live) void this.reset();
    });
  }

  private settings(): TrainingSettings {
    const fallback = JSON.parse(this.dataset.settings ?? "{}") as TrainingSettings;
    const params = readParams();
    return {
      learningRate: Number(params.lr ?? fallback.learningRate),
      hidden: Number(params.hidden ?? fallback.hidden),
      activation: (params.activation ?? fallback.activation) as TrainingSettings["activation"],
      dataset: (params.dataset ?? fallback.dataset) as TrainingSettings["dataset"],
      seed: fallback.seed,
    };
  }

  private async ensureLive(): Promise<NonNullable<typeof this.live>> {
    this.runtime ??= await import("./trainingRuntime");
    this.live ??= this.runtime.createLiveTraining(this, this.settings(), { budgetMs: TRAIN_BUDGET_MS, drawIntervalMs: DRAW_INTERVAL_MS, resolution: LIVE_RESOLUTION });
    return this.live;
  }

  private async toggle(): Promise<void> {
    const live = await this.ensureLive();
    if (live.playing) live.pause();
    else live.play();
  }

  private async step(): Promise<void> {
    (await this.ensureLive()).step();
  }

  private async reset(): Promise<void> {
    const wasPlaying = this.live?.playing ?? false;
    this.live?.pause();
    this.live = undefined;
    const live = await this.ensureLive();
    if (wasPlaying) live.play();
  }
}

if (!customElements.get("nb-training")) customElements.define("nb-training", TrainingElement);
