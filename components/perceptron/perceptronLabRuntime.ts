/**
 * The live half of <perceptron-lab> (Plot, the engine), loaded on the reader's first touch: it
 * trains on demand, draws every change and edits the points; the kit hands it the buttons, the
 * plane's presses and keys, and the params η, epoch limit and seed.
 */
import type { WidgetContext, WidgetController } from "../kit/lazyWidget";
import type { BoundParams } from "../kit/boundParams";
import { arrowMove, pickPoint } from "../kit/pointer";
import { LAB_BOX, LAB_PRESETS, countEpochs, createLab, describeLimit, finishEpoch, makePresetPoints, setEpochLimit, stepLab, togglePoint, type LabPreset, type LabState } from "./lab";
import { drawMistakes, drawPlane, type ScaledFigure } from "./drawLab";
import type { Point } from "./geometry";
import { pageStrings } from "../../src/i18n/strings";

/** The roles PerceptronLab binds: the learning rate η, the epoch limit and the seed of the starting weights. */
export type LabRole = "learningRate" | "maxEpochs" | "seed";

const FRAME_BUDGET_MS = 6; // well under the ~8 ms a frame can spare
const REMOVE_RADIUS = 0.09; // a click this close to a point (in data units) removes it
const CLICK_SLOP_PX = 10; // a press and release this close together is a click, not a drag
const CROSSHAIR_STEP = { plain: 0.1, shift: 0.5 };

function isPreset(name: string): name is LabPreset {
  return (LAB_PRESETS as readonly string[]).includes(name);
}

/** Takes over the element; the saved view stays until the first redraw. */
export function start(element: HTMLElement, { params }: WidgetContext<LabRole>): WidgetController<LabRole> {
  const lab = new PerceptronLabController(element, params);
  // A press and release in (nearly) one place edits; a drag does nothing.
  let press: { start: Point; last: Point; shift: boolean } | undefined;
  return {
    action: (name) => lab.act(name),
    // Through the kit, so a preset chosen while the runtime was still loading is applied once it has.
    changed(control, value) {
      if (control.dataset.pl === "preset") lab.choosePreset(value);
    },
    pick(clientX, clientY, _figure, shift) {
      if (press) press.last = [clientX, clientY];
      else press = { start: [clientX, clientY], last: [clientX, clientY], shift };
    },
    release() {
      const done = press;
      press = undefined;
      if (done && Math.hypot(done.last[0] - done.start[0], done.last[1] - done.start[1]) <= CLICK_SLOP_PX) lab.clickAt(done.last[0], done.last[1], done.shift);
    },
    press: (key, shift) => lab.press(key, shift),
    paramsChanged: () => lab.followParams(),
  };
}

/** Drives one perceptron-lab element: training on demand, drawing every change, editing the points. */
export class PerceptronLabController {
  private readonly root: HTMLElement;
  private readonly params: BoundParams<LabRole>;
  private lab!: LabState;
  private preset: LabPreset = "and";
  private learningRate: number;
  private maxEpochs: number;
  private seed: number;
  private playing = false;
  private readonly s = pageStrings();
  private frame = 0;
  private lastTime = 0;
  private owed = 0;
  private crosshair: Point | undefined;
  private planeSvg: ScaledFigure | undefined;

  constructor(root: HTMLElement, params: BoundParams<LabRole>) {
    this.root = root;
    this.params = params;
    const preset = this.element<HTMLSelectElement>("preset").value;
    if (isPreset(preset)) this.preset = preset;
    this.learningRate = params.number("learningRate");
    this.maxEpochs = params.number("maxEpochs");
    this.seed = params.number("seed");
    const plane = this.plane();
    new ResizeObserver(() => this.draw()).observe(plane);
    // The crosshair is for keyboard users: shown while the plane has keyboard focus.
    plane.addEventListener("focus", () => {
      if (plane.matches(":focus-visible")) this.showCrosshair(true);
    });
    plane.addEventListener("blur", () => this.showCrosshair(false));
    this.resetLab(this.s.labReady);
    if (plane.matches(":focus-visible")) this.showCrosshair(true);
  }

  private element<T extends HTMLElement = HTMLElement>(name: string): T {
    return this.root.querySelector<T>(`[data-pl="${name}"]`)!;
  }

  private plane(): HTMLElement {
    return this.root.querySelector<HTMLElement>("[data-figure]")!;
  }

  private playButton(): HTMLElement {
    return this.root.querySelector<HTMLElement>('[data-action="play"]')!;
  }

  /** One or more params changed: a new seed starts over, a new η or epoch limit applies from now on. */
  followParams(): void {
    const [learningRate, maxEpochs, seed] = [this.params.number("learningRate"), this.params.number("maxEpochs"), this.params.number("seed")];
    if (seed !== this.seed) this.setSeed(seed);
    if (maxEpochs !== this.maxEpochs) this.setMaxEpochs(maxEpochs);
    if (learningRate !== this.learningRate) this.setLearningRate(learningRate);
  }

