import { describe, expect, it } from "vitest";
import { DATASETS, createRandom, makeDataset, splitDataset, type DatasetName } from "../../../src/engine/index";

describe("data sets", () => {
  for (const name of DATASETS) {
    it(`${name} is seeded, sized and labelled`, () => {
      const a = makeDataset(name, { count: 40, noise: 0.1, random: createRandom(1) });
      const b = makeDataset(name, { count: 40, noise: 0.1, random: createRandom(1) });
      const c = makeDataset(name, { count: 40, noise: 0.1, random: createRandom(2) });
      expect(a.inputs).toEqual(b.inputs);
      expect(a.inputs).not.toEqual(c.inputs);
      expect(a.count).toBe(40);
      expect(a.inputs.length).toBe(40 * a.inputSize);
      expect(a.targets.length).toBe(40);
      if (name !== "sine") {
        expect(new Set(a.targets)).toEqual(new Set([0, 1]));
        for (const x of a.inputs) expect(Math.abs(x)).toBeLessThan(2);
      }
    });
  }

  it("the gates are the four corners with their truth tables", () => {
    const table = (name: DatasetName) => Array.from(makeDataset(name).targets);
    expect(Array.from(makeDataset("xor").inputs)).toEqual([0, 0, 0, 1, 1, 0, 1, 1]);
    expect(table("and")).toEqual([0, 0, 0, 1]);
    expect(table("or")).toEqual([0, 1, 1, 1]);
    expect(table("xor")).toEqual([0, 1, 1, 0]);
  });

  it("blobs are linearly separable by x + y = 0 even with much noise", () => {
    const blobs = makeDataset("blobs", { count: 500, noise: 1, random: createRandom(3) });
    for (let i = 0; i < blobs.count; i++) expect(blobs.inputs[2 * i] + blobs.inputs[2 * i + 1] > 0).toBe(blobs.targets[i] === 1);
  });

  it("the spiral follows r = 5i/n, θ = 1.75·2πi/n, divided by 5", () => {
    const spiral = makeDataset("spiral", { count: 400, noise: 0, random: createRandom(1) });
    const i = 50, n = 200, theta = (1.75 * 2 * Math.PI * i) / n;
    expect(spiral.inputs[2 * i]).toBeCloseTo((5 * i / n) * Math.sin(theta) / 5, 12);
    expect(spiral.inputs[2 * (n + i)]).toBeCloseTo((5 * i / n) * Math.sin(theta + Math.PI) / 5, 12);
    expect(spiral.targets[i]).toBe(1);
    expect(spiral.targets[n + i]).toBe(0);
  });

  it("the sine has noise of the requested size around sin(πx)", () => {
    const sine = makeDataset("sine", { count: 2000, noise: 0.1, random: createRandom(1) });
    let squares = 0;
    for (let i = 0; i < sine.count; i++) squares += (sine.targets[i] - Math.sin(Math.PI * sine.inputs[i])) ** 2;
    expect(Math.sqrt(squares / sine.count)).toBeCloseTo(0.1, 2);
  });

  it("splits into disjoint train and test sets", () => {
    const data = makeDataset("moons", { count: 100, random: createRandom(1) });
    const { train, test } = splitDataset(data, { testFraction: 0.25, random: createRandom(2) });
    expect([train.count, test.count]).toEqual([75, 25]);
    const key = (d: typeof data, i: number) => `${d.inputs[2 * i]},${d.inputs[2 * i + 1]}`;
    const all = new Set(Array.from({ length: 100 }, (_, i) => key(data, i)));
    const seen = new Set([...Array.from({ length: 75 }, (_, i) => key(train, i)), ...Array.from({ length: 25 }, (_, i) => key(test, i))]);
    expect(seen).toEqual(all);
  });

  it("rejects bad options", () => {
    expect(() => makeDataset("spirals" as DatasetName)).toThrow(/unknown data set "spirals"; allowed: and, or, xor/);
    expect(() => makeDataset("circles")).toThrow(/needs random/);
    expect(() => makeDataset("circles", { count: 0, random: createRandom(1) })).toThrow(/count 0 is not allowed/);
    expect(() => makeDataset("circles", { noise: -1, random: createRandom(1) })).toThrow(/noise -1 is not allowed/);
  });
});
