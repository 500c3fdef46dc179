/**
 * <training-playground>: takes over the saved view in the browser. It reads the configuration from
 * the URL, trains in time-boxed slices per animation frame, and redraws one figure per frame so a
 * frame's work stays near 8 ms. All numbers come from the engine through session.ts.
 */
import katex from "katex";
import { findParamSpec, setParam, watchParams } from "../../src/notebook/client/paramStore";
import {
  LIMITS, QUERY_KEYS, copyConfig, formatConfig, formatValue, parseConfig, roundCoordinate,
  type PlaygroundConfig,
} from "./config";
import { layOutNetwork, toSubscript, toSuperscript } from "./diagram";
import { LIGHT_PALETTE, buildRamp, plotGradients, plotHeatmap, plotPlane, plotLosses, plotNetwork, type Palette, type PointRow } from "./figures";
import { describeModel, writeLossTex, writeModelTex, writeShapesTex, writeUpdateTex } from "./formula";
import {
  createGridInputs, createSession, createUnitMaps, describeDivergence, describeStatus, evaluateDecision, evaluateHiddenUnits,
  formatNumber, replaceTrainingData, runSession, stepSession, type Session,
} from "./session";

/** Training may use this much of a frame; one figure's redraw takes the rest. */
const TRAIN_BUDGET_MS = 5;
const DECISION_RESOLUTION = 48;
const UNIT_RESOLUTION = 24;
/** The status line (a live region) changes at most this often while playing, so screen readers are not flooded. */
const STATUS_INTERVAL_MS = 500;
/** Settings that change in place; any other change rebuilds the run from the seed. */
const LIVE_KEYS = new Set<keyof PlaygroundConfig>(["learningRate", "momentum", "weightDecay", "speed"]);
/** Keyboard cursor steps in input units (Shift moves five times further). */
const CURSOR_STEP = 0.05;

type Figure = "plane" | "heatmap" | "units" | "network" | "losses" | "gradients" | "parameters";
const FIGURE_ORDER: Figure[] = ["plane", "heatmap", "units", "network", "losses", "gradients", "parameters"];
/** While playing, a figure is redrawn at most this often (ms): each redraw costs a few ms, training continues every frame. */
const REDRAW_INTERVAL_MS: Record<Figure, number> = { plane: 0, heatmap: 100, units: 100, network: 150, losses: 200, gradients: 200, parameters: 500 };

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

class PlaygroundElement extends HTMLElement {
  config: PlaygroundConfig = copyConfig();
  session!: Session;
  playing = false;
  stats: PlaygroundStats = { frames: 0, workMs: [], trainMs: [], stepsPerFrame: [], drawMs: {} };
  private frame = 0;
  private dirty = new Set<Figure>(FIGURE_ORDER);
  private nextFigure = 0;
  private drawnAt: Partial<Record<Figure, number>> = {};
  private lastStatus = 0;
  private palette: Palette = LIGHT_PALETTE;
  private ramp = buildRamp(LIGHT_PALETTE);
  private decisionValues = new Float32Array(DECISION_RESOLUTION * DECISION_RESOLUTION);
  private gridInputs: Float64Array = new Float64Array(0);
  private unitMaps: Float32Array[][] = [];
  private decisionPlot: (SVGSVGElement | HTMLElement) & { scale?: (name: string) => { invert?: (value: number) => number } | undefined } | null = null;
  private cursor = { x1: 0, x2: 0 };
  private cursorShown = false;
  private notices: string[] = [];

  connectedCallback(): void {
    if (this.dataset.live !== undefined) return;
    this.dataset.live = "";
    const parsed = parseConfig(location.search);
    this.config = parsed.config;
    this.notices = parsed.notices;
    this.querySelectorAll<HTMLElement>("[data-live-only]").forEach((element) => (element.hidden = false));
    this.querySelectorAll<HTMLFieldSetElement>("[data-live-enable]").forEach((fieldset) => (fieldset.disabled = false));
    this.bindControls();
    this.bindPlane();
    this.readPalette();
    document.addEventListener("themechange", () => {
      this.readPalette();
      this.markAllDirty();
    });
    watchParams((name, values) => this.applyPageParam(name, values[name]));
    this.querySelector("[data-parameters]")!.closest("details")!.addEventListener("toggle", () => this.dirty.add("parameters"));
    this.rebuild("Ready: press Play to train, or Step for one update.");
    let width = this.clientWidth;
    new ResizeObserver(() => {
      if (this.clientWidth === width) return; // heights change on every redraw; only a new width needs one
      width = this.clientWidth;
      this.markAllDirty();
    }).observe(this);
    this.frame = requestAnimationFrame((time) => this.tick(time));
  }

