/**
 * The heavy half of <training-playground> (engine, Plot), loaded by the kit on the reader's first
 * touch or at once when the URL sets a playground setting. It reads the configuration from the
 * address, trains in time-boxed slices per animation frame, and redraws one figure per frame so a
 * frame's work stays near 8 ms. The kit forwards clicks, control changes and page params to it.
 */
import type { WidgetContext, WidgetController } from "../kit/lazyWidget";
import { formatValue, LIMITS, PLAYGROUND_ROLES, roundCoordinate, type PlaygroundConfig, type PlaygroundRole } from "./config";
import { readBoundSettings, readConfig, readNotices, writeSettings, type PlaygroundParams } from "./playgroundAddress";
import { markRefused, readControl, showControls } from "./controls";
import { DECISION_RESOLUTION } from "./figures";
import { describeModel } from "./formula";
import { showFormulas } from "./formulaView";
import { PlaneInput, type PlanePoint } from "./planeInput";
import { PlaygroundView, TRAINED_FIGURES, type Figure } from "./playgroundView";
import { createSession, replaceTrainingData, runSession, stepSession, type Session } from "./session";
import { readyAnnouncement, describeDivergence, describeStatus } from "./sessionText";
import { describePlateau, isLossRising, needsAdvice, suggestChanges, type Suggestion } from "./advice";
import { pageStrings } from "../../src/i18n/strings";

/** Training may use this much of a frame; one figure's redraw takes the rest. */
const TRAIN_BUDGET_MS = 5;
/** The status line (a live region) changes at most this often while playing, so screen readers are not flooded. */
const STATUS_INTERVAL_MS = 500;
/** Settings that change in place; any other change rebuilds the run from the seed. */
const LIVE_KEYS = new Set<keyof PlaygroundConfig>(["learningRate", "momentum", "weightDecay", "speed"]);
/** Frame records kept for the stats (about ten seconds). */
const STATS_LENGTH = 600;

/** Frame timings the browser test reads to report the frame rate. */
export interface PlaygroundStats {
  frames: number;
  /** Milliseconds of work (training plus drawing) in each recent frame. */
  workMs: number[];
  /** Milliseconds of training in each recent frame while playing (time-boxed by TRAIN_BUDGET_MS). */
  trainMs: number[];
  /** Steps taken in each recent frame while playing (at most `speed`; fewer when the time box ends the slice). */
  stepsPerFrame: number[];
  /** The latest redraw time of each figure. */
  drawMs: Partial<Record<Figure, number>>;
}

function pushRecent(values: number[], value: number): void {
  values.push(value);
  if (values.length > STATS_LENGTH) values.shift();
}

/** Takes over the element: reads the address, draws, and starts the frame loop. */
export function start(element: HTMLElement, { params }: WidgetContext<PlaygroundRole>): WidgetController<PlaygroundRole> {
  const controller = new PlaygroundController(element, params);
  // The browser tests read the run and the frame stats from the element.
  (element as HTMLElement & { controller?: PlaygroundController }).controller = controller;
  return {
    action: (name) => controller.act(name),
    changed: (control, value) => controller.commit(control, value),
    paramsChanged: () => controller.change(readBoundSettings(params)),
  };
}

/** Drives one playground: its run, its controls and its figures. */
export class PlaygroundController {
  config: PlaygroundConfig;
  session!: Session;
  playing = false;
  readonly view: PlaygroundView;
  readonly stats: PlaygroundStats;
  private readonly element: HTMLElement;
  private readonly params: PlaygroundParams;
  private readonly plane: PlaneInput;
  private notices: string[] = [];
  private lastStatus = 0;
  /** The one-click changes offered when the loss stays flat or rises; empty while no advice is shown. */
  private suggestions: Suggestion[] = [];
  private advised = false;
  private readonly s = pageStrings();

  constructor(element: HTMLElement, params: PlaygroundParams) {
    this.element = element;
    this.params = params;
    this.config = readConfig(params);
    this.notices = readNotices(params);
    this.view = new PlaygroundView(element);
    this.stats = { frames: 0, workMs: [], trainMs: [], stepsPerFrame: [], drawMs: this.view.drawMs };
    this.plane = new PlaneInput(element, {
      isCustom: () => this.config.dataset === "custom",
      plot: () => this.view.decisionPlot,
      add: (point, t) => this.addPoint(point, t),
      moved: (announcement) => {
        this.view.markDirty("plane");
        if (announcement) this.announce(announcement);
      },
    });
    document.addEventListener("themechange", () => {
      this.view.readPalette();
      this.view.markDirty();
    });
    element.querySelector("[data-parameters]")!.closest("details")!.addEventListener("toggle", () => this.view.markDirty("parameters"));
    let width = element.clientWidth;
    new ResizeObserver(() => {
      if (element.clientWidth === width) return; // heights change on every redraw; only a new width needs one
      width = element.clientWidth;
      this.view.markDirty();
    }).observe(element);
    this.rebuild(readyAnnouncement(this.s));
    requestAnimationFrame((time) => this.tick(time));
  }

