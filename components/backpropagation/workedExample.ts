/**
 * The chapter's 2-2-2 worked example as data: every number the page shows, each with the formula
 * that produced it and that formula with the values put in. The numbers come from the engine's
 * forward and backward passes on a sigmoid network with E = Σ ½(t − y)²; the same function runs
 * at build time (saved page) and in the browser (when the reader edits a value).
 */
import { backward, createNetwork, forward, setBias, setWeight, type Network } from "../../src/engine/index.ts";
import { WEIGHT_ROLES, type ExampleRecords, type ExampleSetup } from "./workedExampleSetup";
import { formatExampleNumber, formatSetValue } from "./exampleNumberText";

/** Where each weight wn sits in the engine: W[l][j][k] with units counted from 0 (w1 = i1→h1, w2 = i2→h1, …). */
export const WEIGHT_PLACES: Readonly<Record<string, readonly [number, number, number]>> = {
  w1: [1, 0, 0], w2: [1, 0, 1], w3: [1, 1, 0], w4: [1, 1, 1],
  w5: [2, 0, 0], w6: [2, 0, 1], w7: [2, 1, 0], w8: [2, 1, 1],
};

/** Writes a number for a substituted formula: short values as typed, others to 9 digits, negatives in parentheses. */
function show(value: number): string {
  const short = formatSetValue(value);
  const text = short.length <= 11 ? short : formatExampleNumber(value);
  return value < 0 ? `(${text})` : text;
}

/** Builds the engine's 2-2-2 sigmoid network with squared error and the setup's weights and biases. */
export function buildExampleNetwork(setup: ExampleSetup): Network {
  const network = createNetwork({ sizes: [2, 2, 2], hiddenActivation: "sigmoid", outputActivation: "sigmoid", loss: "squaredError", init: "zeros" });
  for (const name of WEIGHT_ROLES) {
    const [l, j, k] = WEIGHT_PLACES[name];
    setWeight(network, l, j, k, setup[name]);
  }
  for (const j of [0, 1]) {
    setBias(network, 1, j, setup.b1);
    setBias(network, 2, j, setup.b2);
  }
  return network;
}