  disconnectedCallback(): void {
    cancelAnimationFrame(this.frame);
  }

  // ---------- state ----------

  /** A fresh run from the configuration and seed. */
  private rebuild(announcement: string): void {
    this.session = createSession(this.config, DECISION_RESOLUTION);
    this.gridInputs = createGridInputs({ ...this.session.box, resolution: UNIT_RESOLUTION });
    this.unitMaps = createUnitMaps(this.config.hidden, UNIT_RESOLUTION);
    this.buildUnitCanvases();
    this.showConfig();
    this.showNotices();
    this.markAllDirty();
    this.announce(`${announcement} ${describeStatus(this.session)}`.trim());
  }

  private markAllDirty(): void {
    for (const figure of FIGURE_ORDER) this.dirty.add(figure);
  }

  /** Applies a change from a control, a page param or a click, writes the URL, and rebuilds when needed. */
  private change(patch: Partial<PlaygroundConfig>, announcement?: string): void {
    const keys = (Object.keys(patch) as (keyof PlaygroundConfig)[]).filter((key) => formatValue(key, { ...this.config, ...patch }) !== formatValue(key, this.config));
    if (keys.length === 0) return;
    Object.assign(this.config, patch);
    this.writeUrl(keys);
    if (keys.every((key) => LIVE_KEYS.has(key))) {
      this.session.config = this.config;
      this.session.optimizer.learningRate = this.config.learningRate;
      this.session.optimizer.momentum = this.config.momentum;
      this.session.optimizer.weightDecay = this.config.weightDecay;
      this.showConfig();
      this.dirty.add("losses");
      this.announce(announcement ?? `Changed ${keys.map(describeKey).join(", ")}; training continues from the current weights.`);
      return;
    }
    if (keys.length === 1 && keys[0] === "points" && this.config.dataset === "custom") {
      replaceTrainingData(this.session, this.config.points);
      this.markAllDirty();
      this.announce(announcement ?? `${this.config.points.length} points.`);
      return;
    }
    this.pause(false);
    this.rebuild(announcement ?? `Changed ${keys.map(describeKey).join(", ")}; the network was rebuilt from seed ${this.config.seed}.`);
  }

  private writeUrl(keys: (keyof PlaygroundConfig)[]): void {
    history.replaceState(history.state, "", location.pathname + formatConfig(location.search, this.config) + location.hash);
    for (const key of keys) {
      const name = QUERY_KEYS[key];
      if (!findParamSpec(name)) continue;
      const value = this.config[key];
      if (typeof value === "number" || typeof value === "string") setParam(name, value);
    }
  }

  /** A <Param> in the prose with one of our query names changed: read it as if from a link. */
  private applyPageParam(name: string, value: unknown): void {
    const key = (Object.keys(QUERY_KEYS) as (keyof PlaygroundConfig)[]).find((candidate) => QUERY_KEYS[candidate] === name);
    if (!key || value === undefined) return;
    const parsed = parseConfig(`?${name}=${encodeURIComponent(String(value))}`, this.config);
    if (parsed.notices.length === 0) this.change({ [key]: parsed.config[key] } as Partial<PlaygroundConfig>);
  }

  // ---------- controls ----------

  private control<T extends HTMLElement = HTMLInputElement>(name: string): T {
    return this.querySelector<T>(`[data-control="${name}"]`)!;
  }

