/**
 * The chapter's model, data and error surface as plain numbers, all computed by the engine:
 * one sigmoid unit y = σ(w1·x1 + w2·x2) (no bias, so its only parameters are the two weights),
 * two clouds of points with some labels flipped, and E(w1, w2) on a grid of the weight plane.
 * The same functions run at build time (saved SVG figures) and in the browser (live widgets),
 * in this chapter and in chapter 3, whose descents run on this very unit and data.
 */
import {
  createNetwork, createRandom, evaluate, evaluateGrid, evaluateLossSurface, makeDataset, setWeight,
  type Dataset, type Network,
} from "../../src/engine/index.ts";

/** The seed of the chapter's data, shared with the page's code cells so their numbers agree. */
export const DATA_SEED = 7;
/** The spread (standard deviation) of each cloud of points around (±0.5, ±0.5). */
export const CLOUD_SPREAD = 0.3;

/** The two losses the chapter compares, by the names the reader sees. */
export const SURFACE_LOSSES = ["squared error", "cross-entropy"] as const;
/** One of `SURFACE_LOSSES`. */
export type SurfaceLoss = (typeof SURFACE_LOSSES)[number];

const ENGINE_LOSS = { "squared error": "squaredError", "cross-entropy": "binaryCrossEntropy" } as const;

/** A rectangle of the weight plane sampled at resolution × resolution points (row 0 is w2 = w2Max). */
export interface WeightBox {
  w1Min: number;
  w1Max: number;
  w2Min: number;
  w2Max: number;
  resolution: number;
}

/** The part of the weight plane every surface in the chapter shows. */
export const WEIGHT_BOX: Omit<WeightBox, "resolution"> = { w1Min: -8, w1Max: 8, w2Min: -8, w2Max: 8 };
/** The part of the input plane the fit plot shows. */
export const INPUT_BOX = { x1Min: -1.5, x1Max: 1.5, x2Min: -1.5, x2Max: 1.5 };

/** Throws unless the data options are ones the chapter's params can produce. */
function checkDataOptions(points: number, flipped: number): void {
  if (!Number.isInteger(points) || points < 2 || points > 1000) throw new RangeError(`points ${points} is not allowed; allowed: integers 2 to 1000`);
  if (!(flipped >= 0 && flipped <= 0.5)) throw new RangeError(`flipped ${flipped} is not allowed; allowed: 0 to 0.5`);
}

/** The engine's "blobs" data set (class 1 around (0.5, 0.5), class 0 around (−0.5, −0.5)), then each target t ← 1 − t with probability `flipped`. */
export function makeSurfaceData(points: number, flipped: number): Dataset {
  checkDataOptions(points, flipped);
  const random = createRandom(DATA_SEED);
  const data = makeDataset("blobs", { count: points, noise: CLOUD_SPREAD, random });
  // The flips draw from the same generator after the points, exactly as the page's first cell does.
  for (let n = 0; n < data.count; n++) if (random.next() < flipped) data.targets[n] = 1 - data.targets[n];
  return data;
}

/** The data options in words, as the widgets show them beside the model. */
export function describeData(points: number, flipped: number): string {
  return `${points} points, each label flipped with probability ${flipped}`;
}

/** A 2-1 network with a sigmoid output and the chosen loss; its bias stays 0, so y = σ(w1·x1 + w2·x2). */
export function createUnit(loss: SurfaceLoss): Network {
  const engineLoss = ENGINE_LOSS[loss];
  if (!engineLoss) throw new RangeError(`loss ${JSON.stringify(loss)} is not allowed; allowed: ${SURFACE_LOSSES.join(", ")}`);
  return createNetwork({ sizes: [2, 1], outputActivation: "sigmoid", loss: engineLoss, init: "zeros" });
}

/** Sets the unit's two weights w1 = W[1][0][0] and w2 = W[1][0][1]. */
export function setUnitWeights(unit: Network, w1: number, w2: number): void {
  setWeight(unit, 1, 0, 0, w1);
  setWeight(unit, 1, 0, 1, w2);
}

