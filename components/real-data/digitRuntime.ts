/**
 * The live half of <rd-digits>, loaded on the reader's first touch. The digits (1.6 MB) load on the
 * first use: Play, Step, Reset, a stroke on the pad or an arrow key on it. Training runs on the page's
 * own thread in slices of a few milliseconds per animation frame (the network is small, a unit of work
 * is under 2 ms, and the pad must read the very weights being trained, without copying them to a worker).
 */
import type { WidgetContext, WidgetController } from "../kit/lazyWidget";
import { formatNumber } from "../kit/formatNumber";
import { fetchDigits } from "../../src/data/fetchDigits";
import { prepareDigitData, type DigitData } from "./digitData";
import { plotCurve, type CurveKind } from "./digitCurves";
import { paintWeightGrid } from "./digitImages";
import { clearProbabilities, fillConfusion, fillProbabilities, fillWrongDigits, formatPercent } from "./digitPanels";
import { createPadView, type PadView } from "./digitPadView";
import { classifyDigit, findConfidentlyWrong, readTestDigit } from "./digitReport";
import { countExamples, startDigitRun, stepOnce, trainFor, trainUntil, type DigitRun } from "./digitRun";
import { checkDigitSettings, describeDigitModel, type DigitActivation, type DigitSettings } from "./digitSettings";

type Role = "hiddenUnits" | "activation" | "learningRate" | "batchSize";
/** The panels the loop redraws, one per frame. */
type Panel = CurveKind | "tables" | "weights" | "reading";

const TRAIN_BUDGET_MS = 8; // per frame: leaves half of a 16.7 ms frame to the browser
const DRAW_INTERVAL_MS = 100; // one panel redraws at most ten times a second; training fills the other frames
const REFRESH_MS = 400; // weights and the pad's probabilities follow the training this often between points
const WRONG_SHOWN = 8;