  private bindControls(): void {
    for (const key of ["dataset", "activation", "loss", "optimizer"] as const) {
      const select = this.control<HTMLSelectElement>(key);
      select.addEventListener("change", () => this.commitControl(key, select.value, select));
    }
    for (const key of ["learningRate", "momentum", "batchSize", "weightDecay", "seed", "speed"] as const) {
      const input = this.control(key);
      input.addEventListener("change", () => this.commitControl(key, input.value, input));
    }
    const layers = this.control("layers");
    layers.addEventListener("change", () => {
      const count = Number(layers.value);
      if (!Number.isInteger(count) || count < 0 || count > LIMITS.hiddenLayers) {
        this.reject(layers, `The number of hidden layers must be a whole number from 0 to ${LIMITS.hiddenLayers}.`, String(this.config.hidden.length));
        return;
      }
      const hidden = Array.from({ length: count }, (_, i) => this.config.hidden[i] ?? this.config.hidden[this.config.hidden.length - 1] ?? 4);
      this.change({ hidden });
    });
    this.control<HTMLElement>("units").addEventListener("change", (event) => {
      const input = event.target as HTMLInputElement;
      const index = Number(input.dataset.layer);
      const units = Number(input.value);
      if (!Number.isInteger(units) || units < 1 || units > LIMITS.unitsPerLayer) {
        this.reject(input, `A hidden layer has 1 to ${LIMITS.unitsPerLayer} units.`, String(this.config.hidden[index]));
        return;
      }
      const hidden = [...this.config.hidden];
      hidden[index] = units;
      this.change({ hidden });
    });
    this.addEventListener("click", (event) => {
      const action = (event.target as HTMLElement).closest<HTMLElement>("[data-action]")?.dataset.action;
      if (action === "play") this.togglePlay();
      else if (action === "step") this.stepOnce();
      else if (action === "reset") this.reset();
      else if (action === "undo-point") this.change({ points: this.config.points.slice(0, -1) }, "Removed the last point.");
      else if (action === "clear-points") this.change({ points: [] }, "Removed every point.");
    });
  }

  /** Parses a typed or chosen value exactly as a link would be parsed; a refused value is explained and undone. */
  private commitControl(key: keyof PlaygroundConfig, raw: string, element: HTMLInputElement | HTMLSelectElement): void {
    const parsed = parseConfig(`?${QUERY_KEYS[key]}=${encodeURIComponent(raw)}`, this.config);
    if (parsed.notices.length > 0) {
      this.reject(element, parsed.notices[0].replace(/^The link set/, "You set"), formatValue(key, this.config));
      return;
    }
    element.removeAttribute("aria-invalid");
    this.change({ [key]: parsed.config[key] } as Partial<PlaygroundConfig>);
  }

  private reject(element: HTMLInputElement | HTMLSelectElement, message: string, restore: string): void {
    element.setAttribute("aria-invalid", "true");
    element.value = restore;
    this.notices = [message];
    this.showNotices();
  }

  /** Puts the configuration into every control, the model sentence and the formulas. */
  private showConfig(): void {
    const config = this.config;
    for (const key of ["dataset", "activation", "loss", "optimizer", "learningRate", "momentum", "batchSize", "weightDecay", "seed", "speed"] as const) {
      const element = this.control<HTMLInputElement | HTMLSelectElement>(key);
      if (document.activeElement !== element || element.value !== String(config[key])) element.value = String(config[key]);
    }
    this.control("layers").value = String(config.hidden.length);
    const units = this.control<HTMLElement>("units");
    if (units.querySelectorAll("input").length !== config.hidden.length) {
      units.replaceChildren(
        ...config.hidden.map((_, i) => {
          const label = document.createElement("label");
          label.className = "pg-unit-count";
          const text = document.createElement("span");
          text.textContent = `layer ${i + 1}`;
          const input = document.createElement("input");
          Object.assign(input, { type: "number", min: "1", max: String(LIMITS.unitsPerLayer), step: "1" });
          input.dataset.layer = String(i);
          label.append(text, input);
          return label;
        }),
      );
    }
    units.querySelectorAll("input").forEach((input, i) => (input.value = String(config.hidden[i])));
    // α only enters the momentum rules; the input is disabled (its value kept) for the others.
    this.control("momentum").disabled = config.optimizer !== "momentum" && config.optimizer !== "nesterov";
    const custom = config.dataset === "custom";
    this.querySelector<HTMLElement>("[data-custom-tools]")!.hidden = !custom;
    const plane = this.querySelector<HTMLElement>("[data-decision]")!;
    plane.tabIndex = custom ? 0 : -1;
    plane.classList.toggle("pg-clickable", custom);
    if (custom) {
      plane.setAttribute("role", "application");
      plane.setAttribute("aria-label", "Data plane: click to add a point; with the keyboard, move the cross with the arrow keys and press Enter to add a point (Shift+Enter for the other class)");
    } else {
      plane.removeAttribute("role");
      plane.removeAttribute("aria-label");
    }
    this.querySelector("[data-model]")!.textContent = describeModel(config, this.session.batchSize, this.session.train.count);
    const formulas: [string, string][] = [
      ["model", writeModelTex(config.hidden, config.activation)],
      ["shapes", writeShapesTex(config.hidden)],
      ["loss", writeLossTex(config)],
      ["update", writeUpdateTex(config)],
    ];
    for (const [name, tex] of formulas) katex.render(tex, this.querySelector<HTMLElement>(`[data-formula="${name}"]`)!, { displayMode: true, throwOnError: false });
  }

