/**
 * Adding points to the custom data set: a click on the plane (Shift for the other class), or the
 * keyboard's cross moved with the arrow keys and placed with Enter. The plane's live Plot figure
 * turns a click into inputs (x₁, x₂) through its own scales.
 */
import { arrowMove, pickPoint, type PlotFigure } from "../kit/pointer";
import { LIMITS, roundCoordinate } from "./config";
import { pageStrings } from "../../src/i18n/strings";

/** Keyboard cursor steps in input units (Shift moves SHIFT_FACTOR times further). */
const CURSOR_STEP = 0.05;

/** A point in input units. */
export interface PlanePoint {
  x1: number;
  x2: number;
}

/** What the plane needs from the playground. */
export interface PlaneHost {
  /** Whether the custom data set is active: the plane takes points only then. */
  isCustom(): boolean;
  /** The live plane figure, once drawn. */
  plot(): PlotFigure | null;
  /** Adds a point of class t. */
  add(point: PlanePoint, t: 0 | 1): void;
  /** The cross moved or appeared: redraw the plane, and say where it is when given a sentence. */
  moved(announcement?: string): void;
}

/** The keyboard cross and the plane's pointer and key handling. */
export class PlaneInput {
  /** Where the keyboard's cross is. */
  cursor: PlanePoint = { x1: 0, x2: 0 };
  /** Whether the cross is drawn: from the plane's first focus, key or click on. */
  cursorShown = false;
  private readonly element: HTMLElement;
  private readonly host: PlaneHost;

  constructor(element: HTMLElement, host: PlaneHost) {
    this.element = element;
    this.host = host;
    const plane = element.querySelector<HTMLElement>("[data-decision]")!;
    plane.addEventListener("pointerdown", (event) => this.press(event));
    plane.addEventListener("keydown", (event) => this.key(event));
    plane.addEventListener("focus", () => {
      if (!this.host.isCustom()) return;
      this.cursorShown = true;
      this.host.moved();
    });
  }

  /** The cross to draw on the plane, or null. */
  shownCursor(): PlanePoint | null {
    return this.host.isCustom() && this.cursorShown ? this.cursor : null;
  }

  private press(event: PointerEvent): void {
    if (!this.host.isCustom() || event.button !== 0) return;
    const point = this.toData(event.clientX, event.clientY);
    if (!point) return;
    event.preventDefault();
    this.cursor = point;
    this.add(point, event.shiftKey || event.altKey);
  }

  private key(event: KeyboardEvent): void {
    if (!this.host.isCustom()) return;
    const move = arrowMove(event.key, CURSOR_STEP, event.shiftKey);
    if (move) {
      event.preventDefault();
      const limit = LIMITS.coordinate;
      this.cursor = {
        x1: roundCoordinate(Math.max(-limit, Math.min(limit, this.cursor.x1 + move[0]))),
        x2: roundCoordinate(Math.max(-limit, Math.min(limit, this.cursor.x2 + move[1]))),
      };
      this.cursorShown = true;
      this.host.moved(pageStrings().pgCross({ x1: this.cursor.x1, x2: this.cursor.x2 }));
    } else if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      this.cursorShown = true;
      this.add(this.cursor, event.shiftKey);
    }
  }

  /** The chosen class, or the other one when asked (Shift). */
  private add(point: PlanePoint, otherClass: boolean): void {
    const chosen = this.element.querySelector<HTMLInputElement>('[data-control="pointClass"]:checked')?.value === "0" ? 0 : 1;
    this.host.add(point, (otherClass ? 1 - chosen : chosen) as 0 | 1);
  }

  private toData(clientX: number, clientY: number): PlanePoint | null {
    const plot = this.host.plot();
    const picked = plot && pickPoint(plot, { clientX, clientY });
    const limit = LIMITS.coordinate;
    if (!picked || !(Math.abs(picked[0]) <= limit && Math.abs(picked[1]) <= limit)) return null;
    return { x1: roundCoordinate(picked[0]), x2: roundCoordinate(picked[1]) };
  }
}
