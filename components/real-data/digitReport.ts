/** What the widget shows of a trained digit network, read from a run as plain numbers. */
import { forward, type Network } from "../../src/engine/index";
import type { DigitData } from "./digitData";
import type { DigitRun, TestReport } from "./digitRun";

/** A test digit the network got wrong, with the probability it gave its wrong answer. */
export interface WrongDigit {
  index: number;
  label: number;
  predicted: number;
  confidence: number;
}

/** The `count` test digits read wrongly with the highest probability, most confident first (ties: lower index first). */
export function findConfidentlyWrong(report: TestReport, labels: Uint8Array, count: number): WrongDigit[] {
  const wrong: WrongDigit[] = [];
  for (let index = 0; index < labels.length; index++) {
    if (report.predicted[index] !== labels[index]) {
      wrong.push({ index, label: labels[index], predicted: report.predicted[index], confidence: report.confidence[index] });
    }
  }
  wrong.sort((a, b) => b.confidence - a.confidence || a.index - b.index);
  return wrong.slice(0, count);
}

/** Hidden unit j's 784 incoming weights W[1][j][·], row by row as the 28 × 28 image they multiply. */
export function readHiddenWeights(run: DigitRun, unit: number): Float64Array {
  const layer = run.trainer.network.layers[0];
  return layer.weights.slice(unit * layer.inputSize, (unit + 1) * layer.inputSize);
}

/** The ten probabilities a_j = softmax(z)_j the network (a run's, or the build's trained one) gives one image of 784 grey levels in [0, 1]. */
export function classifyDigit(reader: DigitRun | Network, pixels: ArrayLike<number>): number[] {
  const network = "trainer" in reader ? reader.trainer.network : reader;
  const inputSize = network.sizes[0];
  if (pixels.length !== inputSize) throw new RangeError(`a digit has ${inputSize} pixels, got ${pixels.length}`);
  return Array.from(forward(network, pixels, 1));
}

/** Test digit `index` as the network's input: 784 grey levels in [0, 1]. */
export function readTestDigit(data: DigitData, index: number): Float64Array {
  const size = data.test.inputSize;
  return data.test.inputs.slice(index * size, (index + 1) * size);
}