  private showNotices(): void {
    const box = this.querySelector<HTMLElement>("[data-notice]")!;
    const lines = [...this.notices];
    if (this.session?.divergence) lines.push(describeDivergence(this.session));
    box.replaceChildren(...lines.map((line) => Object.assign(document.createElement("p"), { textContent: line })));
    box.hidden = lines.length === 0;
    box.classList.toggle("pg-diverged", Boolean(this.session?.divergence));
  }

  // ---------- running ----------

  private togglePlay(): void {
    if (this.playing) this.pause(true);
    else this.play();
  }

  private play(): void {
    if (this.session.divergence) {
      this.announce("Training has diverged; change the settings named above and press Reset.");
      return;
    }
    if (!this.session.trainer) {
      this.announce("There are no training points yet: add some to the plot first.");
      return;
    }
    this.playing = true;
    this.updatePlayButton();
    this.announce(`Training… ${describeStatus(this.session)}`);
  }

  private pause(announce: boolean): void {
    if (!this.playing) return;
    this.playing = false;
    this.updatePlayButton();
    this.markAllDirty();
    if (announce) this.announce(`Paused at ${describeStatus(this.session)}`);
  }

  private updatePlayButton(): void {
    const button = this.querySelector<HTMLButtonElement>('[data-action="play"]')!;
    button.textContent = this.playing ? "Pause" : "Play";
    button.setAttribute("aria-pressed", String(this.playing));
  }

  private stepOnce(): void {
    this.pause(false);
    if (!stepSession(this.session)) this.afterDivergence();
    this.markAllDirty();
    this.announce(describeStatus(this.session));
  }

  private reset(): void {
    this.pause(false);
    this.notices = [];
    this.rebuild(`Reset with seed ${this.config.seed}:`);
  }

  private afterDivergence(): void {
    if (!this.session.divergence) return;
    this.pause(false);
    this.showNotices();
    this.announce(describeDivergence(this.session));
  }

  private announce(text: string): void {
    this.querySelector("[data-status]")!.textContent = text;
    this.lastStatus = performance.now();
  }

  private tick(time: number): void {
    this.frame = requestAnimationFrame((next) => this.tick(next));
    const start = performance.now();
    if (this.playing) {
      const taken = runSession(this.session, this.config.speed, () => performance.now() - start > TRAIN_BUDGET_MS);
      this.stats.trainMs.push(performance.now() - start);
      this.stats.stepsPerFrame.push(taken);
      if (this.stats.trainMs.length > 600) this.stats.trainMs.shift();
      if (this.stats.stepsPerFrame.length > 600) this.stats.stepsPerFrame.shift();
      if (this.session.divergence) this.afterDivergence();
      for (const figure of ["heatmap", "units", "network", "losses", "gradients", "parameters"] as const) this.dirty.add(figure);
      if (time - this.lastStatus > STATUS_INTERVAL_MS) this.announce(describeStatus(this.session));
    }
    this.drawNextFigure();
    const work = performance.now() - start;
    this.stats.frames++;
    this.stats.workMs.push(work);
    if (this.stats.workMs.length > 600) this.stats.workMs.shift();
  }

