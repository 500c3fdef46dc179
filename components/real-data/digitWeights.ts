/**
 * The build's trained digit network as a small file the page loads on the reader's first touch, so
 * the pad reads with a trained network before the reader trains their own.
 *
 * Each layer's weights are stored as 8-bit integers times one scale per layer (max |w| / 127), the
 * biases as float32: 24,000 bytes for 784-30-10 instead of 95,440 as float32. On the build's default
 * run this changes none of the 2,000 test answers nor the 8,000 training ones (measured against the
 * float64 weights; float16 changed none either but takes twice the bytes; one scale per hidden unit
 * changed two test answers). The file also carries how many test digits these very weights read
 * right, measured by the build, so the page states the accuracy of the network it actually uses.
 *
 * Layout (little-endian): "DGW1", u16 hidden units, u8 activation (index in DIGIT_ACTIVATIONS),
 * u8 0, u16 test digits read right, u16 test digits; then per layer: f32 scale, outputs × inputs
 * int8 weights (row-major, as the engine stores W), outputs f32 biases.
 */
import { createNetwork, forward, type Dataset, type Network } from "../../src/engine/index";
import { DIGIT_ACTIVATIONS, type DigitActivation } from "./digitSettings";

const MAGIC = "DGW1";
const HEADER_BYTES = 12;
const INPUTS = 784;
const OUTPUTS = 10;

/** A trained 784-n-10 network and its accuracy on the test digits. */
export interface TrainedDigitNetwork {
  network: Network;
  activation: DigitActivation;
  /** Test digits these weights read right, of `testCount`. */
  correct: number;
  testCount: number;
}

/** A network of the digit widget's shape (softmax output, cross-entropy) with every weight 0, to be filled. */
function createEmptyNetwork(hiddenUnits: number, activation: DigitActivation): Network {
  return createNetwork({ sizes: [INPUTS, hiddenUnits, OUTPUTS], hiddenActivation: activation, outputActivation: "softmax", loss: "softmaxCrossEntropy", init: "zeros" });
}

/** The weights rounded to the file's 8 bits: the scale and the integers. */
function quantise(weights: Float64Array): { scale: number; levels: Int8Array } {
  let largest = 0;
  for (const w of weights) largest = Math.max(largest, Math.abs(w));
  const scale = Math.fround(largest / 127) || 1;
  return { scale, levels: Int8Array.from(weights, (w) => Math.round(w / scale)) };
}

/** How many of `test`'s digits `network` reads right (the largest of the ten probabilities is the label). */
export function countCorrect(network: Network, test: Dataset): number {
  const probabilities = forward(network, test.inputs, test.count);
  let correct = 0;
  for (let b = 0; b < test.count; b++) {
    let predicted = 0;
    let label = 0;
    for (let j = 1; j < OUTPUTS; j++) {
      if (probabilities[b * OUTPUTS + j] > probabilities[b * OUTPUTS + predicted]) predicted = j;
      if (test.targets[b * OUTPUTS + j] > test.targets[b * OUTPUTS + label]) label = j;
    }
    if (predicted === label) correct++;
  }
  return correct;
}

function layerBytes(inputSize: number, outputSize: number): number {
  return 4 + inputSize * outputSize + 4 * outputSize;
}

/** The bytes of the file for `network`, with its measured accuracy on `test` (of the stored, rounded weights). */
export function encodeDigitWeights(network: Network, activation: DigitActivation, test: Dataset): Uint8Array {
  const hidden = network.sizes[1];
  if (network.sizes.length !== 3 || network.sizes[0] !== INPUTS || network.sizes[2] !== OUTPUTS) throw new RangeError(`the digit weights file holds a 784-n-10 network, got ${network.sizes.join("-")}`);
  const bytes = new Uint8Array(HEADER_BYTES + layerBytes(INPUTS, hidden) + layerBytes(hidden, OUTPUTS));
  const view = new DataView(bytes.buffer);
  bytes.set(Array.from(MAGIC, (c) => c.charCodeAt(0)), 0);
  view.setUint16(4, hidden, true);
  view.setUint8(6, DIGIT_ACTIVATIONS.indexOf(activation));
  let at = HEADER_BYTES;
  for (const layer of network.layers) {
    const { scale, levels } = quantise(layer.weights);
    view.setFloat32(at, scale, true);
    bytes.set(new Uint8Array(levels.buffer), at + 4);
    at += 4 + levels.length;
    for (const b of layer.biases) {
      view.setFloat32(at, b, true);
      at += 4;
    }
  }
  // The accuracy stated is that of the weights as stored, so it is measured on the decoded file.
  const stored = decodeDigitWeights(bytes).network;
  view.setUint16(8, countCorrect(stored, test), true);
  view.setUint16(10, test.count, true);
  return bytes;
}

/** The network in a weights file; throws a sentence naming what is wrong with a damaged one. */
export function decodeDigitWeights(bytes: Uint8Array): TrainedDigitNetwork {
  const magic = String.fromCharCode(...bytes.subarray(0, 4));
  if (bytes.length < HEADER_BYTES || magic !== MAGIC) throw new Error(`the file does not start with "${MAGIC}" (${bytes.length} bytes)`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const hidden = view.getUint16(4, true);
  const activation = DIGIT_ACTIVATIONS[view.getUint8(6)];
  const expected = HEADER_BYTES + layerBytes(INPUTS, hidden) + layerBytes(hidden, OUTPUTS);
  if (!activation || hidden < 1 || bytes.length !== expected) throw new Error(`the file is damaged: ${bytes.length} bytes where a 784-${hidden}-10 network takes ${expected}`);
  const network = createEmptyNetwork(hidden, activation);
  let at = HEADER_BYTES;
  for (const layer of network.layers) {
    const scale = view.getFloat32(at, true);
    const levels = new Int8Array(bytes.buffer, bytes.byteOffset + at + 4, layer.weights.length);
    for (let i = 0; i < levels.length; i++) layer.weights[i] = levels[i] * scale;
    at += 4 + levels.length;
    for (let j = 0; j < layer.biases.length; j++) {
      layer.biases[j] = view.getFloat32(at, true);
      at += 4;
    }
  }
  return { network, activation, correct: view.getUint16(8, true), testCount: view.getUint16(10, true) };
}
