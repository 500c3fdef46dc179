/** The engine's only entry point: widgets, chapters and readers' cells import from here (see README.md). */
export { Value, toValue, sortTopologically } from "./value";
export type { Operand } from "./value";
export { traceGraph, countLocalDerivatives } from "./graph";
export type { GraphNode, GraphEdge, BackwardStep, BackwardEdgeStep, TracedGraph, DerivativeCounts } from "./graph";
export { Random, createRandom } from "./random";
export { ACTIVATIONS, LEAKY_SLOPE, activate, multiplyByDerivative, tanh } from "./activations";
export type { ActivationName } from "./activations";
export { LOSSES, measureLoss } from "./losses";
export type { LossName } from "./losses";
export {
  MAX_UNITS, MAX_LAYERS, INITIALISATIONS, createNetwork, forward, backward,
  getWeight, setWeight, getBias, setBias, listParameters,
} from "./network";
export type { Network, Layer, NetworkOptions, InitName } from "./network";
export { OPTIMIZERS, createOptimizer, applyOptimizer, resetOptimizer } from "./optimizers";
export type { Optimizer, OptimizerOptions, OptimizerKind } from "./optimizers";
export { createTrainer, trainStep, evaluate, predict, measureAccuracy } from "./training";
export type { Trainer, TrainerOptions, StepResult } from "./training";
export { createPerceptron, perceptronWeightedInput, predictPerceptron, perceptronUpdate, trainPerceptron } from "./perceptron";
export type { Perceptron, PerceptronTraining } from "./perceptron";
export { DATASETS, MAX_EXAMPLES, makeDataset, splitDataset, selectExamples } from "./datasets";
export type { Dataset, DatasetName, DatasetOptions } from "./datasets";
export { checkGradient, checkNetworkGradient } from "./gradientCheck";
export type { GradientCheck, GradientCheckOptions, ParameterLocation } from "./gradientCheck";
export { MAX_RESOLUTION, evaluateGrid, evaluateLossSurface, fastTanh } from "./grid";
export type { GridBox, GridOptions } from "./grid";
