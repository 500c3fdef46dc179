/** The TeX the playground shows beside its plots: the model layer by layer, the loss, and the update rule, in the chapters' notation. */
import type { PlaygroundConfig } from "./config";
import { en } from "../../src/i18n/en";
import type { Strings } from "../../src/i18n/types";

const ACTIVATION_TEX: Record<PlaygroundConfig["activation"], (inner: string) => string> = {
  tanh: (inner) => `\\tanh(${inner})`,
  sigmoid: (inner) => `\\sigma(${inner})`,
  relu: (inner) => `\\operatorname{relu}(${inner})`,
  leakyRelu: (inner) => `\\operatorname{lrelu}(${inner})`,
  identity: (inner) => inner,
};

/** Plain names for the sentence that states the model. */
export const ACTIVATION_NAMES: Record<PlaygroundConfig["activation"], string> = {
  tanh: "tanh",
  sigmoid: "sigmoid σ",
  relu: "ReLU",
  leakyRelu: "leaky ReLU (slope 0.01 below 0)",
  identity: "identity (linear)",
};

/** Plain names of the losses. */
export const LOSS_NAMES: Record<PlaygroundConfig["loss"], string> = {
  squaredError: "squared error ½(t − y)²",
  binaryCrossEntropy: "cross-entropy −[t log y + (1 − t) log(1 − y)]",
};

/** Plain names of the optimizers. */
export const OPTIMIZER_NAMES: Record<PlaygroundConfig["optimizer"], string> = {
  gradientDescent: "gradient descent",
  momentum: "momentum",
  nesterov: "Nesterov momentum",
  adam: "Adam",
};

/** y = σ(W³a² + b³), a² = tanh(W²a¹ + b²), a¹ = tanh(W¹x + b¹) as one aligned TeX block, output first. */
export function writeModelTex(hidden: readonly number[], activation: PlaygroundConfig["activation"]): string {
  const L = hidden.length + 1;
  const below = (l: number) => (l === 1 ? "x" : `a^{${l - 1}}`);
  const lines = [`y &= \\sigma(W^{${L}} ${below(L)} + b^{${L}})`];
  for (let l = L - 1; l >= 1; l--) lines.push(`a^{${l}} &= ${ACTIVATION_TEX[activation](`W^{${l}} ${below(l)} + b^{${l}}`)}`);
  return `\\begin{aligned} ${lines.join(" \\\\ ")} \\end{aligned}`;
}

/** σ(z) = 1/(1 + e^{−z}) and each layer's shapes W^l ∈ ℝ^{n_l × n_{l−1}}, b^l ∈ ℝ^{n_l}, one per line. */
export function writeShapesTex(hidden: readonly number[]): string {
  const sizes = [2, ...hidden, 1];
  const shapes = sizes.slice(1).map((n, i) => `W^{${i + 1}} \\in \\mathbb{R}^{${n} \\times ${sizes[i]}},\\ b^{${i + 1}} \\in \\mathbb{R}^{${n}}`);
  return `\\begin{gathered} \\sigma(z) = \\frac{1}{1 + e^{-z}} \\\\ ${shapes.join(" \\\\ ")} \\end{gathered}`;
}

/** The loss averaged over a batch of B examples (plus the L2 penalty when λ > 0), then one example's E_n. */
export function writeLossTex(config: Pick<PlaygroundConfig, "loss" | "weightDecay">): string {
  const perExample = config.loss === "squaredError" ? "\\tfrac12 (t_n - y_n)^2" : "-\\bigl[t_n \\log y_n + (1 - t_n) \\log(1 - y_n)\\bigr]";
  const decay = config.weightDecay > 0 ? " + \\tfrac{\\lambda}{2} \\sum w^2" : "";
  return `\\begin{gathered} E = \\frac{1}{B} \\sum_{n=1}^{B} E_n${decay} \\\\ E_n = ${perExample} \\end{gathered}`;
}

/** The update the optimizer makes with the gradient ∇E (plus λw for weight decay). */
export function writeUpdateTex(config: Pick<PlaygroundConfig, "optimizer" | "weightDecay">): string {
  const gradient = config.weightDecay > 0 ? "(\\nabla E + \\lambda w)" : "\\nabla E";
  const update: Record<PlaygroundConfig["optimizer"], string> = {
    gradientDescent: `w \\leftarrow w - \\eta\\,${gradient}`,
    momentum: `\\Delta w \\leftarrow \\alpha\\,\\Delta w - \\eta\\,${gradient},\\quad w \\leftarrow w + \\Delta w`,
    nesterov: `\\Delta w \\leftarrow \\alpha\\,\\Delta w - \\eta\\,${gradient},\\quad w \\leftarrow w + \\alpha\\,\\Delta w - \\eta\\,${gradient}`,
    adam: `w \\leftarrow w - \\eta\\,\\hat m / (\\sqrt{\\hat s} + \\epsilon)`,
  };
  return update[config.optimizer];
}

/** The sentence that states the model beside the widget, e.g. "Model: a 2-4-4-1 network; hidden activation tanh, …". */
export function describeModel(config: PlaygroundConfig, batchSize: number, trainCount: number, s: Strings = en): string {
  const sizes = [2, ...config.hidden, 1].join("-");
  const batch = batchSize >= trainCount ? s.pgFullBatch({ count: trainCount }) : s.pgBatch({ size: batchSize });
  const momentum = config.optimizer === "momentum" || config.optimizer === "nesterov" ? s.pgMomentumPart({ alpha: config.momentum }) : "";
  return s.pgModel({
    sizes, activation: s.pgActivationName({ name: ACTIVATION_NAMES[config.activation] }), loss: s.pgLossName({ name: LOSS_NAMES[config.loss] }),
    optimizer: s.pgOptimizerName({ name: OPTIMIZER_NAMES[config.optimizer] }), eta: config.learningRate, momentum, lambda: config.weightDecay, batch, seed: config.seed,
  });
}

/** The four formulas shown beside the plots, by the name of the box each goes in. */
export function writeFormulas(config: PlaygroundConfig): [name: string, tex: string][] {
  return [
    ["model", writeModelTex(config.hidden, config.activation)],
    ["shapes", writeShapesTex(config.hidden)],
    ["loss", writeLossTex(config)],
    ["update", writeUpdateTex(config)],
  ];
}
