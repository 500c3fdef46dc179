/**
 * The light shell of the chapter's surface widgets (<gd-surface-descent>, <gd-learning-rates>,
 * <gd-momentum-valley>): the saved figure stays until the reader's first touch loads the drawing
 * code; clicks, arrow keys and param changes made meanwhile are applied, in order, once it has.
 */
import { loadOnFirstTouch } from "../../src/notebook/client/loadOnFirstTouch.ts";
import { watchNumbers } from "./pageParams.ts";

/** What a widget's runtime does for its shell. */
export interface PlotWidgetController {
  /** A click at (clientX, clientY): move the start point there if it is on a plot. */
  pick(clientX: number, clientY: number): void;
  /** An arrow key on a figure: move the start point (further with Shift). */
  press(key: string, shift: boolean): void;
  /** Re-read the page's params and redraw. */
  redraw(): void;
}

const ARROW_KEYS = new Set(["ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown"]);

/** Defines `<tag>`: its runtime comes from `start` (a dynamic import) on the first touch, or at once when the URL sets one of `params`. */
export function definePlotWidget(tag: string, params: readonly string[], start: (element: HTMLElement) => Promise<PlotWidgetController>): void {
  class PlotWidgetShell extends HTMLElement {
    connectedCallback(): void {
      if (this.dataset.shell) return;
      this.dataset.shell = "ready";
      const load = loadOnFirstTouch(this, () => start(this), { params });
      this.addEventListener("click", (event) => {
        if (!(event.target as Element).closest("[data-figure]")) return;
        const { clientX, clientY } = event;
        void load().then((controller) => controller.pick(clientX, clientY));
      });
      this.addEventListener("keydown", (event) => {
        if (!(event.target as Element).closest("[data-figure]") || !ARROW_KEYS.has(event.key)) return;
        event.preventDefault();
        const { key, shiftKey } = event;
        void load().then((controller) => controller.press(key, shiftKey));
      });
      watchNumbers(params, () => void load().then((controller) => controller.redraw()));
    }
  }
  if (!customElements.get(tag)) customElements.define(tag, PlotWidgetShell);
}
