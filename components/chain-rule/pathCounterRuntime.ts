/**
 * The heavy half of <path-counter> (Plot), loaded on the reader's first touch: it recounts when the
 * `layers` or `width` param changes, one depth at a time within a few milliseconds per animation
 * frame, then redraws.
 */
import { findParamSpec, readParams } from "../../src/notebook/client/paramStore.ts";
import { countAtDepth, type DepthCount } from "./layeredGraph.ts";
import { renderPathCountFigure } from "./pathCountFigure.ts";
import { describeCounts } from "./pathCountText.ts";

const FRAME_BUDGET_MS = 6; // leaves the rest of a 16 ms frame for drawing and input

/** Drives one path-counter element; its light shell forwards param changes. */
export class PathCounterController {
  private readonly element: HTMLElement;
  private layers = 1;
  private width = 1;
  private job = 0;

  constructor(element: HTMLElement) {
    this.element = element;
    this.layers = Number(element.dataset.layers);
    this.width = Number(element.dataset.width);
    this.recount();
  }

  /** Reads layers and width from the params, counts every depth over a few frames, and redraws. */
  recount(): void {
    const params = readParams();
    if (typeof params.layers === "number") this.layers = params.layers;
    if (typeof params.width === "number") this.width = params.width;
    this.element.querySelector("[data-pc-params]")!.textContent = `Layers: ${this.layers}, width: ${this.width}.`;
    this.updateButtons();
    const job = ++this.job;
    const counts: DepthCount[] = [];
    const { layers, width } = this;
    const step = (): void => {
      if (job !== this.job) return; // a newer change took over
      const start = performance.now();
      while (counts.length < layers && performance.now() - start < FRAME_BUDGET_MS) counts.push(countAtDepth(counts.length + 1, width));
      if (counts.length < layers) {
        this.say(`Counting… ${counts.length} of ${layers} depths.`);
        requestAnimationFrame(step);
        return;
      }
      this.draw(counts);
    };
    requestAnimationFrame(step);
  }

  private draw(counts: DepthCount[]): void {
    const figure = this.element.querySelector<HTMLElement>("[data-pc-figure]")!;
    const broken = counts.find((count) => !Number.isFinite(count.naivePaths) || !Number.isFinite(count.reverseMode));
    if (broken) {
      this.say(`At ${broken.layers} layers the path count overflows a double-precision number, so it cannot be plotted.`);
      return;
    }
    figure.replaceChildren(renderPathCountFigure(counts, Math.max(280, Math.min(640, figure.clientWidth))));
    figure.dataset.layers = String(this.layers);
    figure.dataset.width = String(this.width);
    this.say(describeCounts(counts, this.width));
  }

  private updateButtons(): void {
    for (const button of this.element.querySelectorAll<HTMLButtonElement>("[data-pc-change]")) {
      const name = button.dataset.pcChange as "layers" | "width";
      const spec = findParamSpec(name);
      const next = this[name] + Number(button.dataset.pcBy);
      button.disabled = spec?.kind === "number" ? next < spec.min || next > spec.max : true;
    }
  }

  private say(text: string): void {
    this.element.querySelector("[data-pc-status]")!.textContent = text;
  }
}
