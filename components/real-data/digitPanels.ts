/**
 * The widget's HTML panels, filled from plain numbers: the ten probabilities, the confusion matrix and
 * the most confidently wrong digits. The build fills them in the saved page (linkedom) and the live
 * widget refills the same elements, so both show one markup.
 */
import { en } from "../../src/i18n/en";
import type { Strings } from "../../src/i18n/types";
import type { DigitPart } from "../../src/data/digits";
import type { WrongDigit } from "./digitReport";
import { paintDigit, toGrey } from "./digitImages";

/** A probability as the reader sees it: one decimal of a percent. */
export function formatPercent(p: number): string {
  return `${(p * 100).toFixed(1)} %`;
}

/** A digit image as a data URL, painted on a canvas of `document`. */
export function digitImageUrl(document: Document, grey: ArrayLike<number>): string {
  return paintDigit(document.createElement("canvas"), grey).toDataURL();
}

/** Fills `list` (an <ol>) with one row per digit 0-9: the digit, a bar as long as its probability, and the percentage; the most probable row is marked. */
export function fillProbabilities(list: HTMLElement, probabilities: readonly number[]): void {
  const document = list.ownerDocument;
  if (list.children.length !== 10) {
    list.replaceChildren(...Array.from({ length: 10 }, (_, digit) => {
      const row = document.createElement("li");
      const label = document.createElement("span");
      label.className = "digit-probability-label";
      label.textContent = String(digit);
      const bar = document.createElement("span");
      bar.className = "digit-probability-bar";
      bar.append(document.createElement("span"));
      const value = document.createElement("span");
      value.className = "digit-probability-value";
      row.append(label, bar, value);
      return row;
    }));
  }
  const top = probabilities.indexOf(Math.max(...probabilities));
  probabilities.forEach((p, digit) => {
    const row = list.children[digit] as HTMLElement;
    row.setAttribute("data-probability", String(p));
    row.toggleAttribute("data-top", digit === top);
    row.children[1].firstElementChild!.setAttribute("style", `width: ${(p * 100).toFixed(1)}%`);
    row.children[2].textContent = formatPercent(p);
  });
}

/** Fills `table` with the 10 × 10 counts confusion[label · 10 + read as], tinting each cell by its share of its row. */
export function fillConfusion(table: HTMLTableElement, confusion: ArrayLike<number>, s: Strings = en): void {
  const document = table.ownerDocument;
  if (table.querySelectorAll("tbody tr").length !== 10) buildConfusion(table, document, s);
  const rows = table.querySelectorAll("tbody tr");
  for (let label = 0; label < 10; label++) {
    let total = 0;
    for (let read = 0; read < 10; read++) total += confusion[label * 10 + read];
    for (let read = 0; read < 10; read++) {
      const count = confusion[label * 10 + read];
      const cell = rows[label].querySelectorAll("td")[read] as HTMLElement;
      cell.textContent = String(count);
      const share = total > 0 ? count / total : 0;
      // Right answers in the accent, mistakes in the warm colour; capped so the number stays readable.
      const tint = count === 0 ? 0 : Math.max(6, Math.round(Math.sqrt(share) * 34));
      if (tint) cell.setAttribute("style", `background: color-mix(in srgb, var(${read === label ? "--accent" : "--warm"}) ${tint}%, transparent)`);
      else cell.removeAttribute("style");
    }
  }
}

function buildConfusion(table: HTMLTableElement, document: Document, s: Strings): void {
  const head = document.createElement("thead");
  const headRow = document.createElement("tr");
  const corner = document.createElement("th");
  corner.setAttribute("scope", "col");
  corner.textContent = s.rdDigitCorner;
  headRow.append(corner);
  for (let read = 0; read < 10; read++) {
    const th = document.createElement("th");
    th.setAttribute("scope", "col");
    th.textContent = String(read);
    headRow.append(th);
  }
  head.append(headRow);
  const body = document.createElement("tbody");
  for (let label = 0; label < 10; label++) {
    const row = document.createElement("tr");
    const th = document.createElement("th");
    th.setAttribute("scope", "row");
    th.textContent = String(label);
    row.append(th);
    for (let read = 0; read < 10; read++) row.append(document.createElement("td"));
    body.append(row);
  }
  for (const old of table.querySelectorAll("thead, tbody")) old.remove();
  table.append(head, body);
}

/** Fills `list` (a <ul>) with the wrong digits' images, each captioned "7 read as 1, 98.0 %". */
export function fillWrongDigits(list: HTMLElement, wrong: readonly WrongDigit[], test: DigitPart, s: Strings = en): void {
  const document = list.ownerDocument;
  const size = test.images.length / test.count;
  list.replaceChildren(...wrong.map((digit) => {
    const item = document.createElement("li");
    const image = document.createElement("img");
    image.setAttribute("width", "28");
    image.setAttribute("height", "28");
    const caption = s.rdReadAs({ label: digit.label, read: digit.predicted, confidence: formatPercent(digit.confidence) });
    image.setAttribute("alt", s.rdTestDigit({ index: digit.index, label: digit.label }));
    image.setAttribute("src", digitImageUrl(document, toGrey(test.images.subarray(digit.index * size, (digit.index + 1) * size))));
    const text = document.createElement("span");
    text.textContent = caption;
    item.append(image, text);
    return item;
  }));
}

/** Empties the probability bars (a blank pad has nothing to read). */
export function clearProbabilities(list: HTMLElement): void {
  for (const row of list.children) {
    row.removeAttribute("data-top");
    row.setAttribute("data-probability", "");
    row.children[1].firstElementChild!.setAttribute("style", "width: 0%");
    row.children[2].textContent = "–";
  }
}
