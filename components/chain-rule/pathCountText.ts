/** The sentence under the path-count plot, from the engine's counts (the build and the page say the same). */
import { formatCount, type DepthCount } from "./layeredGraph.ts";

/** E.g. "At 6 layers of width 3, reverse mode evaluates 202 local derivatives; the sum over 5,463 paths multiplies 123,384 factors, 611 times as many." */
export function describeCounts(counts: readonly DepthCount[], width: number): string {
  const last = counts[counts.length - 1];
  if (!last) return "No layers: nothing to count.";
  const ratio = last.naivePaths / last.reverseMode;
  const times = ratio >= 1e12 ? formatCount(ratio) : ratio >= 10 ? formatCount(ratio) : ratio.toFixed(1);
  return `At ${last.layers} ${last.layers === 1 ? "layer" : "layers"} of width ${width}, reverse mode evaluates ${formatCount(last.reverseMode)} local derivatives; `
    + `the sum over ${formatCount(last.paths)} paths multiplies ${formatCount(last.naivePaths)} factors, ${times} times as many.`;
}