  /** Redraws the next figure that changed (and is due, while playing), in turn, so each frame draws at most one. */
  private drawNextFigure(): void {
    const now = performance.now();
    for (let tries = 0; tries < FIGURE_ORDER.length; tries++) {
      const figure = FIGURE_ORDER[this.nextFigure];
      this.nextFigure = (this.nextFigure + 1) % FIGURE_ORDER.length;
      if (!this.dirty.has(figure)) continue;
      if (this.playing && now - (this.drawnAt[figure] ?? -Infinity) < REDRAW_INTERVAL_MS[figure]) continue;
      this.dirty.delete(figure);
      this.drawnAt[figure] = now;
      const start = performance.now();
      if (figure === "plane") this.drawPlane();
      else if (figure === "heatmap") this.drawHeatmap();
      else if (figure === "units") this.drawUnits();
      else if (figure === "network") this.drawNetwork();
      else if (figure === "losses") this.drawLosses();
      else if (figure === "gradients") this.drawGradients();
      else this.drawParameters();
      this.stats.drawMs[figure] = performance.now() - start;
      return;
    }
  }

  // ---------- drawing ----------

  private readPalette(): void {
    const style = getComputedStyle(this);
    const read = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
    this.palette = { class0: read("--warm", LIGHT_PALETTE.class0), paper: read("--paper-raised", LIGHT_PALETTE.paper), class1: read("--accent", LIGHT_PALETTE.class1), ink: read("--ink", LIGHT_PALETTE.ink) };
    this.ramp = buildRamp(this.palette);
  }

  private figureWidth(selector: string, fallback: number): number {
    const width = this.querySelector<HTMLElement>(selector)!.clientWidth;
    return Math.max(200, Math.min(width || fallback, 640));
  }

  private rows(): { train: PointRow[]; test: PointRow[] } {
    const toRows = (dataset: Session["train"] | null): PointRow[] =>
      dataset ? Array.from({ length: dataset.count }, (_, i) => ({ x1: dataset.inputs[2 * i], x2: dataset.inputs[2 * i + 1], t: dataset.targets[i] })) : [];
    return { train: toRows(this.session.train), test: toRows(this.session.test) };
  }

  private drawPlane(): void {
    const { train, test } = this.rows();
    const plot = plotPlane({
      document, width: this.figureWidth("[data-decision]", 360), box: this.session.box, train, test,
      cursor: this.config.dataset === "custom" && this.cursorShown ? this.cursor : null,
    });
    this.decisionPlot = plot;
    this.querySelector("[data-decision-plot]")!.replaceChildren(plot);
  }

  private drawHeatmap(): void {
    const host = this.querySelector<HTMLElement>("[data-heatmap]")!;
    if (!this.session.trainer) {
      host.replaceChildren();
      return;
    }
    const values = evaluateDecision(this.session, this.decisionValues);
    const plot = plotHeatmap({ document, width: this.figureWidth("[data-decision]", 360), box: this.session.box, values, palette: this.palette });
    plot.setAttribute("aria-hidden", "true");
    host.replaceChildren(plot);
  }

  private buildUnitCanvases(): void {
    const host = this.querySelector<HTMLElement>("[data-units]")!;
    host.replaceChildren(
      ...this.config.hidden.map((units, l) => {
        const row = document.createElement("div");
        row.className = "pg-unit-row";
        const label = document.createElement("p");
        label.className = "pg-unit-label";
        label.textContent = `a${toSuperscript(l + 1)}`;
        row.append(label);
        for (let j = 0; j < units; j++) {
          const canvas = document.createElement("canvas");
          canvas.width = UNIT_RESOLUTION;
          canvas.height = UNIT_RESOLUTION;
          canvas.className = "pg-unit";
          canvas.setAttribute("role", "img");
          canvas.setAttribute("aria-label", `unit a${toSuperscript(l + 1)}${toSubscript(j + 1)} over the plane`);
          canvas.title = `a${toSuperscript(l + 1)}${toSubscript(j + 1)}`;
          row.append(canvas);
        }
        return row;
      }),
    );
    this.querySelector<HTMLElement>("[data-units-section]")!.hidden = this.config.hidden.length === 0;
  }

