/**
 * Build-time only: the saved (no-JavaScript) view of the digit widget for a trained run, as HTML strings
 * drawn on the build's figure document with the same functions the live widget uses.
 */
import { en } from "../../src/i18n/en";
import type { Strings } from "../../src/i18n/types";
import { createFigureDocument } from "../../src/notebook/figureDocument";
import { PHONE_CURVE_WIDTH, fitCurveSize, plotCurve, type CurveKind } from "./digitCurves";
import { gridSize, paintWeightGrid } from "./digitImages";
import { digitImageUrl, fillConfusion, fillProbabilities, fillWrongDigits } from "./digitPanels";
import { classifyDigit, findConfidentlyWrong, readTestDigit } from "./digitReport";
import type { DigitRun } from "./digitRun";

/** How many confidently wrong digits the widget lists. */
export const WRONG_DIGITS_SHOWN = 8;
/** The test digit the pad shows before the reader draws. */
export const FIRST_PAD_DIGIT = 0;

/** The saved figures and panels of `run`, ready for set:html. */
export interface SavedDigitView {
  loss: string;
  accuracy: string;
  /** The whole <table> (Astro's compiler drops a <table> whose rows come from set:html). */
  confusionTable: string;
  wrongDigits: string;
  weights: { url: string; width: number; height: number };
  pad: { url: string; probabilities: string; label: number; read: number; confidence: number };
}

/**
 * One curve saved twice: drawn 400 wide for wide screens and 280 wide for phones, each marked with the
 * class digits.css shows it by (the other is display: none, so screen readers hear one), so a phone's
 * labels are not shrunk below 12 px; no script decides, so nothing moves when the page loads.
 */
function saveCurve(run: DigitRun, kind: CurveKind, document: Document, s: Strings): string {
  const wide = plotCurve(run.history, kind, document, s);
  const phone = plotCurve(run.history, kind, document, s, fitCurveSize(PHONE_CURVE_WIDTH));
  wide.classList.add("digits-curve-wide");
  phone.classList.add("digits-curve-phone");
  return wide.outerHTML + phone.outerHTML;
}

/** Draws every panel of the widget for `run` as saved HTML. */
export function drawSavedView(run: DigitRun, s: Strings = en): SavedDigitView {
  const document = createFigureDocument();
  const { data, report } = run;
  const table = document.createElement("table");
  table.className = "digits-confusion";
  table.setAttribute("data-confusion", "");
  table.setAttribute("aria-label", s.rdConfusionAria);
  fillConfusion(table as HTMLTableElement, report!.confusion, s);
  const wrong = document.createElement("ul");
  fillWrongDigits(wrong, findConfidentlyWrong(report!, data.set.test.labels, WRONG_DIGITS_SHOWN), data.set.test, s);
  const units = run.settings.hiddenUnits;
  const weights = paintWeightGrid(document.createElement("canvas"), run.trainer.network.layers[0].weights, units);
  const digit = readTestDigit(data, FIRST_PAD_DIGIT);
  const probabilities = classifyDigit(run, digit);
  const list = document.createElement("ol");
  fillProbabilities(list, probabilities);
  const read = probabilities.indexOf(Math.max(...probabilities));
  return {
    loss: saveCurve(run, "loss", document, s),
    accuracy: saveCurve(run, "accuracy", document, s),
    confusionTable: table.outerHTML,
    wrongDigits: wrong.innerHTML,
    weights: { url: weights.toDataURL(), ...gridSize(units) },
    pad: { url: digitImageUrl(document, digit), probabilities: list.innerHTML, label: data.set.test.labels[FIRST_PAD_DIGIT], read, confidence: probabilities[read] },
  };
}