  /** A button: play, step, reset, or the custom points' undo and clear. */
  act(action: string | undefined): void {
    if (action === "play") this.togglePlay();
    else if (action === "step") this.stepOnce();
    else if (action === "reset") this.reset();
    else if (action === "undo-point") this.change({ points: this.config.points.slice(0, -1) }, this.s.pgRemovedLast);
    else if (action === "clear-points") this.change({ points: [] }, this.s.pgRemovedAll);
    else if (action?.startsWith("advice-")) this.takeAdvice(Number(action.slice("advice-".length)));
  }

  /** A control's new value `raw` (read when it changed), parsed as a link's would be; a refused value is explained and undone. */
  commit(input: HTMLInputElement | HTMLSelectElement, raw: string): void {
    const layer = input.dataset.layer === undefined ? undefined : Number(input.dataset.layer);
    const name = layer === undefined ? input.dataset.control : "units";
    if (!name) return;
    const specs = Object.fromEntries(PLAYGROUND_ROLES.map((role) => [role, this.params.spec(role)])) as Parameters<typeof readControl>[3];
    const reading = readControl(name, raw, this.config, specs, layer, this.s);
    if (!reading) return;
    if ("refusal" in reading) {
      markRefused(input, reading.restore);
      this.notices = [reading.refusal];
      this.showNotices();
      return;
    }
    input.removeAttribute("aria-invalid");
    if (reading.notice) {
      this.notices = [reading.notice];
      this.showNotices();
    }
    this.change(reading.patch);
  }

  /** A fresh run from the configuration and seed. */
  private rebuild(announcement: string): void {
    this.session = createSession(this.config, DECISION_RESOLUTION);
    this.showAdvice(false);
    this.view.prepare(this.session);
    this.showConfig();
    this.showNotices();
    this.announce(`${announcement}${announcement ? this.s.labSentenceGap : ""}${describeStatus(this.session, this.s)}`.trim());
  }

  /** Applies a change from a control, a page param or a click, writes the address, and rebuilds when needed. */
  change(patch: Partial<PlaygroundConfig>, announcement?: string): void {
    const stored = writeSettings(patch, this.params);
    const keys = (Object.keys(stored) as (keyof PlaygroundConfig)[]).filter((key) => formatValue(key, { ...this.config, ...stored }) !== formatValue(key, this.config));
    if (keys.length === 0) return;
    Object.assign(this.config, stored);
    if (keys.every((key) => LIVE_KEYS.has(key))) {
      this.session.config = this.config;
      this.session.optimizer.learningRate = this.config.learningRate;
      this.session.optimizer.momentum = this.config.momentum;
      this.session.optimizer.weightDecay = this.config.weightDecay;
      this.showConfig();
      this.view.markDirty("losses");
      this.announce(announcement ?? this.s.pgChangedLive({ keys: keys.map((key) => this.s.pgKeyName({ key })).join(this.s.dlListComma) }));
      return;
    }
    if (keys.length === 1 && keys[0] === "points" && this.config.dataset === "custom") {
      replaceTrainingData(this.session, this.config.points);
      this.view.markDirty();
      this.announce(announcement ?? this.s.pgPointCount({ points: this.config.points.length }));
      return;
    }
    // A new shape while playing keeps playing, on the new network.
    const wasPlaying = this.playing;
    this.pause(false);
    const changed = { keys: keys.map((key) => this.s.pgKeyName({ key })).join(this.s.dlListComma), seed: this.config.seed };
    this.rebuild(announcement ?? (wasPlaying ? this.s.pgRebuiltPlaying(changed) : this.s.pgRebuilt(changed)));
    if (wasPlaying) this.play(false);
  }

  /** Shows (or hides) the advice for a flat or rising loss, with one button per suggested change. */
  private showAdvice(show: boolean): void {
    const box = this.element.querySelector<HTMLElement>("[data-advice]");
    if (!box) return;
    this.advised = show;
    this.suggestions = show ? suggestChanges(this.config, this.s, isLossRising(this.session)) : [];
    const buttons = this.suggestions.map((suggestion) =>
      Object.assign(document.createElement("button"), { type: "button", textContent: suggestion.label }),
    );
    for (const [index, button] of buttons.entries()) button.dataset.action = `advice-${index}`;
    const list = document.createElement("p");
    list.className = "pg-advice-actions";
    list.append(...buttons);
    box.replaceChildren(...(show ? [Object.assign(document.createElement("p"), { textContent: describePlateau(this.session, this.s) }), list] : []));
    box.hidden = !show;
  }

