/** The network diagram as plain data: one node per unit, one edge per weight w^l_{jk}, placed layer by layer. */
import type { Network } from "../../src/engine/index.ts";

/** A unit: layer l (0 is the input), index j, its place, and its bias b^l_j (NaN for inputs). */
export interface DiagramNode {
  l: number;
  j: number;
  x: number;
  y: number;
  bias: number;
  label: string;
}

/** A weight w^l_{jk} from unit k of layer l − 1 to unit j of layer l, drawn from (x1, y1) to (x2, y2). */
export interface DiagramEdge {
  l: number;
  j: number;
  k: number;
  w: number;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  label: string;
}

const SUBSCRIPT_DIGITS = "₀₁₂₃₄₅₆₇₈₉";
const SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹";

/** 12 → "₁₂": unit indices in labels, counted from 1 as the chapters' prose does. */
export function toSubscript(n: number): string {
  return String(n).replace(/\d/g, (digit) => SUBSCRIPT_DIGITS[Number(digit)]);
}

/** 3 → "³": layer indices in labels. */
export function toSuperscript(n: number): string {
  return String(n).replace(/\d/g, (digit) => SUPERSCRIPT_DIGITS[Number(digit)]);
}

/** Unit j of a layer of n units sits at y = j − (n − 1)/2, so every layer is centred on y = 0. */
function placeUnit(j: number, n: number): number {
  return j - (n - 1) / 2;
}

/** Nodes and edges for a network; layer l is drawn at x = l. */
export function layOutNetwork(network: Network): { nodes: DiagramNode[]; edges: DiagramEdge[] } {
  const { sizes, layers } = network;
  const L = layers.length;
  const nodes: DiagramNode[] = [];
  for (let l = 0; l <= L; l++) {
    for (let j = 0; j < sizes[l]; j++) {
      const bias = l === 0 ? NaN : layers[l - 1].biases[j];
      const label = l === 0 ? `x${toSubscript(j + 1)}` : l === L ? "y" : `a${toSuperscript(l)}${toSubscript(j + 1)}`;
      nodes.push({ l, j, x: l, y: placeUnit(j, sizes[l]), bias, label });
    }
  }
  const edges: DiagramEdge[] = [];
  for (let l = 1; l <= L; l++) {
    const { inputSize, outputSize, weights } = layers[l - 1];
    for (let j = 0; j < outputSize; j++) {
      for (let k = 0; k < inputSize; k++) {
        edges.push({
          l, j, k,
          w: weights[j * inputSize + k],
          x1: l - 1, y1: placeUnit(k, inputSize), x2: l, y2: placeUnit(j, outputSize),
          label: `w${toSuperscript(l)}${toSubscript(j + 1)}${toSubscript(k + 1)}`,
        });
      }
    }
  }
  return { nodes, edges };
}

/** Stroke width in pixels for a weight: grows with |w| and is capped so one big weight cannot hide the rest. */
export function edgeWidth(w: number): number {
  return Math.min(8, 0.5 + 2 * Math.abs(w));
}
