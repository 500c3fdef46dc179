/**
 * The widgets' side of the page's inline parameters: read a <Param> value (or the widget's own
 * default when the page has no such Param), hear about changes, and move a start point.
 */
import { readParams, setParam, findParamSpec, watchParams } from "../../src/notebook/client/paramStore";
import { snapParamValue } from "../../src/notebook/params";

/** The current number for `name`: the page's Param value, else `fallback`. */
export function readNumber(name: string, fallback: number): number {
  const value = readParams()[name];
  return typeof value === "number" ? value : fallback;
}

/** Calls `redraw` once per animation frame after any of `names` changed. */
export function watchNumbers(names: readonly string[], redraw: () => void): void {
  let pending = false;
  watchParams((name) => {
    if (!names.includes(name) || pending) return;
    pending = true;
    requestAnimationFrame(() => {
      pending = false;
      redraw();
    });
  });
}

/** Sets a number param, snapped to its grid and range; returns the value it now has (or `value` when the page has no such Param). */
export function writeNumber(name: string, value: number): number {
  const spec = findParamSpec(name);
  if (!spec || spec.kind !== "number") return value;
  setParam(name, snapParamValue(spec, value));
  return readNumber(name, value);
}

/** The data coordinates under a pointer event on a Plot figure, from its x and y scales; null outside the plotting area. */
export function pickPoint(plot: Element & { scale?: (name: string) => { invert?: (pixel: number) => number; range?: number[] } | undefined }, event: { clientX: number; clientY: number }): [number, number] | null {
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
  if (px < Math.min(x0, x1) || px > Math.max(x0, x1) || py < Math.min(y0, y1) || py > Math.max(y0, y1)) return null;
  return [x.invert(px), y.invert(py)];
}
