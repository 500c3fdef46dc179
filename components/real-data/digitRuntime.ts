/**
 * The live half of <rd-digits>, loaded on the reader's first touch. Until the reader trains a network of
 * their own, the pad reads with the build's trained one (24 KB, loaded on the first stroke or arrow key on
 * the pad); the digits (1.6 MB) load on the first Play, Step or Reset, or arrow key (which shows test digits). Training runs on the page's
 * own thread in slices of a few milliseconds per animation frame (the network is small, a unit of work
 * is under 2 ms, and the pad must read the very weights being trained, without copying them to a worker).
 */
import type { WidgetContext, WidgetController } from "../kit/lazyWidget";
import { formatNumber } from "../kit/formatNumber";
import { createPlayLoop } from "../kit/playLoop";
import { pageStrings } from "../../src/i18n/strings";
import { loadPageDigits } from "../../src/data/pageDigits";
import { fetchDigitWeights } from "../../src/data/fetchDigitWeights";
import type { Network } from "../../src/engine/index";
import { prepareDigitData, type DigitData } from "./digitData";
import { fitCurveSize, plotCurve, type CurveKind } from "./digitCurves";
import { paintWeightGrid } from "./digitImages";
import { clearProbabilities, fillConfusion, fillProbabilities, fillWrongDigits, formatPercent } from "./digitPanels";
import { createPadView, type PadView } from "./digitPadView";
import { classifyDigit, findConfidentlyWrong, readTestDigit } from "./digitReport";
import { countExamples, startDigitRun, stepOnce, trainFor, trainUntil, type DigitRun } from "./digitRun";
import { checkDigitSettings, describeDigitModel, type DigitActivation, type DigitSettings } from "./digitSettings";
import { decodeDigitWeights, type TrainedDigitNetwork } from "./digitWeights";

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
  const s = pageStrings();
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
  let trained: TrainedDigitNetwork | null = null;
  let trainedLoading: Promise<TrainedDigitNetwork | null> | null = null;
  let trainedError: string | null = null; // after a failed download the pad falls back to a fresh network of the reader's
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
    chain = chain.then(task).catch((error: unknown) => say(s.rdWentWrong({ error: (error as Error).message }), true));
  }

  function loadData(): Promise<DigitData | null> {
    if (data) return Promise.resolve(data);
    loading ??= (async () => {
      progress.hidden = false;
      progress.removeAttribute("value");
      say(s.rdLoading);
      try {
        const set = await loadPageDigits(({ loaded, total }) => {
          if (total) progress.value = loaded / total;
          say(s.rdLoadingOf({ loaded: (loaded / 1e6).toFixed(1), total: total ? (total / 1e6).toFixed(1) : s.rdAbout16 }));
        });
        data = prepareDigitData(set);
        return data;
      } catch (error) {
        say(s.rdLoadFailed({ error: (error as Error).message }), true);
        return null;
      } finally {
        progress.hidden = true;
        loading = null;
      }
    })();
    return loading;
  }

  /** The build's trained network, downloaded once; null (with the reason in the status) when it cannot be had. */
  function loadTrained(): Promise<TrainedDigitNetwork | null> {
    if (trained) return Promise.resolve(trained);
    trainedLoading ??= (async () => {
      try {
        trained = decodeDigitWeights(await fetchDigitWeights());
        sayTrainedReads();
        return trained;
      } catch (error) {
        trainedError = (error as Error).message.replace(/\.$/, "");
        return null;
      } finally {
        trainedLoading = null;
      }
    })();
    return trainedLoading;
  }

  /** Until the reader has a run, the status says that the build's trained network reads the pad, and how well. */
  function sayTrainedReads(): void {
    if (!run && trained) say(s.rdTrainedReads({ accuracy: formatPercent(trained.correct / trained.testCount) }));
  }

  /** The network that reads the pad: the reader's run once there is one, else the build's trained one, else (that failed) a fresh run. */
  async function ensureReader(): Promise<boolean> {
    if (run) return true;
    if (trainedError === null && (await loadTrained())) return true;
    const fresh = await ensureRun();
    if (fresh && trainedError !== null) say(s.rdTrainedFailed({ error: trainedError }), true);
    return fresh !== null;
  }

  /** A fresh run with the current settings (measured at step 0), or null with the reason in the status. */
  function newRun(digits: DigitData): DigitRun | null {
    const chosen = settings();
    find("[data-model]").textContent = describeDigitModel(chosen, s);
    const problem = checkDigitSettings(chosen, s);
    if (problem) {
      say(problem, true);
      return null;
    }
    const fresh = startDigitRun(chosen, digits, s);
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
        say(s.rdFresh({ seed: run.settings.seed, accuracy: formatPercent(run.report!.accuracy) }));
      }
    }
    return run;
  }

  function describeProgress(current: DigitRun): string {
    const last = current.history.at(-1);
    const examples = countExamples(current);
    const where = s.rdWhere({ epoch: formatNumber(examples / current.data.train.count), examples, step: current.trainer.steps });
    const progress = last ? s.rdProgress({ where, accuracy: formatPercent(last.testAccuracy), loss: formatNumber(last.testLoss) }) : s.chkEndSentence({ text: where });
    return s.rdYoursReads({ progress });
  }

  function drawPanel(panel: Panel): void {
    if (!run) return;
    if (panel === "loss" || panel === "accuracy") {
      const host = find(`[data-curve=${panel}]`);
      host.replaceChildren(plotCurve(run.history, panel, undefined, s, fitCurveSize(host.clientWidth)));
    } else if (panel === "tables" && run.report) {
      fillConfusion(find<HTMLTableElement>("[data-confusion]"), run.report.confusion, s);
      fillWrongDigits(find("[data-wrong]"), findConfidentlyWrong(run.report, run.data.set.test.labels, WRONG_SHOWN), run.data.set.test, s);
    } else if (panel === "weights") {
      paintWeightGrid(weightCanvas, run.trainer.network.layers[0].weights, run.settings.hiddenUnits);
      weights.width = weightCanvas.width;
      weights.height = weightCanvas.height;
      weights.alt = s.rdWeightsAlt({ hidden: run.settings.hiddenUnits });
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

  /** One frame of play: trains or draws one panel; false once the run has blown up. */
  function trainOrDraw(): boolean {
    if (!run) return false;
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
      say(s.rdStopped({ why: run.divergedBecause }), true);
      return false;
    }
    return true;
  }

  const loop = createPlayLoop(playButton, { canPlay: () => run !== null && !run.divergedBecause, frame: trainOrDraw }, { play: s.trainPlay, pause: s.trainPause });
  const { play, pause } = loop;

  async function reset(reason: string): Promise<void> {
    pause();
    const digits = await loadData();
    if (!digits) return;
    run = newRun(digits);
    if (!run) return;
    drawAll();
    say(s.rdResetDone({ reason, seed: run.settings.seed, accuracy: formatPercent(run.report!.accuracy) }));
  }

  /** The network reading the pad and how its reading is worded, or null while there is none yet. */
  function findReader(): { network: Network; word: (reading: { what: string; read: number; confidence: string }) => string; who: string } | null {
    if (run) return { network: run.trainer.network, word: run.trainer.steps === 0 ? s.rdReadUntrained : s.rdReadYours, who: run.trainer.steps === 0 ? "untrained" : "yours" };
    if (!trained) return null;
    const accuracy = formatPercent(trained.correct / trained.testCount);
    return { network: trained.network, word: (reading) => s.rdReadTrained({ ...reading, accuracy }), who: "trained" };
  }

  /** Reads the pad (drawing or test digit) with the current network, at most once a frame. */
  function readPad(): void {
    const reader = findReader();
    if (!pad || !reader) return;
    const input = padDigit === null ? pad.readInput() : data ? readTestDigit(data, padDigit) : null;
    if (!input) {
      clearProbabilities(probabilities);
      reading.textContent = s.rdPadBlank;
      return;
    }
    const p = classifyDigit(reader.network, input);
    fillProbabilities(probabilities, p);
    const read = p.indexOf(Math.max(...p));
    const what = padDigit === null ? s.rdYourDrawing : s.rdTestDigit({ index: padDigit, label: data!.set.test.labels[padDigit] });
    reading.textContent = reader.word({ what, read, confidence: formatPercent(p[read]) });
    element.dataset.reader = reader.who;
  }

  function scheduleReading(): void {
    if (readingFrame) return;
    readingFrame = requestAnimationFrame(() => {
      readingFrame = 0;
      readPad();
    });
  }

  function showTestDigit(digits: DigitData, index: number): void {
    const count = digits.test.count;
    padDigit = ((index % count) + count) % count;
    pad ??= createPadView(padHost);
    pad.showDigit(readTestDigit(digits, padDigit));
    readPad();
  }

  /** Before any run: states the settings the next run will use, or why they cannot be trained. */
  function noteSettings(reason: string): void {
    const chosen = settings();
    find("[data-model]").textContent = describeDigitModel(chosen, s);
    const problem = checkDigitSettings(chosen, s);
    if (problem) say(problem, true);
    else say(s.rdSettingsNoted({ reason }));
  }

  // A link may set other params than the page's defaults, which the saved run used.
  if (params.roles.some((role) => params.value(role) !== params.spec(role).value)) noteSettings(s.rdAddressSettings);

  return {
    action(name) {
      if (name === "play") {
        if (loop.playing) {
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
          say(current.divergedBecause ? s.rdStopped({ why: current.divergedBecause }) : describeProgress(current), Boolean(current.divergedBecause));
        });
      } else if (name === "reset") {
        serial(() => reset(s.rdReset));
      } else if (name === "clear") {
        pad ??= createPadView(padHost);
        pad.clear();
        padDigit = null;
        clearProbabilities(probabilities);
        reading.textContent = s.rdPadBlank;
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
      if (findReader()) scheduleReading();
      else if (!loading && !trainedLoading) {
        reading.textContent = trainedError === null ? s.rdLoadingTrained : s.rdLoadingPad;
        serial(async () => ((await ensureReader()) ? scheduleReading() : undefined));
      }
    },
    release(figure) {
      if (figure !== padHost) return;
      pad?.endStroke();
      scheduleReading();
    },
    press(key) {
      serial(async () => {
        // Test digits need the digits themselves, whichever network reads them.
        if (!(await ensureReader())) return;
        const digits = await loadData();
        if (!digits) return;
        sayTrainedReads(); // in place of the download's progress
        const step = key === "ArrowRight" || key === "ArrowDown" ? 1 : key === "ArrowLeft" || key === "ArrowUp" ? -1 : 0;
        showTestDigit(digits, key === "Home" || padDigit === null ? 0 : padDigit + step);
      });
    },
    paramsChanged() {
      if (run) serial(() => reset(s.rdSettingsChanged));
      else noteSettings(s.rdSettingsChanged);
    },
  };
}
