/**
 * The heavy half of <decision-line> (Plot, the engine's perceptron), loaded on the reader's first
 * touch: it redraws the plane and the truth table from w₁, w₂ and b, and turns a drag or an arrow
 * key into new weights.
 */
import { drawPlane, findDataPoint, type ScaledFigure } from "./drawLab";
import { makeTruthTable, formatZ } from "./truthTable";
import { UNIT_BOX, WEIGHT_LIMIT, drawWeightArrow } from "./unitMarks";
import { ARROW_MOVES } from "./arrowMoves";
import type { NumberParamLink } from "./paramLink";

/** The widget's handles on the page's w₁, w₂ and b params. */
export interface UnitLinks {
  w1: NumberParamLink;
  w2: NumberParamLink;
  b: NumberParamLink;
}

const KEY_STEP = 0.1;

/** Drives one decision-line element; its light shell forwards params, drags, keys and focus. */
export class DecisionLineController {
  private readonly element: HTMLElement;
  private readonly links: UnitLinks;
  private svg: ScaledFigure | undefined;
  private focused = false;

  constructor(element: HTMLElement, links: UnitLinks) {
    this.element = element;
    this.links = links;
    new ResizeObserver(() => this.update(false)).observe(this.plane());
    this.update(false);
  }

  /** An arrow key pressed on the plane: moves the tip of w one step of 0.1. */
  press(key: string): void {
    const move = ARROW_MOVES[key];
    if (move) this.setWeights(this.links.w1.get() + move[0] * KEY_STEP, this.links.w2.get() + move[1] * KEY_STEP);
  }

  /** The pointer dragging the tip of w to (clientX, clientY). */
  moveTipTo(clientX: number, clientY: number): void {
    const point = findDataPoint(this.svg, clientX, clientY);
    if (point) this.setWeights(point[0], point[1]);
  }

  /** Focus entered or left the plane: the handle is ringed while it has focus. */
  setFocused(focused: boolean): void {
    this.focused = focused;
    this.update(false);
  }

  // Weights live on the params' 0.1 grid within ±WEIGHT_LIMIT, so the inline numbers and the figure agree.
  private setWeights(w1: number, w2: number): void {
    const snap = (v: number) => Number(Math.min(WEIGHT_LIMIT, Math.max(-WEIGHT_LIMIT, Math.round(v * 10) / 10)).toFixed(1));
    this.links.w1.set(snap(w1));
    this.links.w2.set(snap(w2));
  }

  private plane(): HTMLElement {
    return this.element.querySelector<HTMLElement>('[data-dl="plane"]')!;
  }

  /** Redraws from the current w₁, w₂ and b; `announce` also says in the status line what the unit computes. */
  update(announce: boolean): void {
    const unit = { w1: this.links.w1.get(), w2: this.links.w2.get(), b: this.links.b.get() };
    const { rows, gate } = makeTruthTable(unit);
    const plane = this.plane();
    const figure = drawPlane(document, {
      box: UNIT_BOX,
      unit,
      points: rows.map((row) => ({ x1: row.x1, x2: row.x2, target: row.y === 1 ? 1 : 0 })),
      normal: false,
      extraMarks: drawWeightArrow(unit, this.focused),
      width: plane.clientWidth || 400,
      ariaLabel: `The plane with the line ${unit.w1}·x₁ + ${unit.w2}·x₂ + ${unit.b} = 0 and the unit's answers on the four corners`,
    });
    this.svg = figure;
    plane.replaceChildren(figure);
    this.element.querySelector('[data-dl="w1"]')!.textContent = String(unit.w1);
    this.element.querySelector('[data-dl="w2"]')!.textContent = String(unit.w2);
    this.element.querySelector('[data-dl="b"]')!.textContent = String(unit.b);
    this.element.querySelector('[data-dl="gate"]')!.textContent = gate;
    const body = this.element.querySelector('[data-dl="rows"]')!;
    body.replaceChildren(
      ...rows.map((row) => {
        const tr = document.createElement("tr");
        for (const cell of [String(row.x1), String(row.x2), formatZ(row.z), String(row.y)]) {
          const td = document.createElement("td");
          td.textContent = cell;
          tr.append(td);
        }
        return tr;
      }),
    );
    if (announce) {
      this.element.querySelector('[data-dl="status"]')!.textContent = `w₁ = ${unit.w1}, w₂ = ${unit.w2}, b = ${unit.b}: the unit computes ${gate}.`;
    }
  }
}