  /** Each hidden unit's activation over the plane, one canvas pixel per grid point, coloured like ŷ (blue high, orange low). */
  private drawUnits(): void {
    if (this.config.hidden.length === 0) return;
    evaluateHiddenUnits(this.session, this.gridInputs, this.unitMaps);
    const canvases = this.querySelectorAll<HTMLCanvasElement>("canvas.pg-unit");
    const activation = this.config.activation;
    let index = 0;
    for (const layer of this.unitMaps) {
      for (const map of layer) {
        const canvas = canvases[index++];
        const context = canvas?.getContext("2d");
        if (!context) continue;
        // sigmoid lives in (0, 1) around ½, tanh in (−1, 1); unbounded activations are scaled by their largest |a|.
        let low = -1;
        let high = 1;
        if (activation === "sigmoid") low = 0;
        else if (activation !== "tanh") {
          let largest = 1e-9;
          for (let p = 0; p < map.length; p++) largest = Math.max(largest, Math.abs(map[p]));
          low = -largest;
          high = largest;
        }
        const image = context.createImageData(UNIT_RESOLUTION, UNIT_RESOLUTION);
        for (let p = 0; p < map.length; p++) {
          const shade = Math.max(0, Math.min(255, Math.round(((map[p] - low) / (high - low)) * 255))) || 0;
          image.data.set(this.ramp.subarray(4 * shade, 4 * shade + 4), 4 * p);
        }
        context.putImageData(image, 0, 0);
      }
    }
  }

  private drawNetwork(): void {
    const { nodes, edges } = layOutNetwork(this.session.network);
    this.querySelector("[data-network]")!.replaceChildren(plotNetwork({ document, width: this.figureWidth("[data-network]", 360), nodes, edges }));
  }

  private drawLosses(): void {
    const width = this.figureWidth("[data-losses]", 320);
    this.querySelector("[data-losses]")!.replaceChildren(plotLosses({ document, width, losses: this.session.losses }));
  }

  private drawGradients(): void {
    const width = this.figureWidth("[data-gradients]", 320);
    this.querySelector("[data-gradients]")!.replaceChildren(plotGradients({ document, width, gradients: this.session.gradients, layers: this.session.network.layers.length }));
  }

  /** Every W^l and b^l as small tables, the output bias included. */
  private drawParameters(): void {
    const host = this.querySelector<HTMLElement>("[data-parameters]")!;
    if (!host.closest("details")?.open) return;
    host.replaceChildren(...this.session.network.layers.map((layer, index) => renderLayerTable(layer, index + 1)));
  }

  // ---------- adding points ----------

