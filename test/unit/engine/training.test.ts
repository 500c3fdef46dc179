import { describe, expect, it } from "vitest";
import {
  createNetwork, createOptimizer, createRandom, createTrainer, evaluate, makeDataset, setBias, setWeight, trainStep,
  type DatasetName, type Network, type OptimizerKind,
} from "../../../src/engine/index";

/** The bench's standard network: 2-8-8-1, tanh hidden, sigmoid output, cross-entropy from logits, Glorot-uniform. */
function makeStandardNetwork(seed: number): Network {
  return createNetwork({ sizes: [2, 8, 8, 1], hiddenActivation: "tanh", outputActivation: "sigmoid", loss: "binaryCrossEntropy", init: "glorotUniform", random: createRandom(seed) });
}

describe("training a 2-8-8-1 MLP to ≥ 97% training accuracy", () => {
  // Step budgets (full batch, Adam, η = 0.03): the runs need about 100, 100 and 1,100 steps; the budgets leave 3–10× room.
  const budgets: [DatasetName, number, number][] = [["xor", 4, 1000], ["circles", 200, 1000], ["spiral", 400, 4000]];
  for (const [name, count, budget] of budgets) {
    it(`${name} within ${budget} steps`, () => {
      const random = createRandom(1);
      const dataset = makeDataset(name, { count, random });
      const network = makeStandardNetwork(2);
      const trainer = createTrainer({ network, optimizer: createOptimizer({ kind: "adam", learningRate: 0.03 }), dataset });
      const before = evaluate(network, dataset).accuracy!;
      let steps = 0;
      while (steps < budget && !(steps % 50 === 0 && evaluate(network, dataset).accuracy! >= 0.97)) {
        expect(trainStep(trainer).diverged).toBe(false);
        steps++;
      }
      expect(evaluate(network, dataset).accuracy).toBeGreaterThanOrEqual(0.97);
      if (name !== "xor") expect(before).toBeLessThan(0.9);
    });
  }

  it("XOR one example at a time and in mini-batches", () => {
    for (const batchSize of [1, 2]) {
      const dataset = makeDataset("xor");
      const network = makeStandardNetwork(3);
      const trainer = createTrainer({ network, optimizer: createOptimizer({ kind: "momentum", learningRate: 0.1, momentum: 0.9 }), dataset, batchSize, random: createRandom(4) });
      for (let step = 0; step < 2000; step++) trainStep(trainer);
      expect(evaluate(network, dataset).accuracy).toBe(1);
      expect(trainer.epochs).toBe(Math.floor((2000 * batchSize - 1) / 4));
    }
  });
});

describe("determinism", () => {
  it("the same seed gives bit-identical weights after 100 mini-batch steps", () => {
    const run = (seed: number) => {
      const random = createRandom(seed);
      const dataset = makeDataset("moons", { random });
      const network = makeStandardNetwork(seed);
      const trainer = createTrainer({ network, optimizer: createOptimizer({ kind: "adam", learningRate: 0.01 }), dataset, batchSize: 10, random });
      for (let step = 0; step < 100; step++) trainStep(trainer);
      return network.layers.flatMap((layer) => [...layer.weights, ...layer.biases]);
    };
    const first = run(11);
    expect(run(11)).toEqual(first); // toEqual on numbers is Object.is: bit-identical, NaN-aware
    expect(run(12)).not.toEqual(first);
  });
});

describe("optimizers follow their update rules", () => {
  // E = ½(w·x + b − t)² on one example, with the updates written out from the formulas.
  const x = 1.5, t = 2;
  function reference(kind: OptimizerKind, steps: number, eta: number, alpha: number, lambda: number) {
    let w = 0.3, b = -0.1, vw = 0, vb = 0, sw = 0, sb = 0;
    for (let n = 1; n <= steps; n++) {
      const error = w * x + b - t;
      const gw = error * x + lambda * w; // weight decay acts on weights only
      const gb = error;
      if (kind === "gradientDescent") { w -= eta * gw; b -= eta * gb; }
      if (kind === "momentum") { vw = alpha * vw - eta * gw; vb = alpha * vb - eta * gb; w += vw; b += vb; }
      if (kind === "nesterov") { vw = alpha * vw - eta * gw; vb = alpha * vb - eta * gb; w += alpha * vw - eta * gw; b += alpha * vb - eta * gb; }
      if (kind === "adam") {
        vw = 0.9 * vw + 0.1 * gw; vb = 0.9 * vb + 0.1 * gb;
        sw = 0.999 * sw + 0.001 * gw * gw; sb = 0.999 * sb + 0.001 * gb * gb;
        w -= (eta * vw / (1 - 0.9 ** n)) / (Math.sqrt(sw / (1 - 0.999 ** n)) + 1e-8);
        b -= (eta * vb / (1 - 0.9 ** n)) / (Math.sqrt(sb / (1 - 0.999 ** n)) + 1e-8);
      }
    }
    return [w, b];
  }
  for (const kind of ["gradientDescent", "momentum", "nesterov", "adam"] as const) {
    it(`${kind} with weight decay`, () => {
      const network = createNetwork({ sizes: [1, 1], outputActivation: "identity", loss: "squaredError", init: "zeros" });
      setWeight(network, 1, 0, 0, 0.3);
      setBias(network, 1, 0, -0.1);
      const dataset = { name: "one", count: 1, inputSize: 1, outputSize: 1, inputs: new Float64Array([x]), targets: new Float64Array([t]) };
      const trainer = createTrainer({ network, dataset, optimizer: createOptimizer({ kind, learningRate: 0.05, momentum: 0.8, weightDecay: 0.1 }) });
      for (let step = 0; step < 5; step++) trainStep(trainer);
      const [w, b] = reference(kind, 5, 0.05, 0.8, 0.1);
      expect(network.layers[0].weights[0]).toBeCloseTo(w, 14);
      expect(network.layers[0].biases[0]).toBeCloseTo(b, 14);
    });
  }

  it("rejects bad settings with what was given and what is allowed", () => {
    expect(() => createOptimizer({ kind: "gradientDescent", learningRate: -0.1 })).toThrow(/learningRate -0.1 is not allowed; allowed: 0 ≤ learningRate < Infinity/);
    expect(() => createOptimizer({ kind: "gradientDescent", learningRate: NaN })).toThrow(RangeError);
    expect(() => createOptimizer({ kind: "gradientDescent", learningRate: Infinity })).toThrow(RangeError);
    expect(() => createOptimizer({ kind: "momentum", learningRate: 0.1, momentum: 1 })).toThrow(/momentum 1 is not allowed; allowed: 0 ≤ momentum < 1/);
    expect(() => createOptimizer({ kind: "momentum", learningRate: 0.1, momentum: -0.5 })).toThrow(RangeError);
    expect(() => createOptimizer({ kind: "rmsprop" as OptimizerKind, learningRate: 0.1 })).toThrow(/unknown optimizer kind "rmsprop"; allowed: gradientDescent, momentum, nesterov, adam/);
  });
});