/** Takes over <rd-digits>: Play, Step, Reset, the pad and the bound params. */
export function start(element: HTMLElement, { params }: WidgetContext<Role>): WidgetController<Role> {
  const find = <T extends HTMLElement>(selector: string) => element.querySelector<T>(selector)!;
  const status = find("[data-status]");
  const progress = find<HTMLProgressElement>("[data-progress]");
  const playButton = find<HTMLButtonElement>("[data-action=play]");
  const padHost = find("[data-pad]");
  const probabilities = find("[data-probabilities]");
  const reading = find("[data-reading]");
  const weights = find<HTMLImageElement>("[data-weights]");
  const weightCanvas = document.createElement("canvas");

  let data: DigitData | null = null;
  let loading: Promise<DigitData | null> | null = null;
  let run: DigitRun | null = null;
  let playing = false;
  let frame = 0;
  let lastDraw = 0;
  let lastRefresh = 0;
  let drawnPoints = 0;
  const pending = new Set<Panel>();
  let pad: PadView | null = null;
  let padDigit: number | null = null; // the test digit on the pad, or null for the reader's drawing
  let readingFrame = 0;
  let chain: Promise<unknown> = Promise.resolve();

  const settings = (): DigitSettings => ({
    hiddenUnits: params.number("hiddenUnits"),
    activation: params.value("activation") as DigitActivation,
    learningRate: params.number("learningRate"),
    batchSize: params.number("batchSize"),
    seed: Number(element.dataset.seed),
  });

  function say(text: string, problem = false): void {
    status.textContent = text;
    status.toggleAttribute("data-diverged", problem);
  }

  /** Runs `task` after the reader's earlier actions have finished, so a Play pressed while the digits load acts once they are in. */
  function serial(task: () => unknown): void {
    chain = chain.then(task).catch((error: unknown) => say(`Something went wrong: ${(error as Error).message}`, true));
  }

  function loadData(): Promise<DigitData | null> {
    if (data) return Promise.resolve(data);
    loading ??= (async () => {
      progress.hidden = false;
      progress.removeAttribute("value");
      say("Loading the 10,000 digits (1.6 MB)…");
      try {
        const set = await fetchDigits({
          onProgress: ({ loaded, total }) => {
            if (total) progress.value = loaded / total;
            say(`Loading the digits: ${(loaded / 1e6).toFixed(1)} of ${total ? (total / 1e6).toFixed(1) : "about 1.6"} MB…`);
          },
        });
        data = prepareDigitData(set);
        return data;
      } catch (error) {
        say(`${(error as Error).message} Press Play or touch the pad to try again.`, true);
        return null;
      } finally {
        progress.hidden = true;
        loading = null;
      }
    })();
    return loading;
  }

  /** A fresh run with the current settings (measured at step 0), or null with the reason in the status. */
  function newRun(digits: DigitData): DigitRun | null {
    const chosen = settings();
    find("[data-model]").textContent = describeDigitModel(chosen);
    const problem = checkDigitSettings(chosen);
    if (problem) {
      say(problem, true);
      return null;
    }
    const fresh = startDigitRun(chosen, digits);
    trainUntil(fresh, 0);
    return fresh;
  }

  async function ensureRun(): Promise<DigitRun | null> {
    const digits = await loadData();
    if (!digits) return null;
    if (!run) {
      run = newRun(digits);
      if (run) {
        drawAll();
        say(`A fresh network from seed ${run.settings.seed}, untrained: it reads ${formatPercent(run.report!.accuracy)} of the test digits correctly. Press Play to train it.`);
      }
    }
    return run;
  }

  function describeProgress(current: DigitRun): string {
    const last = current.history.at(-1);
    const examples = countExamples(current);
    const where = `Epoch ${formatNumber(examples / current.data.train.count)} (${examples} digits seen, step ${current.trainer.steps})`;
    return last ? `${where}: test accuracy ${formatPercent(last.testAccuracy)}, test loss ${formatNumber(last.testLoss)}.` : `${where}.`;
  }

  function drawPanel(panel: Panel): void {
    if (!run) return;
    if (panel === "loss" || panel === "accuracy") {
      find(`[data-curve=${panel}]`).replaceChildren(plotCurve(run.history, panel));
    } else if (panel === "tables" && run.report) {
      fillConfusion(find<HTMLTableElement>("[data-confusion]"), run.report.confusion);
      fillWrongDigits(find("[data-wrong]"), findConfidentlyWrong(run.report, run.data.set.test.labels, WRONG_SHOWN), run.data.set.test);
    } else if (panel === "weights") {
      paintWeightGrid(weightCanvas, run.trainer.network.layers[0].weights, run.settings.hiddenUnits);
      weights.width = weightCanvas.width;
      weights.height = weightCanvas.height;
      weights.alt = `The incoming weights of the ${run.settings.hiddenUnits} hidden units, one 28 × 28 image each`;
      weights.src = weightCanvas.toDataURL();
    } else if (panel === "reading") {
      readPad();
    }
  }

  function drawAll(): void {
    for (const panel of ["loss", "accuracy", "tables", "weights", "reading"] as const) drawPanel(panel);
    pending.clear();
    if (run) {
      drawnPoints = run.history.length;
      element.dataset.points = String(run.history.length);
      element.dataset.steps = String(run.trainer.steps);
    }
  }

  function tick(): void {
    if (!playing || !run) return;
    const now = performance.now();
    if (pending.size > 0 && now - lastDraw >= DRAW_INTERVAL_MS) {
      // A frame either trains or draws one panel, never both, so no frame carries both costs.
      const [panel] = pending;
      pending.delete(panel);
      const started = performance.now();
      drawPanel(panel);
      lastDraw = performance.now();
      element.dataset.drawMs = (lastDraw - started).toFixed(1);
      say(describeProgress(run));
    } else {
      trainFor(run, TRAIN_BUDGET_MS);
      if (run.history.length > drawnPoints) {
        drawnPoints = run.history.length;
        for (const panel of ["reading", "loss", "accuracy", "tables", "weights"] as const) pending.add(panel);
      } else if (now - lastRefresh >= REFRESH_MS) {
        lastRefresh = now;
        pending.add("reading");
        pending.add("weights");
      }
      element.dataset.points = String(run.history.length);
      element.dataset.steps = String(run.trainer.steps);
    }
    if (run.divergedBecause) {
      pause();
      drawAll();
      say(`Stopped: ${run.divergedBecause}`, true);
      return;
    }
    frame = requestAnimationFrame(tick);
  }

  function play(): void {
    if (playing || !run || run.divergedBecause) return;
    playing = true;
    playButton.textContent = "Pause";
    playButton.setAttribute("aria-pressed", "true");
    frame = requestAnimationFrame(tick);
  }

  function pause(): void {
    playing = false;
    playButton.textContent = "Play";
    playButton.setAttribute("aria-pressed", "false");
    cancelAnimationFrame(frame);
  }

  async function reset(reason: string): Promise<void> {
    pause();
    const digits = await loadData();
    if (!digits) return;
    run = newRun(digits);
    if (!run) return;
    drawAll();
    say(`${reason}: a fresh network from seed ${run.settings.seed}, test accuracy ${formatPercent(run.report!.accuracy)}. Press Play to train it.`);
  }

  /** Reads the pad (drawing or test digit) with the current network, at most once a frame. */
  function readPad(): void {
    if (!pad || !run) return;
    const input = padDigit === null ? pad.readInput() : readTestDigit(run.data, padDigit);
    if (!input) {
      clearProbabilities(probabilities);
      reading.textContent = "The pad is blank: draw a digit.";
      return;
    }
    const p = classifyDigit(run, input);
    fillProbabilities(probabilities, p);
    const read = p.indexOf(Math.max(...p));
    const what = padDigit === null ? "Your drawing" : `Test digit ${padDigit}, a ${run.data.set.test.labels[padDigit]}`;
    const untrained = run.trainer.steps === 0 ? " by the untrained network: press Play to train it" : "";
    reading.textContent = `${what}: read as ${read} (${formatPercent(p[read])})${untrained}.`;
  }

  function scheduleReading(): void {
    if (readingFrame) return;
    readingFrame = requestAnimationFrame(() => {
      readingFrame = 0;
      readPad();
    });
  }

  function showTestDigit(index: number): void {
    if (!run) return;
    const count = run.data.test.count;
    padDigit = ((index % count) + count) % count;
    pad ??= createPadView(padHost);
    pad.showDigit(readTestDigit(run.data, padDigit));
    readPad();
  }

  /** Before any run: states the settings the next run will use, or why they cannot be trained. */
  function noteSettings(reason: string): void {
    const chosen = settings();
    find("[data-model]").textContent = describeDigitModel(chosen);
    const problem = checkDigitSettings(chosen);
    if (problem) say(problem, true);
    else say(`${reason}: the figures below are the saved run's; press Play to train a network with these settings.`);
  }

  // A link may set other params than the page's defaults, which the saved run used.
  if (params.roles.some((role) => params.value(role) !== params.spec(role).value)) noteSettings("The address sets other settings");

  return {
    action(name) {
      if (name === "play") {
        if (playing) {
          pause();
          drawAll(); // the panels the loop had not redrawn yet
          if (run) say(describeProgress(run));
        } else serial(async () => ((await ensureRun()) ? play() : undefined));
      } else if (name === "step") {
        pause();
        serial(async () => {
          const current = await ensureRun();
          if (!current || current.divergedBecause) return;
          stepOnce(current);
          drawAll();
          say(current.divergedBecause ? `Stopped: ${current.divergedBecause}` : describeProgress(current), Boolean(current.divergedBecause));
        });
      } else if (name === "reset") {
        serial(() => reset("Reset"));
      } else if (name === "clear") {
        pad ??= createPadView(padHost);
        pad.clear();
        padDigit = null;
        clearProbabilities(probabilities);
        reading.textContent = "The pad is blank: draw a digit.";
      }
    },
    pick(clientX, clientY, figure) {
      if (figure !== padHost) return;
      pad ??= createPadView(padHost);
      if (!pad.drawing && padDigit !== null) {
        pad.clear(); // a stroke over a test digit starts a new drawing
        padDigit = null;
      }
      pad.strokeTo(clientX, clientY);
      if (run) scheduleReading();
      else if (!loading) {
        reading.textContent = "Loading the digits and a network to read your drawing…";
        serial(async () => ((await ensureRun()) ? scheduleReading() : undefined));
      }
    },
    release(figure) {
      if (figure !== padHost) return;
      pad?.endStroke();
      scheduleReading();
    },
    press(key) {
      serial(async () => {
        if (!(await ensureRun())) return;
        const step = key === "ArrowRight" || key === "ArrowDown" ? 1 : key === "ArrowLeft" || key === "ArrowUp" ? -1 : 0;
        showTestDigit(key === "Home" || padDigit === null ? 0 : padDigit + step);
      });
    },
    paramsChanged() {
      if (run || data) serial(() => reset("Settings changed"));
      else noteSettings("Settings changed");
    },
  };
}