  private bindPlane(): void {
    const plane = this.querySelector<HTMLElement>("[data-decision]")!;
    plane.addEventListener("pointerdown", (event) => {
      if (this.config.dataset !== "custom" || event.button !== 0) return;
      const point = this.toData(event.clientX, event.clientY);
      if (!point) return;
      event.preventDefault();
      this.cursor = point;
      this.addPoint(point, event.shiftKey || event.altKey);
    });
    plane.addEventListener("keydown", (event) => {
      if (this.config.dataset !== "custom") return;
      const step = event.shiftKey ? 5 * CURSOR_STEP : CURSOR_STEP;
      const moves: Record<string, [number, number]> = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, step], ArrowDown: [0, -step] };
      const move = moves[event.key];
      if (move) {
        event.preventDefault();
        const limit = LIMITS.coordinate;
        this.cursor = {
          x1: roundCoordinate(Math.max(-limit, Math.min(limit, this.cursor.x1 + move[0]))),
          x2: roundCoordinate(Math.max(-limit, Math.min(limit, this.cursor.x2 + move[1]))),
        };
        this.cursorShown = true;
        this.dirty.add("plane");
        this.announce(`Cross at x₁ = ${this.cursor.x1}, x₂ = ${this.cursor.x2}.`);
      } else if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        this.cursorShown = true;
        this.addPoint(this.cursor, event.shiftKey);
      }
    });
    plane.addEventListener("focus", () => {
      if (this.config.dataset !== "custom") return;
      this.cursorShown = true;
      this.dirty.add("plane");
    });
  }

  private toData(clientX: number, clientY: number): { x1: number; x2: number } | null {
    const plot = this.decisionPlot;
    const svg = plot instanceof SVGSVGElement ? plot : plot?.querySelector("svg");
    const x = plot?.scale?.("x");
    const y = plot?.scale?.("y");
    if (!svg || !x?.invert || !y?.invert) return null;
    const rect = svg.getBoundingClientRect();
    const scale = Number(svg.getAttribute("width")) / rect.width;
    const x1 = x.invert((clientX - rect.left) * scale);
    const x2 = y.invert((clientY - rect.top) * scale);
    const limit = LIMITS.coordinate;
    if (!(Math.abs(x1) <= limit && Math.abs(x2) <= limit)) return null;
    return { x1: roundCoordinate(x1), x2: roundCoordinate(x2) };
  }

  private addPoint(point: { x1: number; x2: number }, otherClass: boolean): void {
    if (this.config.points.length >= LIMITS.points) {
      this.announce(`The plot holds at most ${LIMITS.points} points; remove some first.`);
      return;
    }
    const chosen = this.querySelector<HTMLInputElement>('[data-control="pointClass"]:checked')?.value === "0" ? 0 : 1;
    const t = (otherClass ? 1 - chosen : chosen) as 0 | 1;
    const added = { x1: roundCoordinate(point.x1), x2: roundCoordinate(point.x2), t };
    this.change({ points: [...this.config.points, added] }, `Added a class ${t} point at x₁ = ${added.x1}, x₂ = ${added.x2}; ${this.config.points.length + 1} points.`);
  }
}

function describeKey(key: keyof PlaygroundConfig): string {
  const names: Record<keyof PlaygroundConfig, string> = {
    dataset: "the data set", hidden: "the hidden layers", activation: "the activation", loss: "the loss", optimizer: "the optimizer",
    learningRate: "η", momentum: "α", batchSize: "the batch size", weightDecay: "λ", seed: "the seed", speed: "the speed", points: "the points",
  };
  return names[key];
}

/** One layer's W^l (rows j, columns k) and b^l as a table of numbers, negative ones marked. */
function renderLayerTable(layer: Session["network"]["layers"][number], l: number): HTMLElement {
  const wrap = document.createElement("div");
  wrap.className = "pg-table-wrap";
  const table = document.createElement("table");
  table.className = "pg-table";
  const caption = document.createElement("caption");
  caption.textContent = `W${toSuperscript(l)} (${layer.outputSize} × ${layer.inputSize}) and b${toSuperscript(l)}`;
  table.append(caption);
  const head = table.createTHead().insertRow();
  head.append(Object.assign(document.createElement("th"), { textContent: "j \\ k", scope: "col" }));
  for (let k = 0; k < layer.inputSize; k++) head.append(Object.assign(document.createElement("th"), { textContent: String(k + 1), scope: "col" }));
  head.append(Object.assign(document.createElement("th"), { textContent: `b${toSuperscript(l)}`, scope: "col" }));
  const body = table.createTBody();
  for (let j = 0; j < layer.outputSize; j++) {
    const row = body.insertRow();
    row.append(Object.assign(document.createElement("th"), { textContent: String(j + 1), scope: "row" }));
    const values = [...layer.weights.subarray(j * layer.inputSize, (j + 1) * layer.inputSize), layer.biases[j]];
    values.forEach((value, k) => {
      const cell = row.insertCell();
      cell.textContent = formatNumber(value);
      if (value < 0) cell.className = "pg-negative";
      if (k === values.length - 1) cell.classList.add("pg-bias");
    });
  }
  wrap.append(table);
  return wrap;
}

if (!customElements.get("training-playground")) customElements.define("training-playground", PlaygroundElement);
