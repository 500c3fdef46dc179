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
export const checkScalarMlp: Checker = (scope) => {
  const before = checkScalarBackward(scope);
  if (!before.passed) return { passed: false, message: requireEarlier(before.message, "step 2, the backward cell") };
  for (const name of ["Neuron", "Layer", "MLP"]) {
    if (typeof scope[name] !== "function") return { passed: false, message: `define a class ${name} in this cell and run it` };
  }
  try {
    return checkMlp(scope.MLP as MlpClass, scope.backward as BackwardFunction);
  } catch (error) {
    return { passed: false, message: `your classes threw while being checked: ${describeThrow(error)}` };
  }
};

function checkMlp(MLP: MlpClass, backward: BackwardFunction): CheckResult {
  const mlp = new MLP(3, CHECK_SIZES);
  const { weights, biases } = countParameters(3, CHECK_SIZES);
  const structure = readStructure(mlp);
  if (typeof structure === "string") return { passed: false, message: structure };
  const listed = mlp.parameters();
  if (!Array.isArray(listed)) return { passed: false, message: `MLP(3, [4, 4, 1]).parameters() returned ${format(listed)}; return an array of every weight and bias Scalar.` };
  if (listed.length !== weights + biases) {
    const hint = listed.length === weights ? ": that is the weights only, add each neuron's bias b" : listed.length === 0 ? ": collect each layer's parameters, and each neuron's w and b" : "";
    return { passed: false, message: `MLP(3, [4, 4, 1]).parameters() has ${listed.length} entries, it should have ${weights + biases} (${weights} weights and ${biases} biases: 3·4 + 4·4 + 4·1 and 4 + 4 + 1)${hint}.` };
  }
  if (!listed.every(isScalarNode)) return { passed: false, message: "every entry of parameters() should be a Scalar (so training can read its grad and change its data), but some are not." };
  if (new Set(listed).size !== listed.length) return { passed: false, message: "parameters() lists the same Scalar twice; each weight and bias once." };
  const firstLayer = structure[0].flatMap((neuron) => neuron.w.map((w) => w.data));
  if (new Set(firstLayer).size === 1) {
    return { passed: false, message: `every weight of the first layer starts at ${format(firstLayer[0])}: then every neuron of a layer computes the same thing and gets the same gradient, so they stay identical forever. Draw each weight at random, e.g. random.uniform(-1, 1).` };
  }
  const output = mlp.call(INPUTS);
  const outputs = Array.isArray(output) ? output : [output];
  if (outputs.length !== 1 || !isScalarNode(outputs[0])) return { passed: false, message: `mlp.call([0.5, −1.2, 2]) returned ${format(output)}; return the last layer's outputs, an array holding one Scalar for MLP(3, [4, 4, 1]).` };
  const reference = buildReference(structure);
  const got = outputs[0];
  if (!close(got.data, reference.output.data)) return { passed: false, message: `mlp.call([0.5, −1.2, 2]) gave ${format(got.data)} but your own weights give ${format(reference.output.data)} with tanh(Σₖ wₖ xₖ + b) in every neuron${diagnoseForward(structure, got.data)}.` };
  backward(got);
  const biasNodes = structure.flat().map((neuron) => neuron.b);
  const biasIndices = listed.flatMap((parameter, i) => (biasNodes.includes(parameter as ScalarNode) ? [i] : []));
  if (biasIndices.every((i) => (listed[i] as ScalarNode).grad === 0) && biasIndices.some((i) => reference.parameters[i].grad !== 0)) {
    return { passed: false, message: "after backward every bias has grad 0: your neurons leave out the bias b, so it is not in the graph (it starts at 0, so the output alone could not show it). z = Σₖ wₖ·xₖ + b." };
  }
  const wrong = listed.findIndex((parameter, i) => !close((parameter as ScalarNode).grad, reference.parameters[i].grad));
  if (wrong >= 0) return { passed: false, message: `after backward, parameter ${wrong} has grad ${format((listed[wrong] as ScalarNode).grad)} but the engine gives ${format(reference.parameters[wrong].grad)}; parameters() should list each layer's neurons in order, each neuron's weights then its bias.` };
  return { passed: true, message: `MLP(3, [4, 4, 1]) has ${weights + biases} parameters, and its output and every parameter's gradient agree with the engine's Value to 1e-12. Next: train it.` };
}

// The reader's weights as plain arrays, layer by layer, neuron by neuron.
function readStructure(mlp: MlpLike): NeuronLike[][] | string {
  if (!Array.isArray(mlp.layers) || mlp.layers.length !== CHECK_SIZES.length) return `MLP(3, [4, 4, 1]).layers should be an array of ${CHECK_SIZES.length} Layers, one per entry of the sizes, but it is ${format(mlp.layers)}${Array.isArray(mlp.layers) ? ` of ${mlp.layers.length}` : ""}.`;
  const structure: NeuronLike[][] = [];
  let below = 3;
  for (const [l, layer] of mlp.layers.entries()) {
    if (!Array.isArray(layer?.neurons) || layer.neurons.length !== CHECK_SIZES[l]) return `layer ${l} of MLP(3, [4, 4, 1]) should have neurons: an array of ${CHECK_SIZES[l]} Neurons (Layer(inputs, outputs) makes one neuron per output).`;
    for (const neuron of layer.neurons) {
      if (!Array.isArray(neuron?.w) || neuron.w.length !== below || !neuron.w.every(isScalarNode) || !isScalarNode(neuron.b)) return `each neuron of layer ${l} should have w, an array of ${below} Scalar weights (one per input), and b, a Scalar bias.`;
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

function diagnoseForward(structure: NeuronLike[][], got: number): string {
  if (close(got, buildReference(structure, false).output.data)) return ": your neurons leave out the bias b";
  if (close(got, buildReference(structure, true, false).output.data)) return ": your neurons leave out tanh";
  return "";
}
