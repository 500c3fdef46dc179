/**
 * The layered graph of the dynamic-programming section, built with `Value` exactly as the chapter's
 * cell builds it, and the engine's count of local-derivative work at every depth.
 */
import { Value, countLocalDerivatives } from "../../src/engine/index.ts";

/** One depth's counts: reverse mode (one per arrow) against the sum over paths (one factor per arrow of every path). */
export interface DepthCount {
  layers: number;
  reverseMode: number;
  naivePaths: number;
  paths: number;
}

/** `width` inputs, then `layers` layers of `width` units, unit = tanh(Σ 0.5·unit below); the output adds the top layer. */
export function buildLayeredGraph(layers: number, width: number): Value {
  let below = Array.from({ length: width }, (_, k) => new Value(1, `x${k + 1}`));
  for (let layer = 1; layer <= layers; layer++) {
    below = below.map(() => below.map((unit) => unit.mul(0.5)).reduce((sum, term) => sum.add(term)).tanh());
  }
  return below.reduce((sum, unit) => sum.add(unit));
}

/** The engine's countLocalDerivatives for the layered graph of depth `layers` and `width`. */
export function countAtDepth(layers: number, width: number): DepthCount {
  return { layers, ...countLocalDerivatives(buildLayeredGraph(layers, width)) };
}

/** Counts for every depth 1…layers (the build computes them at once; the page spreads them over frames). */
export function countByDepth(layers: number, width: number): DepthCount[] {
  return Array.from({ length: layers }, (_, i) => countAtDepth(i + 1, width));
}

/** A count for reading: thousands separated below a trillion, then powers of ten, e.g. 1.2 × 10^18. */
export function formatCount(count: number): string {
  if (count < 1e12) return Math.round(count).toLocaleString("en-US");
  const exponent = Math.floor(Math.log10(count));
  return `${(count / 10 ** exponent).toFixed(1)} × 10^${exponent}`;
}