  private setLearningRate(value: number): void {
    this.learningRate = value;
    this.announce(this.s.labRateNow({ value }));
    this.draw();
  }

  private setMaxEpochs(value: number): void {
    this.maxEpochs = value;
    setEpochLimit(this.lab, value);
    this.announce(this.s.labLimitNow({ value }));
    if (this.lab.status !== "training") this.describeEnd();
    this.draw();
  }

  // New starting weights (and new blobs).
  private setSeed(value: number): void {
    this.seed = value;
    this.resetLab(this.preset === "blobs" ? this.s.labSeedBlobs({ value }) : this.s.labSeed({ value }));
  }

  /** A button: Step applies the rule once, Epoch finishes the epoch, Play toggles, Reset starts over. */
  act(action: string): void {
    if (action === "play") return this.playing ? this.pause() : this.play();
    if (action === "reset") return this.resetLab(this.s.labReset);
    if (action !== "step" && action !== "epoch") return;
    this.pause();
    if (this.lab.status !== "training") return this.describeEnd();
    if (action === "step") {
      const index = this.lab.cursor;
      stepLab(this.lab, this.learningRate, this.maxEpochs);
      this.draw();
      this.describeStep(index);
      return;
    }
    finishEpoch(this.lab, this.learningRate, this.maxEpochs);
    this.draw();
    if (this.lab.status === "training") {
      const mistakes = this.lab.mistakesPerEpoch[this.lab.mistakesPerEpoch.length - 1];
      this.announce(this.s.labEpochDone({ epoch: countEpochs(this.lab), mistakes, w1: this.fmt(this.lab.perceptron.weights[0]), w2: this.fmt(this.lab.perceptron.weights[1]), b: this.fmt(this.lab.perceptron.bias) }));
    } else this.describeEnd();
  }

  /** The data menu chose another preset. */
  choosePreset(name: string): void {
    if (!isPreset(name)) return;
    this.preset = name;
    this.resetLab(this.s.labData({ data: name === "blobs" ? this.s.labBlobsLong : name.toUpperCase(), points: makePresetPoints(name, this.seed).length }));
  }

  /** A click on the plane at (clientX, clientY): removes the point there or adds one. */
  clickAt(clientX: number, clientY: number, otherClass: boolean): void {
    const point = this.planeSvg && pickPoint(this.planeSvg, { clientX, clientY });
    const inside = point && point[0] >= LAB_BOX.xMin && point[0] <= LAB_BOX.xMax && point[1] >= LAB_BOX.yMin && point[1] <= LAB_BOX.yMax;
    if (inside) this.editAt(point, otherClass);
  }

  private showCrosshair(shown: boolean): void {
    this.crosshair = shown ? (this.crosshair ?? [0, 0]) : undefined;
    this.draw();
  }

  /** A key on the plane: arrows move the crosshair (Shift: further), Enter or Space adds or removes a point there. */
  press(key: string, shift: boolean): void {
    const at = this.crosshair ?? [0, 0];
    const move = arrowMove(key, shift ? CROSSHAIR_STEP.shift : CROSSHAIR_STEP.plain, false);
    if (move) {
      const clamp = (v: number, low: number, high: number) => Number(Math.min(high, Math.max(low, v)).toFixed(2));
      this.crosshair = [clamp(at[0] + move[0], LAB_BOX.xMin, LAB_BOX.xMax), clamp(at[1] + move[1], LAB_BOX.yMin, LAB_BOX.yMax)];
      this.draw();
      this.announce(this.s.labCrosshair({ x1: this.crosshair[0], x2: this.crosshair[1] }));
    } else if (key === "Enter" || key === " ") this.editAt(at, shift);
  }

  private selectedClass(otherClass: boolean): 0 | 1 {
    const chosen = this.root.querySelector<HTMLInputElement>('input[name="pl-class"]:checked')?.value === "0" ? 0 : 1;
    return (otherClass ? 1 - chosen : chosen) as 0 | 1;
  }

  private editAt(point: Point, otherClass: boolean): void {
    this.pause();
    const target = this.selectedClass(otherClass);
    const done = togglePoint(this.lab, point[0], point[1], target, REMOVE_RADIUS);
    this.draw();
    const where = `(${point[0].toFixed(2)}, ${point[1].toFixed(2)})`;
    this.announce(
      done === "added"
        ? this.s.labAdded({ target, where, points: this.lab.points.length })
        : this.lab.points.length === 0 ? this.s.labRemovedLast({ where }) : this.s.labRemoved({ where, points: this.lab.points.length }),
    );
  }

  private resetLab(message: string): void {
    this.pause();
    this.lab = createLab(makePresetPoints(this.preset, this.seed), this.seed);
    if (countEpochs(this.lab) >= this.maxEpochs) this.lab.status = "limit";
    this.draw();
    this.announce(message);
  }

