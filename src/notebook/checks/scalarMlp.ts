/**
 * Checks step 4 of the "your own autograd" chapter: the reader's `Neuron`, `Layer` and `MLP` on
 * their own Scalar. The network is rebuilt with the engine's `Value` from the reader's own weights
 * (read through `layers`, `neurons`, `w` and `b`), and its output and every parameter's gradient
 * must agree to 1e-12; a wrong count of parameters or a missing bias or tanh is named.
 */
import { Value } from "../../engine/index";
import type { Checker, CheckResult } from "./types";
import { checkScalarBackward } from "./scalarBackward";
import { requireEarlier, close, describeThrow, format, isScalarNode, type BackwardFunction, type ScalarNode } from "./scalarCommon";
import { en } from "../../i18n/en";
import type { Strings } from "../../i18n/types";

/** The reader's classes as the checker reads them. */
export interface NeuronLike {
  w: ScalarNode[];
  b: ScalarNode;
}
interface LayerLike {
  neurons: NeuronLike[];
}
/** An MLP: its layers, a forward call and its parameter list. */
export interface MlpLike {
  layers: LayerLike[];
  call(x: (ScalarNode | number)[]): unknown;
  parameters(): unknown;
}
/** `new MLP(inputs, sizes)`. */
export type MlpClass = new (inputs: number, sizes: number[]) => MlpLike;

/** The network the checker builds: 3 inputs, two hidden layers of 4, one output (41 parameters). */
export const CHECK_SIZES = [4, 4, 1];
const INPUTS = [0.5, -1.2, 2];

/** Number of weights and biases of an MLP with `inputs` inputs and layers of `sizes` units. */
export function countParameters(inputs: number, sizes: readonly number[]): { weights: number; biases: number } {
  let weights = 0;
  let below = inputs;
  for (const size of sizes) {
    weights += size * below;
    below = size;
  }
  return { weights, biases: sizes.reduce((sum, size) => sum + size, 0) };
}

/** Passes when MLP(3, [4, 4, 1]) has 41 distinct Scalar parameters and matches the engine in its output and every gradient. */
export const checkScalarMlp: Checker = (scope, s = en) => {
  const before = checkScalarBackward(scope, s);
  if (!before.passed) return { passed: false, message: requireEarlier(before.message, s.scalarStep2, s) };
  for (const name of ["Neuron", "Layer", "MLP"]) {
    if (typeof scope[name] !== "function") return { passed: false, message: s.mlpDefine({ name }) };
  }
  try {
    return checkMlp(scope.MLP as MlpClass, scope.backward as BackwardFunction, s);
  } catch (error) {
    return { passed: false, message: s.mlpThrew({ error: describeThrow(error, s) }) };
  }
};

function checkMlp(MLP: MlpClass, backward: BackwardFunction, s: Strings): CheckResult {
  const mlp = new MLP(3, CHECK_SIZES);
  const { weights, biases } = countParameters(3, CHECK_SIZES);
  const structure = readStructure(mlp, s);
  if (typeof structure === "string") return { passed: false, message: structure };
  const listed = mlp.parameters();
  if (!Array.isArray(listed)) return { passed: false, message: s.mlpParametersNotArray({ got: format(listed) }) };
  if (listed.length !== weights + biases) {
    const hint = listed.length === weights ? s.mlpWeightsOnly : listed.length === 0 ? s.mlpCollectAll : "";
    return { passed: false, message: s.mlpParameterCount({ got: listed.length, expected: weights + biases, weights, biases, hint }) };
  }
  if (!listed.every(isScalarNode)) return { passed: false, message: s.mlpNotScalars };
  if (new Set(listed).size !== listed.length) return { passed: false, message: s.mlpListedTwice };
  const firstLayer = structure[0].flatMap((neuron) => neuron.w.map((w) => w.data));
  if (new Set(firstLayer).size === 1) {
    return { passed: false, message: s.mlpSymmetric({ value: format(firstLayer[0]) }) };
  }
  const output = mlp.call(INPUTS);
  const outputs = Array.isArray(output) ? output : [output];
  if (outputs.length !== 1 || !isScalarNode(outputs[0])) return { passed: false, message: s.mlpOutputShape({ got: format(output) }) };
  const reference = buildReference(structure);
  const got = outputs[0];
  if (!close(got.data, reference.output.data)) return { passed: false, message: s.mlpOutputWrong({ got: format(got.data), expected: format(reference.output.data), why: diagnoseForward(structure, got.data, s) }) };
  backward(got);
  const biasNodes = structure.flat().map((neuron) => neuron.b);
  const biasIndices = listed.flatMap((parameter, i) => (biasNodes.includes(parameter as ScalarNode) ? [i] : []));
  if (biasIndices.every((i) => (listed[i] as ScalarNode).grad === 0) && biasIndices.some((i) => reference.parameters[i].grad !== 0)) {
    return { passed: false, message: s.mlpNoBiasGrad };
  }
  const wrong = listed.findIndex((parameter, i) => !close((parameter as ScalarNode).grad, reference.parameters[i].grad));
  if (wrong >= 0) return { passed: false, message: s.mlpGradWrong({ index: wrong, got: format((listed[wrong] as ScalarNode).grad), expected: format(reference.parameters[wrong].grad) }) };
  return { passed: true, message: s.mlpPassed({ count: weights + biases }) };
}

// The reader's weights as plain arrays, layer by layer, neuron by neuron.
function readStructure(mlp: MlpLike, s: Strings): NeuronLike[][] | string {
  if (!Array.isArray(mlp.layers) || mlp.layers.length !== CHECK_SIZES.length) {
    const got = format(mlp.layers) + (Array.isArray(mlp.layers) ? s.mlpArrayOf({ length: mlp.layers.length }) : "");
    return s.mlpLayersShape({ expected: CHECK_SIZES.length, got });
  }
  const structure: NeuronLike[][] = [];
  let below = 3;
  for (const [l, layer] of mlp.layers.entries()) {
    if (!Array.isArray(layer?.neurons) || layer.neurons.length !== CHECK_SIZES[l]) return s.mlpNeuronsShape({ layer: l, expected: CHECK_SIZES[l] });
    for (const neuron of layer.neurons) {
      if (!Array.isArray(neuron?.w) || neuron.w.length !== below || !neuron.w.every(isScalarNode) || !isScalarNode(neuron.b)) return s.mlpNeuronShape({ layer: l, inputs: below });
    }
    structure.push(layer.neurons);
    below = CHECK_SIZES[l];
  }
  return structure;
}

/** The same network with the engine's Value, from the reader's numbers; `parameters` in the order weights then bias per neuron. */
function buildReference(structure: NeuronLike[][], withBias = true, withTanh = true): { output: Value; parameters: Value[] } {
  const parameters: Value[] = [];
  let activations: Value[] = INPUTS.map((x) => new Value(x));
  for (const layer of structure) {
    activations = layer.map((neuron) => {
      const w = neuron.w.map((weight) => new Value(weight.data));
      const b = new Value(neuron.b.data);
      parameters.push(...w, b);
      const sum = w.reduce((total, weight, k) => total.add(weight.mul(activations[k])), withBias ? b : new Value(0));
      return withTanh ? sum.tanh() : sum;
    });
  }
  activations[0].backward();
  return { output: activations[0], parameters };
}

function diagnoseForward(structure: NeuronLike[][], got: number, s: Strings): string {
  if (close(got, buildReference(structure, false).output.data)) return s.mlpNoBias;
  if (close(got, buildReference(structure, true, false).output.data)) return s.mlpNoTanh;
  return "";
}
