import { describe, expect, it } from "vitest";
import {
  ACTIVATIONS, MAX_LAYERS, MAX_UNITS, Value, backward, checkGradient, checkNetworkGradient, createNetwork, createOptimizer, applyOptimizer,
  createRandom, forward, getBias, getWeight, setBias, setWeight, type ActivationName, type LossName,
} from "../../../src/engine/index";

/** A batch of `count` random inputs and targets that fit `loss` (one-hot rows for softmax cross-entropy). */
function makeBatch(seed: number, inputSize: number, outputSize: number, count: number, loss: LossName) {
  const random = createRandom(seed);
  const inputs = Float64Array.from({ length: count * inputSize }, () => random.uniform(-1, 1));
  const targets = new Float64Array(count * outputSize);
  for (let b = 0; b < count; b++) {
    if (loss === "softmaxCrossEntropy") targets[b * outputSize + random.integer(outputSize)] = 1;
    else for (let j = 0; j < outputSize; j++) targets[b * outputSize + j] = random.uniform(0.05, 0.95);
  }
  return { inputs, targets };
}

const OUTPUT_CASES: [ActivationName, LossName][] = [
  ...ACTIVATIONS.map((activation): [ActivationName, LossName] => [activation, "squaredError"]),
  ...ACTIVATIONS.map((activation): [ActivationName, LossName] => [activation, "meanSquaredError"]),
  ["sigmoid", "binaryCrossEntropy"],
  ["softmax", "softmaxCrossEntropy"],
];

describe("gradients of the vectorized core match central differences (worst relative error < 1e-6)", () => {
  for (const [outputActivation, loss] of OUTPUT_CASES) {
    it(`output ${outputActivation} with ${loss}`, () => {
      const random = createRandom(7);
      const network = createNetwork({ sizes: [3, 4, 3], hiddenActivation: "tanh", outputActivation, loss, random, init: "uniform", initScale: 1 });
      const { inputs, targets } = makeBatch(8, 3, 3, 5, loss);
      const check = checkNetworkGradient(network, inputs, targets);
      expect(check.worstRelativeError, JSON.stringify(check)).toBeLessThan(1e-6);
      // Step and sign pass no gradient; every other output must give some, or the check above is vacuous.
      const gradientSize = network.layers[0].weightGradient.reduce((sum, g) => sum + Math.abs(g), 0);
      if (outputActivation === "step" || outputActivation === "sign") expect(gradientSize).toBe(0);
      else expect(gradientSize).toBeGreaterThan(1e-6);
    });
  }

  for (let depth = 1; depth <= 4; depth++) {
    for (const hiddenActivation of ACTIVATIONS) {
      if (depth === 1 && hiddenActivation !== "tanh") continue; // depth 1 has no hidden layer
      it(`depth ${depth}, hidden ${hiddenActivation}`, () => {
        const sizes = [2, ...Array(depth - 1).fill(5), 2];
        const network = createNetwork({ sizes, hiddenActivation, outputActivation: "sigmoid", loss: "binaryCrossEntropy", random: createRandom(depth), init: "uniform", initScale: 1 });
        const { inputs, targets } = makeBatch(100 + depth, 2, 2, 4, "binaryCrossEntropy");
        const check = checkNetworkGradient(network, inputs, targets);
        expect(check.worstRelativeError, JSON.stringify(check)).toBeLessThan(1e-6);
      });
    }
  }

  it("the check catches a gradient that is 1% off, and says where", () => {
    const network = createNetwork({ sizes: [2, 3, 1], random: createRandom(1), init: "uniform", initScale: 1 });
    const { inputs, targets } = makeBatch(2, 2, 1, 3, "squaredError");
    forward(network, inputs);
    backward(network, targets);
    const parameters = Float64Array.from(network.layers[0].weights);
    const gradient = Float64Array.from(network.layers[0].weightGradient);
    gradient[4] *= 1.01;
    const loss = (p: Float64Array) => {
      network.layers[0].weights.set(p);
      forward(network, inputs);
      return backward(network, targets);
    };
    const check = checkGradient(loss, parameters, gradient);
    expect(check.worstIndex).toBe(4);
    expect(check.worstRelativeError).toBeGreaterThan(0.009);
  });
});