/** Runs the engine once on the setup and returns every number with its formula; the hidden deltas use the weights before the update. */
export function computeExample(setup: ExampleSetup): ExampleRecords {
  const network = buildExampleNetwork(setup);
  forward(network, [setup.x1, setup.x2]);
  const totalError = backward(network, [setup.t1, setup.t2]);
  const [hidden, output] = network.layers;
  const records: ExampleRecords = {};
  const put = (name: string, value: number, formula: string, substituted: string) => {
    records[name] = { value, formula, substituted };
  };
  const { x1, x2, t1, t2, b1, b2, learningRate } = setup;

  // Forward: z = w·a + b, then a = σ(z).
  const hiddenWeights = [[setup.w1, setup.w2], [setup.w3, setup.w4]];
  const hiddenNames = [["w1", "w2"], ["w3", "w4"]];
  for (const j of [0, 1]) {
    const unit = `h${j + 1}`;
    const [wa, wb] = hiddenWeights[j];
    const [na, nb] = hiddenNames[j];
    put(`z_${unit}`, hidden.z[j], `z_${unit} = ${na}·x1 + ${nb}·x2 + b1`, `${show(wa)}·${show(x1)} + ${show(wb)}·${show(x2)} + ${show(b1)}`);
    put(`a_${unit}`, hidden.a[j], `a_${unit} = σ(z_${unit}) = 1 / (1 + e^(−z_${unit}))`, `1 / (1 + e^(−${show(hidden.z[j])}))`);
  }
  const outputWeights = [[setup.w5, setup.w6], [setup.w7, setup.w8]];
  const outputNames = [["w5", "w6"], ["w7", "w8"]];
  const [ah1, ah2] = [hidden.a[0], hidden.a[1]];
  for (const j of [0, 1]) {
    const unit = `o${j + 1}`;
    const [wa, wb] = outputWeights[j];
    const [na, nb] = outputNames[j];
    put(`z_${unit}`, output.z[j], `z_${unit} = ${na}·a_h1 + ${nb}·a_h2 + b2`, `${show(wa)}·${show(ah1)} + ${show(wb)}·${show(ah2)} + ${show(b2)}`);
    put(`a_${unit}`, output.a[j], `y${j + 1} = a_${unit} = σ(z_${unit})`, `1 / (1 + e^(−${show(output.z[j])}))`);
  }

  // The error of each output and in total; the total is the engine's own loss.
  const targets = [t1, t2];
  for (const j of [0, 1]) {
    const y = output.a[j];
    put(`E_o${j + 1}`, 0.5 * (targets[j] - y) ** 2, `E_o${j + 1} = ½ (t${j + 1} − y${j + 1})²`, `½ (${show(targets[j])} − ${show(y)})²`);
  }
  put("E", totalError, "E = E_o1 + E_o2", `${show(records.E_o1.value)} + ${show(records.E_o2.value)}`);

  // Output deltas (equation bp1) from the engine, with the two factors shown separately.
  for (const j of [0, 1]) {
    const unit = `o${j + 1}`;
    const y = output.a[j];
    put(`dEda_${unit}`, y - targets[j], `∂E/∂y${j + 1} = y${j + 1} − t${j + 1}`, `${show(y)} − ${show(targets[j])}`);
    put(`slope_${unit}`, y * (1 - y), `σ′(z_${unit}) = y${j + 1}(1 − y${j + 1})`, `${show(y)}·(1 − ${show(y)})`);
    put(`delta_${unit}`, output.delta[j], `δ_${unit} = (y${j + 1} − t${j + 1})·σ′(z_${unit})`, `${show(y - targets[j])}·${show(y * (1 - y))}`);
  }

  // Hidden deltas (equation bp2): the errors ahead, weighted by the weights before the update.
  const [dO1, dO2] = [output.delta[0], output.delta[1]];
  const backNames = [["w5", "w7"], ["w6", "w8"]];
  const backWeights = [[setup.w5, setup.w7], [setup.w6, setup.w8]];
  for (const k of [0, 1]) {
    const unit = `h${k + 1}`;
    const a = hidden.a[k];
    const [wa, wb] = backWeights[k];
    const [na, nb] = backNames[k];
    const sum = wa * dO1 + wb * dO2;
    put(`back_${unit}`, sum, `∂E/∂a_${unit} = ${na}·δ_o1 + ${nb}·δ_o2`, `${show(wa)}·${show(dO1)} + ${show(wb)}·${show(dO2)}`);
    put(`slope_${unit}`, a * (1 - a), `σ′(z_${unit}) = a_${unit}(1 − a_${unit})`, `${show(a)}·(1 − ${show(a)})`);
    put(`delta_${unit}`, hidden.delta[k], `δ_${unit} = (${na}·δ_o1 + ${nb}·δ_o2)·a_${unit}(1 − a_${unit})`, `${show(sum)}·${show(a * (1 - a))}`);
  }

  // Weight gradients (equation bp4) are the engine's, and the update w ← w − η ∂E/∂w uses them.
  const sources: Record<string, [string, number, string, number]> = {
    w1: ["δ_h1", hidden.delta[0], "x1", x1], w2: ["δ_h1", hidden.delta[0], "x2", x2],
    w3: ["δ_h2", hidden.delta[1], "x1", x1], w4: ["δ_h2", hidden.delta[1], "x2", x2],
    w5: ["δ_o1", dO1, "a_h1", ah1], w6: ["δ_o1", dO1, "a_h2", ah2],
    w7: ["δ_o2", dO2, "a_h1", ah1], w8: ["δ_o2", dO2, "a_h2", ah2],
  };
  const updated: Record<string, number> = {};
  for (const name of WEIGHT_ROLES) {
    const [l, j, k] = WEIGHT_PLACES[name];
    const layer = network.layers[l - 1];
    const gradient = layer.weightGradient[j * layer.inputSize + k];
    const [deltaName, delta, inputName, input] = sources[name];
    put(`w_${name}`, setup[name], `${name}`, "as you set it");
    put(`grad_${name}`, gradient, `∂E/∂${name} = ${deltaName}·${inputName}`, `${show(delta)}·${show(input)}`);
    updated[name] = setup[name] - learningRate * gradient;
    put(`new_${name}`, updated[name], `${name}⁺ = ${name} − η·∂E/∂${name}`, `${show(setup[name])} − ${show(learningRate)}·${show(gradient)}`);
  }

  // The same input once more, through the updated weights (biases held fixed).
  const after = buildExampleNetwork({ ...setup, ...updated });
  forward(after, [x1, x2]);
  const errorAfter = backward(after, [t1, t2]);
  put("E_after", errorAfter, "E⁺ = ½(t1 − y1⁺)² + ½(t2 − y2⁺)² with the updated weights", `½ (${show(t1)} − ${show(after.layers[1].a[0])})² + ½ (${show(t2)} − ${show(after.layers[1].a[1])})²`);
  put("E_drop", totalError - errorAfter, "E − E⁺", `${show(totalError)} − ${show(errorAfter)}`);
  return records;
}