/** E(w1, w2): the unit's loss averaged over the data, (1/N) Σ_n E_n, as the engine measures it. */
export function measureError(unit: Network, data: Dataset, w1: number, w2: number): number {
  setUnitWeights(unit, w1, w2);
  return evaluate(unit, data).loss;
}

/** E over the box (row-major from w2Max, as the engine's `evaluateLossSurface` lays it out): every row, or rows [fromRow, toRow) into `output`, so a browser can spread the work over frames. */
export function computeSurface(unit: Network, data: Dataset, box: WeightBox, rows?: { output: Float64Array; fromRow: number; toRow: number }): Float64Array {
  return evaluateLossSurface((w1, w2) => measureError(unit, data, w1, w2), { ...box, ...rows }) as Float64Array;
}

/** The weights at the grid point with the lowest error, and that error. */
export function findLowestPoint(values: ArrayLike<number>, box: WeightBox): { w1: number; w2: number; error: number } {
  const { resolution: size, w1Min, w1Max, w2Min, w2Max } = box;
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i] < values[best]) best = i;
  const row = Math.floor(best / size);
  const column = best - row * size;
  return { w1: w1Min + (column * (w1Max - w1Min)) / (size - 1), w2: w2Max - (row * (w2Max - w2Min)) / (size - 1), error: values[best] };
}

/** The unit's output y = σ(w1·x1 + w2·x2) over the input box, row-major from x2Max, for the fit plot's shading. */
export function computeOutputGrid(unit: Network, w1: number, w2: number, resolution: number): Float64Array {
  setUnitWeights(unit, w1, w2);
  const { x1Min, x1Max, x2Min, x2Max } = INPUT_BOX;
  return evaluateGrid(unit, { xMin: x1Min, xMax: x1Max, yMin: x2Min, yMax: x2Max, resolution }) as Float64Array;
}

/** The data as rows for a dot mark: inputs x1, x2 and target t of each example n. */
export function listExamples(data: Dataset): { n: number; x1: number; x2: number; t: number }[] {
  return Array.from({ length: data.count }, (_, n) => ({ n, x1: data.inputs[2 * n], x2: data.inputs[2 * n + 1], t: data.targets[n] }));
}

/**
 * The decision boundary w1·x1 + w2·x2 = 0 (where y = ½) clipped to the input box, as two end points,
 * or null when both weights are 0 and y = ½ everywhere.
 */
export function findBoundary(w1: number, w2: number): [{ x1: number; x2: number }, { x1: number; x2: number }] | null {
  if (w1 === 0 && w2 === 0) return null;
  const { x1Min, x1Max } = INPUT_BOX;
  // The boundary is the line through the origin perpendicular to (w1, w2); walk along it far enough, then let the plot clip it.
  const length = Math.hypot(w1, w2);
  const reach = 3 * Math.max(x1Max, -x1Min);
  const along = { x1: (-w2 / length) * reach, x2: (w1 / length) * reach };
  return [{ x1: -along.x1, x2: -along.x2 }, along];
}

/** The shapes gallery's function f(u, v) = u² + c·v²: a bowl for c > 0, a trough for c = 0, a saddle for c < 0. */
export function shapeValue(a: number, u: number, v: number): number {
  return u * u + a * v * v;
}

/** The downhill direction −∇f = (−2u, −2a·v) of `shapeValue` at (u, v). */
export function shapeDownhill(a: number, u: number, v: number): { u: number; v: number } {
  return { u: -2 * u, v: -2 * a * v };
}

/** The part of the (u, v) plane the shapes gallery shows. */
export const SHAPE_BOX: Omit<WeightBox, "resolution"> = { w1Min: -2, w1Max: 2, w2Min: -2, w2Max: 2 };

/** f(u, v) = u² + c·v² over the shape box, evaluated by the engine's grid helper. */
export function computeShapeSurface(a: number, resolution: number): Float64Array {
  return evaluateLossSurface((u, v) => shapeValue(a, u, v), { ...SHAPE_BOX, resolution }) as Float64Array;
}

/** Names the point (0, 0) of f = u² + c·v² by the shape around it. */
export function nameShape(a: number): "minimum" | "valley" | "trough" | "saddle" {
  if (a < 0) return "saddle";
  if (a === 0) return "trough";
  return a < 0.25 ? "valley" : "minimum";
}