describe("the 2-2-2 worked example", () => {
  const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
  // By hand, with plain Math: inputs, weights w1…w8 as the chapter numbers them, biases, targets.
  const [i1, i2] = [0.05, 0.1];
  const [t1, t2] = [0.01, 0.99];
  const [w1, w2, w3, w4, w5, w6, w7, w8] = [0.15, 0.2, 0.25, 0.3, 0.4, 0.45, 0.5, 0.55];
  const [b1, b2] = [0.35, 0.6];
  const h1 = sigmoid(w1 * i1 + w2 * i2 + b1);
  const h2 = sigmoid(w3 * i1 + w4 * i2 + b1);
  const o1 = sigmoid(w5 * h1 + w6 * h2 + b2);
  const o2 = sigmoid(w7 * h1 + w8 * h2 + b2);
  const totalError = 0.5 * (t1 - o1) ** 2 + 0.5 * (t2 - o2) ** 2;
  const deltaO1 = (o1 - t1) * o1 * (1 - o1);
  const deltaO2 = (o2 - t2) * o2 * (1 - o2);
  const deltaH1 = (deltaO1 * w5 + deltaO2 * w7) * h1 * (1 - h1);

  function buildChapterNetwork() {
    const network = createNetwork({ sizes: [2, 2, 2], hiddenActivation: "sigmoid", outputActivation: "sigmoid", loss: "squaredError", init: "zeros" });
    // w_n is W[l][j][k] with (l, j, k) in row-major order: w1 = i1→h1, w2 = i2→h1, w3 = i1→h2, …
    [w1, w2, w3, w4].forEach((w, n) => setWeight(network, 1, n >> 1, n & 1, w));
    [w5, w6, w7, w8].forEach((w, n) => setWeight(network, 2, n >> 1, n & 1, w));
    for (const j of [0, 1]) { setBias(network, 1, j, b1); setBias(network, 2, j, b2); }
    return network;
  }

  it("has the hand-computed outputs, total error, deltas and gradients", () => {
    const network = buildChapterNetwork();
    const output = forward(network, [i1, i2]);
    expect(output[0]).toBeCloseTo(o1, 15);
    expect(output[1]).toBeCloseTo(o2, 15);
    const error = backward(network, [t1, t2]);
    expect(Math.abs(error - totalError)).toBeLessThan(1e-15);
    expect(network.layers[1].delta[0]).toBeCloseTo(deltaO1, 15);
    expect(network.layers[0].delta[0]).toBeCloseTo(deltaH1, 15);
    expect(network.layers[1].weightGradient[0]).toBeCloseTo(deltaO1 * h1, 15); // ∂E/∂w5
    expect(network.layers[0].weightGradient[0]).toBeCloseTo(deltaH1 * i1, 15); // ∂E/∂w1
  });

  it("one gradient-descent step with η = 0.5 moves w5 and w1 as the hand computation says", () => {
    const network = buildChapterNetwork();
    forward(network, [i1, i2]);
    backward(network, [t1, t2]);
    applyOptimizer(createOptimizer({ kind: "gradientDescent", learningRate: 0.5 }), network);
    expect(getWeight(network, 2, 0, 0)).toBeCloseTo(w5 - 0.5 * deltaO1 * h1, 15);
    expect(getWeight(network, 1, 0, 0)).toBeCloseTo(w1 - 0.5 * deltaH1 * i1, 15);
    expect(getBias(network, 2, 1)).toBeCloseTo(b2 - 0.5 * deltaO2, 15);
  });

  it("stores W[l][j][k] row-major in layers[l − 1].weights", () => {
    const network = buildChapterNetwork();
    expect(Array.from(network.layers[0].weights)).toEqual([w1, w2, w3, w4]);
    expect(Array.from(network.layers[1].weights)).toEqual([w5, w6, w7, w8]);
    expect(getWeight(network, 2, 1, 0)).toBe(w7); // h1 → o2
  });
});