describe("divergence", () => {
  it("a NaN loss sets diverged and leaves the weights alone", () => {
    const network = makeStandardNetwork(1);
    const dataset = makeDataset("xor");
    dataset.targets[2] = NaN;
    const trainer = createTrainer({ network, optimizer: createOptimizer({ kind: "gradientDescent", learningRate: 0.1 }), dataset });
    const before = network.layers.map((layer) => Array.from(layer.weights));
    const result = trainStep(trainer);
    expect(result.diverged).toBe(true);
    expect(network.layers.map((layer) => Array.from(layer.weights))).toEqual(before);
  });

  it("a huge learning rate diverges without ever writing NaN into the weights", () => {
    const random = createRandom(3);
    const dataset = makeDataset("sine", { random });
    const network = createNetwork({ sizes: [1, 8, 1], hiddenActivation: "relu", outputActivation: "identity", loss: "squaredError", init: "he", random });
    const trainer = createTrainer({ network, optimizer: createOptimizer({ kind: "gradientDescent", learningRate: 1e3 }), dataset });
    let diverged = false;
    for (let step = 0; step < 200 && !diverged; step++) diverged = trainStep(trainer).diverged;
    expect(diverged).toBe(true);
    for (const layer of network.layers) expect(layer.weights.every((w) => !Number.isNaN(w))).toBe(true);
  });
});

describe("a training step", () => {
  it("reports loss and accuracy of the batch, and NaN accuracy for regression", () => {
    const network = makeStandardNetwork(1);
    const dataset = makeDataset("xor");
    const trainer = createTrainer({ network, optimizer: createOptimizer({ kind: "gradientDescent", learningRate: 0 }), dataset });
    const { loss, accuracy } = trainStep(trainer);
    expect(loss).toBeCloseTo(evaluate(network, dataset).loss, 14);
    expect(accuracy).toBe(evaluate(network, dataset).accuracy);
    const sine = makeDataset("sine", { random: createRandom(1) });
    const regression = createNetwork({ sizes: [1, 4, 1], outputActivation: "identity", random: createRandom(1) });
    expect(trainStep(createTrainer({ network: regression, dataset: sine, optimizer: createOptimizer({ kind: "gradientDescent", learningRate: 0.1 }) })).accuracy).toBeNaN();
  });

  it("reuses every buffer after the first step", () => {
    const random = createRandom(1);
    const dataset = makeDataset("circles", { random });
    const network = makeStandardNetwork(1);
    const trainer = createTrainer({ network, optimizer: createOptimizer({ kind: "adam", learningRate: 0.01 }), dataset, batchSize: 10, random });
    const first = trainStep(trainer);
    const buffers = () => [trainer.inputs, trainer.targets, ...network.layers.flatMap((l) => [l.z, l.a, l.delta, l.weights, l.weightGradient]), ...trainer.optimizer.velocity, ...trainer.optimizer.secondMoment];
    const before = buffers();
    for (let step = 0; step < 50; step++) expect(trainStep(trainer)).toBe(first);
    buffers().forEach((buffer, i) => expect(buffer).toBe(before[i]));
  });

  it("checks that the data fit the network", () => {
    const network = makeStandardNetwork(1);
    const sine = makeDataset("sine", { random: createRandom(1) });
    const optimizer = createOptimizer({ kind: "gradientDescent", learningRate: 0.1 });
    expect(() => createTrainer({ network, optimizer, dataset: sine })).toThrow(/has 1 inputs → 1 targets but the network is 2-8-8-1/);
    expect(() => createTrainer({ network, optimizer, dataset: makeDataset("xor"), batchSize: 5 })).toThrow(/batchSize 5 is not allowed/);
  });
});
