/**
 * The live half of <path-counter> (Plot), loaded on the reader's first touch: its buttons change the
 * `layers` and `width` params; on every change it recounts one depth at a time within a few
 * milliseconds per animation frame, then redraws.
 */
import type { WidgetContext, WidgetController } from "../kit/lazyWidget";
import { countAtDepth, type DepthCount } from "./layeredGraph.ts";
import { renderPathCountFigure } from "./pathCountFigure.ts";
import { describeCounts } from "./pathCountText.ts";
import { pageStrings } from "../../src/i18n/strings";

/** The roles PathCounter binds: the graph's depth and its width. */
export type PathCountRole = "layers" | "width";

const FRAME_BUDGET_MS = 6; // leaves the rest of a 16 ms frame for drawing and input

/** Each button: the role it changes and by how much. */
const CHANGES: Record<string, [PathCountRole, number]> = { "fewer-layers": ["layers", -1], "more-layers": ["layers", 1], narrower: ["width", -1], wider: ["width", 1] };

/** Takes over the element: counts and draws for the current params, and again after each change. */
export function start(element: HTMLElement, { params }: WidgetContext<PathCountRole>): WidgetController<PathCountRole> {
  const s = pageStrings();
  const say = (text: string) => (element.querySelector("[data-pc-status]")!.textContent = text);
  let job = 0;

  const draw = (counts: DepthCount[], layers: number, width: number) => {
    const figure = element.querySelector<HTMLElement>("[data-pc-figure]")!;
    const broken = counts.find((count) => !Number.isFinite(count.naivePaths) || !Number.isFinite(count.reverseMode));
    if (broken) {
      say(s.pcOverflow({ layers: broken.layers }));
      return;
    }
    figure.replaceChildren(renderPathCountFigure(counts, Math.max(280, Math.min(640, figure.clientWidth)), undefined, s));
    figure.dataset.layers = String(layers);
    figure.dataset.width = String(width);
    say(describeCounts(counts, width, s));
  };

  const recount = () => {
    const layers = params.number("layers");
    const width = params.number("width");
    element.querySelector("[data-pc-params]")!.textContent = s.pcParams({ layers, width });
    for (const button of element.querySelectorAll<HTMLButtonElement>("[data-action]")) {
      const [role, by] = CHANGES[button.dataset.action!];
      const spec = params.spec(role);
      const next = params.number(role) + by;
      button.disabled = spec.kind !== "number" || next < spec.min || next > spec.max;
    }
    const mine = ++job;
    const counts: DepthCount[] = [];
    const step = (): void => {
      if (mine !== job) return; // a newer change took over
      const begun = performance.now();
      while (counts.length < layers && performance.now() - begun < FRAME_BUDGET_MS) counts.push(countAtDepth(counts.length + 1, width));
      if (counts.length < layers) {
        say(s.pcCounting({ done: counts.length, layers }));
        requestAnimationFrame(step);
        return;
      }
      draw(counts, layers, width);
    };
    requestAnimationFrame(step);
  };

  recount();
  return {
    action(name) {
      const change = CHANGES[name];
      if (change) params.write(change[0], params.number(change[0]) + change[1]);
    },
    paramsChanged: recount,
  };
}