describe("the scalar Value graph and the vectorized core agree", () => {
  it("on a 2-3-2 tanh/sigmoid network over a batch of two", () => {
    const network = createNetwork({ sizes: [2, 3, 2], hiddenActivation: "tanh", outputActivation: "sigmoid", loss: "squaredError", random: createRandom(3), init: "uniform", initScale: 1 });
    const inputs = [0.3, -0.7, 0.9, 0.2];
    const targets = [0, 1, 1, 0];
    forward(network, inputs);
    const loss = backward(network, targets);

    const W = network.layers.map((layer) => Array.from(layer.weights, (w) => new Value(w)));
    const B = network.layers.map((layer) => Array.from(layer.biases, (b) => new Value(b)));
    let total = new Value(0);
    for (let b = 0; b < 2; b++) {
      let a: Value[] = [new Value(inputs[2 * b]), new Value(inputs[2 * b + 1])];
      network.layers.forEach((layer, l) => {
        a = Array.from({ length: layer.outputSize }, (_, j) => {
          let z = B[l][j];
          for (let k = 0; k < layer.inputSize; k++) z = z.add(W[l][j * layer.inputSize + k].mul(a[k]));
          return l === 0 ? z.tanh() : z.sigmoid();
        });
      });
      a.forEach((o, j) => { total = total.add(o.sub(targets[2 * b + j]).pow(2).mul(0.5)); });
    }
    const mean = total.div(2);
    mean.backward();
    expect(mean.data).toBeCloseTo(loss, 14);
    network.layers.forEach((layer, l) => {
      layer.weightGradient.forEach((g, i) => expect(W[l][i].grad).toBeCloseTo(g, 14));
      layer.biasGradient.forEach((g, j) => expect(B[l][j].grad).toBeCloseTo(g, 14));
    });
  });
});

describe("bad input gets a clear error", () => {
  const random = createRandom(1);
  it("layer sizes", () => {
    expect(() => createNetwork({ sizes: [2, 0, 1], random })).toThrow(/layer size 0 .*allowed: integers 1 to 1024/);
    expect(() => createNetwork({ sizes: [2, MAX_UNITS + 1, 1], random })).toThrow(RangeError);
    expect(() => createNetwork({ sizes: Array(MAX_LAYERS + 2).fill(2), random })).toThrow(/17 weight layers; allowed: 1 to 16/);
  });
  it("names", () => {
    expect(() => createNetwork({ sizes: [2, 1], hiddenActivation: "swish" as ActivationName, random })).toThrow(/unknown hiddenActivation "swish"; allowed: step, sign, identity/);
    expect(() => createNetwork({ sizes: [2, 1], loss: "hinge" as LossName, random })).toThrow(/unknown loss "hinge"; allowed: squaredError/);
    expect(() => createNetwork({ sizes: [2, 1], outputActivation: "tanh", loss: "binaryCrossEntropy", random })).toThrow(/needs outputActivation "sigmoid", got "tanh"/);
  });
  it("a missing random generator", () => {
    expect(() => createNetwork({ sizes: [2, 1] })).toThrow(/needs random: createRandom\(seed\)/);
  });
  it("shapes name both sides", () => {
    const network = createNetwork({ sizes: [2, 3, 1], random });
    expect(() => forward(network, [1, 2, 3])).toThrow(/inputs has 3 numbers but batchSize × inputSize is 1\.5 × 2/);
    expect(() => forward(network, [1, 2, 3, 4], 3)).toThrow(/inputs has 4 numbers but batchSize × inputSize is 3 × 2/);
    forward(network, [1, 2, 3, 4]);
    expect(() => backward(network, [1])).toThrow(/targets has 1 numbers but batchSize × outputSize is 2 × 1/);
    expect(() => getWeight(network, 3, 0, 0)).toThrow(/layer 3 does not exist; allowed: 1 to 2/);
    expect(() => setWeight(network, 1, 0, 2, 1)).toThrow(/unit k = 2 does not exist in layer 0; allowed: 0 to 1/);
  });
});

describe("initialisation", () => {
  it("draws Glorot-uniform weights inside ±√(6/(n_in + n_out)) and zero biases", () => {
    const network = createNetwork({ sizes: [30, 20, 1], init: "glorotUniform", random: createRandom(5) });
    const limit = Math.sqrt(6 / 50);
    const w = network.layers[0].weights;
    expect(Math.max(...w)).toBeLessThanOrEqual(limit);
    expect(Math.max(...w)).toBeGreaterThan(0.9 * limit);
    expect(Math.min(...w)).toBeGreaterThan(-limit);
    expect(network.layers[0].biases.every((b) => b === 0)).toBe(true);
  });
  it("draws He weights with standard deviation √(2/n_in)", () => {
    const network = createNetwork({ sizes: [200, 200], init: "he", outputActivation: "relu", random: createRandom(5) });
    const w = network.layers[0].weights;
    const variance = w.reduce((sum, x) => sum + x * x, 0) / w.length;
    expect(Math.sqrt(variance)).toBeCloseTo(Math.sqrt(2 / 200), 2);
  });
  it("is the same for the same seed and different for another", () => {
    const make = (seed: number) => Array.from(createNetwork({ sizes: [2, 4, 1], random: createRandom(seed) }).layers[0].weights);
    expect(make(9)).toEqual(make(9));
    expect(make(9)).not.toEqual(make(10));
  });
});