/** The error and outputs after a number of gradient-descent steps on the example's one input. */
export interface TrainingCheckpoint {
  step: number;
  error: number;
  y1: number;
  y2: number;
}

/** The steps at which the chapter's table reports the error. */
export const TABLE_STEPS = [0, 1, 10, 100, 1000, 10000] as const;

/** A resumable run of gradient descent on the weights (biases held fixed), so a page can spread it over frames. */
export interface ExampleTrainer {
  /** The step count reached so far. */
  readonly step: number;
  /** Runs up to `steps` more steps (stopping at `lastStep`); returns the checkpoints passed. */
  advance(steps: number): TrainingCheckpoint[];
  /** True once `lastStep` steps have run. */
  readonly done: boolean;
}

/** True for the steps worth plotting: the table's steps, every step up to 10, then ten per decade (20, 30, …, 200, 300, …). */
export function isCheckpoint(step: number): boolean {
  if (step <= 10 || (TABLE_STEPS as readonly number[]).includes(step)) return true;
  const stride = 10 ** (Math.floor(Math.log10(step)) - 1) * 10;
  return step % (stride / 10 >= 1 ? stride : 10) === 0;
}

/** Starts gradient descent w ← w − η ∂E/∂w on the example, checkpointing step 0 at once. */
export function createExampleTrainer(setup: ExampleSetup, lastStep: number = TABLE_STEPS[TABLE_STEPS.length - 1]): ExampleTrainer {
  const network = buildExampleNetwork(setup);
  const inputs = [setup.x1, setup.x2];
  const targets = [setup.t1, setup.t2];
  let step = 0;
  const measure = (): TrainingCheckpoint => {
    const y = forward(network, inputs);
    const error = backward(network, targets);
    return { step, error, y1: y[0], y2: y[1] };
  };
  let current = measure();
  const first = [current];
  let pending: TrainingCheckpoint[] | undefined = first;
  return {
    get step() {
      return step;
    },
    get done() {
      return step >= lastStep;
    },
    advance(steps: number): TrainingCheckpoint[] {
      const passed = pending ?? [];
      pending = undefined;
      const stop = Math.min(lastStep, step + steps);
      while (step < stop) {
        // `current` came from a forward and backward pass on these weights, so the gradients are fresh.
        for (const layer of network.layers) {
          for (let i = 0; i < layer.weights.length; i++) layer.weights[i] -= setup.learningRate * layer.weightGradient[i];
        }
        step++;
        current = measure();
        if (isCheckpoint(step)) passed.push(current);
      }
      return passed;
    },
  };
}

/** Runs the whole trainer at once (for the build) and returns its checkpoints. */
export function trainExample(setup: ExampleSetup, lastStep?: number): TrainingCheckpoint[] {
  const trainer = createExampleTrainer(setup, lastStep);
  return trainer.advance(Number.MAX_SAFE_INTEGER);
}
