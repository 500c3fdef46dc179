/**
 * The one pointer and keyboard helper of the widgets: a drag that keeps the pointer (capture),
 * arrow keys that move a point (Shift for bigger steps), and the data point under a pointer on a Plot figure.
 */

/** How much further an arrow key moves with Shift held. */
export const SHIFT_FACTOR = 4;

/** The keys a figure takes: the four arrows, and Home (back to the start). */
export const FIGURE_KEYS: ReadonlySet<string> = new Set(["ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown", "Home"]);

/** The move an arrow key makes in data coordinates (x to the right, y up): `step`, times SHIFT_FACTOR with Shift; undefined for other keys. */
export function arrowMove(key: string, step: number, shift: boolean): [number, number] | undefined {
  const size = shift ? step * SHIFT_FACTOR : step;
  const moves: Record<string, [number, number]> = { ArrowLeft: [-size, 0], ArrowRight: [size, 0], ArrowUp: [0, size], ArrowDown: [0, -size] };
  return moves[key];
}

/**
 * Follows a drag on `host` with the pointer captured, so it keeps going outside the figure:
 * `move` hears the press and every move, `end` the release (or cancel).
 */
export function followDrag(host: HTMLElement, move: (clientX: number, clientY: number) => void, end: () => void): void {
  host.addEventListener("pointerdown", (event) => {
    if (event.button !== 0) return;
    event.preventDefault(); // no text selection; focus is given explicitly so keys work after a drag
    host.focus();
    host.setPointerCapture(event.pointerId);
    const follow = ({ clientX, clientY }: PointerEvent) => move(clientX, clientY);
    const stop = () => {
      host.removeEventListener("pointermove", follow);
      host.removeEventListener("pointerup", stop);
      host.removeEventListener("pointercancel", stop);
      end();
    };
    follow(event);
    host.addEventListener("pointermove", follow);
    host.addEventListener("pointerup", stop);
    host.addEventListener("pointercancel", stop);
  });
}

/** A Plot figure as `pickPoint` needs it: an element with Plot's `scale()` (or containing the svg that has it). */
export type PlotFigure = Element & { scale?: (name: string) => { invert?: (pixel: number) => number; range?: number[] } | undefined };

/** The data coordinates under a pointer on a Plot figure, from its x and y scales; null outside the plotting area unless `anywhere` (a drag that left the figure, for the caller to clamp). */
export function pickPoint(plot: PlotFigure, event: { clientX: number; clientY: number }, anywhere = false): [number, number] | null {
  const svg = plot instanceof SVGSVGElement ? plot : plot.querySelector<SVGSVGElement>("svg:last-of-type");
  const x = plot.scale?.("x");
  const y = plot.scale?.("y");
  if (!svg || !x?.invert || !y?.invert) return null;
  const rect = svg.getBoundingClientRect();
  const viewBox = svg.viewBox.baseVal;
  const px = ((event.clientX - rect.left) * viewBox.width) / rect.width;
  const py = ((event.clientY - rect.top) * viewBox.height) / rect.height;
  const [x0, x1] = x.range ?? [0, viewBox.width];
  const [y0, y1] = y.range ?? [0, viewBox.height];
  if (!anywhere && (px < Math.min(x0, x1) || px > Math.max(x0, x1) || py < Math.min(y0, y1) || py > Math.max(y0, y1))) return null;
  return [x.invert(px), y.invert(py)];
}
