import { describe, expect, it } from "vitest";
import { createPerceptron, createRandom, makeDataset, perceptronUpdate, perceptronWeightedInput, predictPerceptron, trainPerceptron, type DatasetName } from "../../../src/engine/index";

describe("the perceptron", () => {
  const separable: [DatasetName, number][] = [["and", 4], ["or", 4], ["blobs", 200]];
  for (const [name, count] of separable) {
    it(`converges on ${name} and then classifies every example`, () => {
      const dataset = makeDataset(name, { count, random: createRandom(5) });
      const perceptron = createPerceptron({ inputSize: 2, random: createRandom(6) });
      const training = trainPerceptron(perceptron, dataset, { learningRate: 0.1, maxEpochs: 1000 });
      expect(training.converged).toBe(true);
      expect(training.mistakesPerEpoch.at(-1)).toBe(0);
      expect(training.mistakesPerEpoch.length).toBe(training.epochs);
      for (let i = 0; i < dataset.count; i++) expect(predictPerceptron(perceptron, dataset.inputs, 2 * i)).toBe(dataset.targets[i]);
    });
  }

  it("reports non-convergence on XOR at the epoch limit", () => {
    const perceptron = createPerceptron({ inputSize: 2 });
    const training = trainPerceptron(perceptron, makeDataset("xor"), { maxEpochs: 50 });
    expect(training).toMatchObject({ converged: false, epochs: 50 });
    expect(training.mistakesPerEpoch.every((mistakes) => mistakes > 0)).toBe(true);
  });

  it("updates w ← w + η(t − y)x only on a mistake", () => {
    const perceptron = createPerceptron({ inputSize: 2 }); // w = 0, b = 0, so y = step(0) = 1
    expect(perceptronUpdate(perceptron, [1, 2], 1, 0.5)).toBe(false);
    expect(Array.from(perceptron.weights)).toEqual([0, 0]);
    expect(perceptronUpdate(perceptron, [1, 2], 0, 0.5)).toBe(true); // t − y = −1
    expect(Array.from(perceptron.weights)).toEqual([-0.5, -1]);
    expect(perceptron.bias).toBe(-0.5);
  });

  it("with sign outputs ±1 and steps by 2η", () => {
    const perceptron = createPerceptron({ inputSize: 1, activation: "sign" });
    expect(predictPerceptron(perceptron, [-3])).toBe(1);
    perceptronUpdate(perceptron, [-3], -1, 1); // t − y = −2
    expect(perceptron.weights[0]).toBe(6);
    expect(predictPerceptron(perceptron, [-3])).toBe(-1);
  });

  it("gives the z that decides y, summed from b, so a round-off tie below 0 gives y = 0", () => {
    const perceptron = createPerceptron({ inputSize: 2 });
    perceptron.weights.set([1, 0.1]);
    perceptron.bias = -1.1;
    const z = perceptronWeightedInput(perceptron, [1, 1]);
    expect(z).toBe(-1.1 + 1 + 0.1);
    expect(z).toBeLessThan(0);
    expect(predictPerceptron(perceptron, [1, 1])).toBe(0);
    expect(perceptronWeightedInput(perceptron, [0, 0, 1, 0], 2)).toBe(-1.1 + 1);
  });

  it("rejects bad settings", () => {
    expect(() => createPerceptron({ inputSize: 0 })).toThrow(/inputSize 0 is not allowed/);
    expect(() => perceptronUpdate(createPerceptron({ inputSize: 1 }), [1], 1, -1)).toThrow(/learningRate -1 is not allowed/);
    expect(() => trainPerceptron(createPerceptron({ inputSize: 3 }), makeDataset("and"))).toThrow(/has 2 inputs/);
  });
});
