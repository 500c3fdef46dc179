/** Why the diagram refused an update w ← w − η ∂E/∂w, and whether a smaller η would have done. Pure, so it tests in Node. */

/** One weight before the update: its value, ∂E/∂w, and the range the page allows it. */
export interface WeightMove {
  role: string;
  value: number;
  gradient: number;
  min: number;
  max: number;
}

/** The largest η ≥ 0 that keeps w − η·∂E/∂w within [min, max]: 0 at an edge the gradient pushes past, Infinity when ∂E/∂w = 0. */
export function findLargestSafeRate({ value, gradient, min, max }: WeightMove): number {
  if (gradient > 0) return Math.max(0, (value - min) / gradient);
  if (gradient < 0) return Math.max(0, (max - value) / -gradient);
  return Infinity;
}

/**
 * What a refused update can truthfully advise: "smaller" when the smallest η the page allows keeps
 * every weight in range (so some smaller η works); otherwise the weights at or next to an edge that
 * their gradient pushes them past, for which no allowed η helps.
 */
export function explainRefusal(moves: readonly WeightMove[], smallestRate: number): { kind: "smaller" } | { kind: "edge"; blocked: string[] } {
  const blocked = moves.filter((move) => findLargestSafeRate(move) < smallestRate).map((move) => move.role);
  return blocked.length === 0 ? { kind: "smaller" } : { kind: "edge", blocked };
}
