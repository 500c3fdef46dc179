/**
 * <decision-line>: a light shell around the saved plane. It ties w₁, w₂ and b to the page's params
 * and takes the plane's drags, arrow keys and focus; the drawing code (Plot, the engine) loads on
 * the reader's first touch, and whatever the reader did while it loaded is applied once it has.
 */
import { loadOnFirstTouch } from "../../src/notebook/client/loadOnFirstTouch";
import { ARROW_MOVES } from "./arrowMoves";
import { linkNumberParam } from "./paramLink";
import type { DecisionLineController } from "./decisionLineRuntime";

/** What DecisionLine.astro saves on the element: the <Param> names for w₁, w₂ and b, and their defaults. */
export interface DecisionLineConfig {
  w1Param: string;
  w2Param: string;
  bParam: string;
  w1: number;
  w2: number;
  b: number;
}

class DecisionLineElement extends HTMLElement {
  connectedCallback(): void {
    if (this.dataset.ready) return;
    this.dataset.ready = "true";
    const config = JSON.parse(this.dataset.config ?? "{}") as DecisionLineConfig;
    const redraw = () => void load().then((controller) => controller.update(true));
    const links = {
      w1: linkNumberParam(config.w1Param, config.w1, redraw),
      w2: linkNumberParam(config.w2Param, config.w2, redraw),
      b: linkNumberParam(config.bParam, config.b, redraw),
    };
    const load: () => Promise<DecisionLineController> = loadOnFirstTouch(this, () => import("./decisionLineRuntime").then((runtime) => new runtime.DecisionLineController(this, links)), {
      params: [config.w1Param, config.w2Param, config.bParam],
    });

    const plane = this.querySelector<HTMLElement>('[data-dl="plane"]')!;
    plane.tabIndex = 0;
    plane.setAttribute("role", "application");
    plane.dataset.live = "";
    plane.addEventListener("pointerdown", (event) => {
      if (event.button !== 0) return;
      plane.setPointerCapture(event.pointerId);
      const move = (e: PointerEvent) => void load().then((controller) => controller.moveTipTo(e.clientX, e.clientY));
      const end = () => {
        plane.removeEventListener("pointermove", move);
        plane.removeEventListener("pointerup", end);
        plane.removeEventListener("pointercancel", end);
      };
      move(event);
      plane.addEventListener("pointermove", move);
      plane.addEventListener("pointerup", end);
      plane.addEventListener("pointercancel", end);
    });
    plane.addEventListener("keydown", (event) => {
      if (!Object.hasOwn(ARROW_MOVES, event.key)) return;
      event.preventDefault();
      void load().then((controller) => controller.press(event.key));
    });
    plane.addEventListener("focus", () => void load().then((controller) => controller.setFocused(true)));
    plane.addEventListener("blur", () => void load().then((controller) => controller.setFocused(false)));
  }
}

if (!customElements.get("decision-line")) customElements.define("decision-line", DecisionLineElement);
