/** The sentence under the path-count plot, from the engine's counts (the build and the page say the same). */
import { formatCount, type DepthCount } from "./layeredGraph.ts";
import { en } from "../../src/i18n/en";
import type { Strings } from "../../src/i18n/types";

/** E.g. "At 6 layers of width 3, reverse mode evaluates 202 local derivatives; the sum over 5,463 paths multiplies 123,384 factors, 611 times as many." */
export function describeCounts(counts: readonly DepthCount[], width: number, s: Strings = en): string {
  const last = counts[counts.length - 1];
  if (!last) return s.pcNoLayers;
  const ratio = last.naivePaths / last.reverseMode;
  const times = ratio >= 1e12 ? formatCount(ratio) : ratio >= 10 ? formatCount(ratio) : ratio.toFixed(1);
  return s.pcCounts({ layers: last.layers, width, reverse: formatCount(last.reverseMode), paths: formatCount(last.paths), factors: formatCount(last.naivePaths), times });
}
