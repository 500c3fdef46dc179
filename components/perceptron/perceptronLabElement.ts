/**
 * <perceptron-lab>: a light shell around the saved lab. It shows the controls, ties η, the epoch
 * limit and the seed to the page's params, and takes the buttons and the plane's clicks, keys and
 * focus; the training and drawing code (engine, Plot) loads on the reader's first touch, and
 * whatever the reader did while it loaded is applied once it has.
 */
import { loadOnFirstTouch } from "../../src/notebook/client/loadOnFirstTouch";
import { ARROW_MOVES } from "./arrowMoves";
import { linkNumberParam } from "./paramLink";
import type { LabAction, PerceptronLabController } from "./perceptronLabRuntime";

/** What PerceptronLab.astro saves on the element: the <Param> names the lab reads and their defaults. */
export interface PerceptronLabConfig {
  learningRateParam: string;
  epochsParam: string;
  seedParam: string;
  learningRate: number;
  maxEpochs: number;
  seed: number;
}

const ACTIONS: readonly string[] = ["step", "epoch", "play", "reset"] satisfies LabAction[];
const CLICK_SLOP_PX = 10; // a press and release this close together is a click, not a drag

class PerceptronLabElement extends HTMLElement {
  private load: (() => Promise<PerceptronLabController>) | undefined;

  connectedCallback(): void {
    if (this.load) return;
    const config = JSON.parse(this.dataset.config ?? "{}") as PerceptronLabConfig;
    const preset = this.querySelector<HTMLSelectElement>('[data-pl="preset"]')!;
    const links = {
      learningRate: linkNumberParam(config.learningRateParam, config.learningRate, (value) => void load().then((lab) => lab.setLearningRate(value))),
      maxEpochs: linkNumberParam(config.epochsParam, config.maxEpochs, (value) => void load().then((lab) => lab.setMaxEpochs(value))),
      seed: linkNumberParam(config.seedParam, config.seed, (value) => void load().then((lab) => lab.setSeed(value))),
    };
    const load = loadOnFirstTouch(
      this,
      () =>
        import("./perceptronLabRuntime").then(
          (runtime) => new runtime.PerceptronLabController(this, { preset: preset.value, learningRate: links.learningRate.get(), maxEpochs: links.maxEpochs.get(), seed: links.seed.get() }),
        ),
      { params: [config.learningRateParam, config.epochsParam, config.seedParam] },
    );
    this.load = load;

    for (const live of this.querySelectorAll<HTMLElement>("[data-pl-live]")) live.hidden = false;
    this.addEventListener("click", (event) => {
      const action = (event.target as HTMLElement).closest<HTMLElement>("button[data-pl]")?.dataset.pl;
      if (action && ACTIONS.includes(action)) void load().then((lab) => lab.act(action as LabAction));
    });
    preset.addEventListener("change", () => void load().then((lab) => lab.choosePreset(preset.value)));

    const plane = this.querySelector<HTMLElement>('[data-pl="plane"]')!;
    plane.tabIndex = 0;
    plane.setAttribute("role", "application");
    plane.dataset.live = "";
    // A press and release in (nearly) one place edits; pointerup rather than click, so a redraw in between cannot lose it.
    let press: { x: number; y: number; id: number } | undefined;
    plane.addEventListener("pointerdown", (event) => {
      if (event.button === 0) press = { x: event.clientX, y: event.clientY, id: event.pointerId };
    });
    plane.addEventListener("pointerup", (event) => {
      const started = press;
      press = undefined;
      if (!started || started.id !== event.pointerId || Math.hypot(event.clientX - started.x, event.clientY - started.y) > CLICK_SLOP_PX) return;
      void load().then((lab) => lab.clickAt(event.clientX, event.clientY, event.shiftKey));
    });
    plane.addEventListener("keydown", (event) => {
      if (!Object.hasOwn(ARROW_MOVES, event.key) && event.key !== "Enter" && event.key !== " ") return;
      event.preventDefault();
      void load().then((lab) => lab.press(event.key, event.shiftKey));
    });
    plane.addEventListener("focus", () => {
      if (plane.matches(":focus-visible")) void load().then((lab) => lab.showCrosshair(true));
    });
    plane.addEventListener("blur", () => void load().then((lab) => lab.showCrosshair(false)));
  }

  disconnectedCallback(): void {
    if (this.dataset.runtime === "loaded") void this.load?.().then((lab) => lab.pause());
  }
}

if (!customElements.get("perceptron-lab")) customElements.define("perceptron-lab", PerceptronLabElement);