  private play(): void {
    if (this.lab.status !== "training") return this.describeEnd();
    this.playing = true;
    this.playButton().textContent = this.s.trainPause;
    this.playButton().setAttribute("aria-pressed", "true");
    this.lastTime = performance.now();
    this.owed = 1; // the first frame shows one update at once
    this.announce(this.s.labPlaying);
    this.frame = requestAnimationFrame((time) => this.tick(time));
  }

  private pause(): void {
    if (!this.playing) return;
    this.playing = false;
    cancelAnimationFrame(this.frame);
    this.playButton().textContent = this.s.trainPlay;
    this.playButton().setAttribute("aria-pressed", "false");
  }

  // Bounded work per frame: as many updates as the speed owes, but never more than FRAME_BUDGET_MS of them.
  private tick(time: number): void {
    if (!this.playing) return;
    if (!this.root.isConnected) return this.pause(); // the element left the page
    const perSecond = Number(this.element<HTMLSelectElement>("speed").value);
    this.owed += ((time - this.lastTime) / 1000) * perSecond;
    this.lastTime = time;
    const start = performance.now();
    while (this.owed >= 1 && this.lab.status === "training" && performance.now() - start < FRAME_BUDGET_MS) {
      stepLab(this.lab, this.learningRate, this.maxEpochs);
      this.owed -= 1;
    }
    this.owed = Math.min(this.owed, perSecond); // a slow frame must not cause a burst later
    this.draw();
    if (this.lab.status !== "training") {
      this.pause();
      this.describeEnd();
      return;
    }
    this.frame = requestAnimationFrame((next) => this.tick(next));
  }

  private fmt(value: number): string {
    return Number.isFinite(value) ? value.toFixed(3) : String(value);
  }

  private describeStep(index: number): void {
    const point = this.lab.points[index];
    const last = this.lab.lastStep;
    if (!point || !last) return;
    const { weights, bias } = this.lab.perceptron;
    const where = this.s.labExample({ index: index + 1, x1: point.x1.toFixed(2), x2: point.x2.toFixed(2), target: point.target });
    const text = last.mistake
      ? this.s.labMistake({ where, y: 1 - point.target, w1: this.fmt(weights[0]), w2: this.fmt(weights[1]), b: this.fmt(bias) })
      : this.s.labCorrect({ where, y: point.target });
    if (this.lab.status === "training") this.announce(text);
    else this.describeEnd(text + this.s.labSentenceGap);
  }

  private describeEnd(prefix = ""): void {
    const epochs = countEpochs(this.lab);
    const messages: Record<string, string> = {
      converged: this.s.labConverged({ epoch: epochs }),
      cycling: this.s.labCycling({ epoch: epochs + 1, start: this.lab.cycleStart! }),
      limit: describeLimit(this.lab, this.maxEpochs, this.s),
      diverged: this.s.labDiverged,
      empty: this.s.labEmpty,
      training: this.s.labTraining,
    };
    this.announce(prefix + messages[this.lab.status]);
  }

  private announce(text: string): void {
    const status = this.element("status");
    status.dataset.state = this.lab.status;
    status.textContent = text;
  }

  private draw(): void {
    if (!this.lab) return;
    const lab = this.lab;
    const { weights, bias } = lab.perceptron;
    const plane = this.plane();
    const width = plane.clientWidth || 440;
    const figure = drawPlane(document, {
      box: LAB_BOX,
      unit: { w1: weights[0], w2: weights[1], b: bias },
      points: lab.points,
      next: lab.status === "training" ? lab.cursor : undefined,
      last: lab.lastStep,
      crosshair: this.crosshair,
      width,
      ariaLabel: this.s.labPlaneLine({ points: lab.points.length, w1: this.fmt(weights[0]), w2: this.fmt(weights[1]), b: this.fmt(bias) }),
    });
    this.planeSvg = figure;
    plane.replaceChildren(figure);
    const chart = this.element("mistakes");
    chart.replaceChildren(drawMistakes(document, lab.mistakesPerEpoch, chart.clientWidth || 440, this.s));
    const done = lab.status !== "training";
    this.element("epoch-now").textContent = done ? this.s.labEpochEnded({ epoch: countEpochs(lab), status: lab.status }) : String(countEpochs(lab) + 1);
    this.element("next").textContent = lab.points.length === 0 ? this.s.labNone : done ? "—" : this.s.labNextOf({ next: lab.cursor + 1, points: lab.points.length });
    this.element("mistakes-now").textContent = String(lab.mistakesThisEpoch);
    this.element("eta").textContent = String(this.learningRate);
    this.element("w1").textContent = this.fmt(weights[0]);
    this.element("w2").textContent = this.fmt(weights[1]);
    this.element("b").textContent = this.fmt(bias);
  }
}
