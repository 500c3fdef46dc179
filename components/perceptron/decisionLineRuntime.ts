/**
 * The live half of <decision-line> (Plot, the engine's perceptron), loaded on the reader's first
 * touch: it redraws the plane and the truth table from w₁, w₂ and b, and turns a drag of w's tip or
 * an arrow key into new weights on the params' own grid and range.
 */
import type { WidgetContext, WidgetController } from "../kit/lazyWidget";
import { arrowMove, pickPoint } from "../kit/pointer";
import type { ScaledFigure } from "./drawLab";
import { makeTruthTable, formatZ } from "./truthTable";
import { drawUnitPlane, weightReach, type UnitRole } from "./unitPlane";
import { pageStrings } from "../../src/i18n/strings";

const KEY_STEP = 0.1;

/** Takes over the element: draws now, and again whenever a weight changes or the plane is resized. */
export function start(element: HTMLElement, { params }: WidgetContext<UnitRole>): WidgetController<UnitRole> {
  const plane = element.querySelector<HTMLElement>("[data-figure]")!;
  const reach = weightReach(params.spec("w1"), params.spec("w2"));
  let svg: ScaledFigure | undefined;
  let focused = plane === document.activeElement;
  const s = pageStrings();
  const text = (name: string, value: string) => (element.querySelector(`[data-dl="${name}"]`)!.textContent = value);

  const draw = (announce: boolean) => {
    const unit = { w1: params.number("w1"), w2: params.number("w2"), b: params.number("b") };
    const { rows, gate } = makeTruthTable(unit, s);
    svg = drawUnitPlane(unit, reach, { width: plane.clientWidth || 400, focused, strings: s });
    plane.replaceChildren(svg);
    text("w1", String(unit.w1));
    text("w2", String(unit.w2));
    text("b", String(unit.b));
    text("gate", gate);
    element.querySelector('[data-dl="rows"]')!.replaceChildren(
      ...rows.map((row) => {
        const tr = document.createElement("tr");
        for (const cell of [String(row.x1), String(row.x2), formatZ(row.z), String(row.y)]) tr.append(Object.assign(document.createElement("td"), { textContent: cell }));
        return tr;
      }),
    );
    if (announce) text("status", s.dlStatusWeights({ w1: unit.w1, w2: unit.w2, b: unit.b, gate }));
    return gate;
  };
  // The handle is ringed while the plane has focus.
  const focus = (now: boolean) => () => {
    focused = now;
    draw(false);
  };
  plane.addEventListener("focus", focus(true));
  plane.addEventListener("blur", focus(false));
  new ResizeObserver(() => draw(false)).observe(plane);
  // The saved status names the gate of the page's defaults; weights from a link make another one.
  const status = s.dlStatus({ gate: draw(false) });
  if (element.querySelector('[data-dl="status"]')!.textContent !== status) text("status", status);

  const setWeights = (w1: number, w2: number) => {
    params.write("w1", w1);
    params.write("w2", w2);
  };
  return {
    pick(clientX, clientY) {
      const point = svg && pickPoint(svg, { clientX, clientY });
      if (point) setWeights(point[0], point[1]);
    },
    press(key, shift) {
      const move = arrowMove(key, KEY_STEP, shift);
      if (move) setWeights(params.number("w1") + move[0], params.number("w2") + move[1]);
    },
    paramsChanged: () => draw(true),
  };
}