  private takeAdvice(index: number): void {
    const suggestion = this.suggestions[index];
    if (!suggestion) return;
    this.change(suggestion.patch, `${suggestion.label}.`);
    this.showAdvice(false);
  }

  /** Puts the configuration into every control, the model sentence and the formulas. */
  private showConfig(): void {
    showControls(this.element, this.config);
    this.element.querySelector("[data-model]")!.textContent = describeModel(this.config, this.session.batchSize, this.session.train.count, this.s);
    showFormulas(this.element, this.config);
  }

  private showNotices(): void {
    const box = this.element.querySelector<HTMLElement>("[data-notice]")!;
    const lines = [...this.notices];
    if (this.session?.divergence) lines.push(describeDivergence(this.session, this.s));
    box.replaceChildren(...lines.map((line) => Object.assign(document.createElement("p"), { textContent: line })));
    box.hidden = lines.length === 0;
    box.classList.toggle("pg-diverged", Boolean(this.session?.divergence));
  }

  private addPoint(point: PlanePoint, t: 0 | 1): void {
    if (this.config.points.length >= LIMITS.points) {
      this.announce(this.s.pgTooManyPoints({ max: LIMITS.points }));
      return;
    }
    const added = { x1: roundCoordinate(point.x1), x2: roundCoordinate(point.x2), t };
    this.change({ points: [...this.config.points, added] }, this.s.pgAddedPoint({ t, x1: added.x1, x2: added.x2, points: this.config.points.length + 1 }));
  }

  private togglePlay(): void {
    if (this.playing) this.pause(true);
    else this.play();
  }

  private play(announce = true): void {
    if (this.session.divergence) {
      this.announce(this.s.pgDivergedPlay);
      return;
    }
    if (!this.session.trainer) {
      this.announce(this.s.pgNoPointsPlay);
      return;
    }
    this.playing = true;
    this.updatePlayButton();
    if (announce) this.announce(this.s.pgTrainingStatus({ status: describeStatus(this.session, this.s) }));
  }

  private pause(announce: boolean): void {
    if (!this.playing) return;
    this.playing = false;
    this.updatePlayButton();
    this.view.markDirty();
    if (announce) this.announce(this.s.pgPaused({ status: describeStatus(this.session, this.s) }));
  }

  private updatePlayButton(): void {
    const button = this.element.querySelector<HTMLButtonElement>('[data-action="play"]')!;
    button.textContent = this.playing ? this.s.trainPause : this.s.trainPlay;
    button.setAttribute("aria-pressed", String(this.playing));
  }

  private stepOnce(): void {
    this.pause(false);
    if (!stepSession(this.session)) this.afterDivergence();
    this.view.markDirty();
    this.announce(describeStatus(this.session, this.s));
  }

  private reset(): void {
    this.pause(false);
    this.notices = [];
    this.rebuild(this.s.pgResetSeed({ seed: this.config.seed }));
  }

  private afterDivergence(): void {
    if (!this.session.divergence) return;
    this.pause(false);
    this.showNotices();
    this.announce(describeDivergence(this.session, this.s));
  }

  private announce(text: string): void {
    this.element.querySelector("[data-status]")!.textContent = text;
    this.lastStatus = performance.now();
  }

  private tick(time: number): void {
    if (!this.element.isConnected) return; // the element left the page: the loop ends
    requestAnimationFrame((next) => this.tick(next));
    const start = performance.now();
    if (this.playing) {
      const taken = runSession(this.session, this.config.speed, () => performance.now() - start > TRAIN_BUDGET_MS);
      pushRecent(this.stats.trainMs, performance.now() - start);
      pushRecent(this.stats.stepsPerFrame, taken);
      if (this.session.divergence) this.afterDivergence();
      this.view.markDirty(...TRAINED_FIGURES);
      if (time - this.lastStatus > STATUS_INTERVAL_MS) {
        this.announce(describeStatus(this.session, this.s));
        if (!this.advised && needsAdvice(this.session)) this.showAdvice(true);
      }
    }
    this.view.drawNext(this.session, this.playing, this.plane.shownCursor());
    this.stats.frames++;
    pushRecent(this.stats.workMs, performance.now() - start);
  }
}
