/**
 * The live half of <gd-batch-curves> (engine and Plot), loaded on the reader's first touch: it
 * trains the three runs one epoch at a time inside requestAnimationFrame, redrawing the curves
 * as they grow, with play, pause, one epoch and reset.
 */
import type { WidgetContext, WidgetController } from "../kit/lazyWidget";
import type { BoundParams } from "../kit/boundParams";
import { advanceEpoch, createBatchRuns, createMoons, type BatchRun } from "./descent";
import { plotLossCurves } from "./figures";
import { describeBatchRuns } from "./captions";

type Role = "learningRate" | "batchSize" | "epochs";

const FRAME_BUDGET_MS = 8;

/** Takes over the element: the buttons drive the runs, and a change of a bound param restarts them live. */
export function start(element: HTMLElement, { params }: WidgetContext<Role>): WidgetController<Role> {
  const curves = new BatchCurves(element, params);
  return {
    action: (name) => curves.act(name),
    paramsChanged: () => curves.restart(),
  };
}

class BatchCurves {
  private readonly data = createMoons();
  private runs: BatchRun[] = [];
  private epoch = 0;
  private playing = false;
  /** Bumped whenever a frame loop must stop, so at most one loop ever trains the runs. */
  private loop = 0;

  constructor(
    private readonly element: HTMLElement,
    private readonly params: BoundParams<Role>,
  ) {
    // The saved figure stays until the reader trains, unless the page's params (from a link) differ from the defaults it was drawn with.
    if (params.roles.some((role) => params.value(role) !== params.spec(role).value)) this.catchUp();
    else this.reset(false);
  }

  /** A button: play (or pause), one epoch, or reset. */
  act(action: string): void {
    if (action === "play") {
      if (this.playing) this.pause();
      else this.play();
    } else if (action === "step") {
      this.pause();
      if (this.epoch >= this.totalEpochs) this.reset(false);
      this.element.dataset.live = "live";
      this.train(1);
    } else if (action === "reset") {
      this.pause();
      this.reset();
    }
  }

  /** After a param change: new runs from epoch 0, trained live. */
  restart(): void {
    this.reset();
    this.play();
  }

  /** Trains the whole run for the current params in the background, a few epochs per frame, then draws it. */
  private catchUp(): void {
    this.reset(false);
    const id = this.loop;
    const frame = () => {
      if (id !== this.loop) return; // the reader pressed a button or changed a param meanwhile
      const started = performance.now();
      while (this.epoch < this.totalEpochs && performance.now() - started < FRAME_BUDGET_MS / 2) this.train(1, false);
      if (this.epoch < this.totalEpochs) requestAnimationFrame(frame);
      else this.draw();
    };
    requestAnimationFrame(frame);
  }

  private button(action: string): HTMLButtonElement {
    return this.element.querySelector<HTMLButtonElement>(`[data-action="${action}"]`)!;
  }

  private get totalEpochs(): number {
    return this.params.number("epochs");
  }

  private reset(redraw = true): void {
    this.loop++;
    const learningRate = this.params.number("learningRate");
    const miniBatchSize = this.params.number("batchSize");
    this.runs = createBatchRuns(this.data, { learningRate, miniBatchSize });
    this.epoch = 0;
    if (redraw) {
      this.element.dataset.live = "live";
      this.draw();
    }
  }

  private play(): void {
    if (this.epoch >= this.totalEpochs) this.reset();
    this.playing = true;
    this.button("play").textContent = "Pause";
    this.button("play").setAttribute("aria-pressed", "true");
    this.element.dataset.live = "live";
    const id = ++this.loop;
    const frame = () => {
      if (!this.playing || id !== this.loop) return;
      const started = performance.now();
      // At least one epoch per frame; more while the frame's budget lasts.
      do this.train(1, false);
      while (this.epoch < this.totalEpochs && performance.now() - started < FRAME_BUDGET_MS / 2);
      this.draw();
      if (this.epoch >= this.totalEpochs) this.pause();
      else requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  }

  private pause(): void {
    this.playing = false;
    this.loop++;
    this.button("play").textContent = "Play";
    this.button("play").setAttribute("aria-pressed", "false");
  }

  private train(epochs: number, redraw = true): void {
    for (let i = 0; i < epochs && this.epoch < this.totalEpochs; i++) {
      this.runs.forEach(advanceEpoch);
      this.epoch++;
    }
    if (redraw) this.draw();
  }

  private draw(): void {
    const figure = this.element.querySelector<HTMLElement>("[data-curves]")!;
    // As wide as the column, so the labels stay legible on a phone instead of shrinking with the picture.
    const width = Math.max(280, Math.min(640, figure.clientWidth || 640));
    figure.replaceChildren(plotLossCurves({ document, curves: this.runs, epochs: this.totalEpochs, width, height: 300 }));
    this.element.querySelector("[data-status]")!.textContent = describeBatchRuns(this.runs, this.epoch, this.params.number("learningRate"));
    this.element.dataset.epoch = String(this.epoch);
    this.element.querySelector("[data-epoch]")!.textContent = `Epoch ${this.epoch} of ${this.totalEpochs}`;
  }
}
