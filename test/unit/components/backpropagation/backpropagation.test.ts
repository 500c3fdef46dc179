import { describe, expect, it } from "vitest";
import { computeExample, createExampleTrainer, trainExample, TABLE_STEPS } from "../../../../components/backpropagation/workedExample";
import { readDefaultSetup, readSetup, SETUP_ROLES } from "../../../../components/backpropagation/workedExampleSetup";
import { MAZUR_SETUP as DEFAULT_SETUP } from "./mazurSetup";
import { formatExampleNumber as formatNumber } from "../../../../components/backpropagation/exampleNumberText";
import { FIRST_SEED, measureDeltaFlow, summarizeFlow, type FlowOptions } from "../../../../components/backpropagation/deltaFlow";
import { describeCheckpoint } from "../../../../components/backpropagation/errorTableTips";
import { DIAGRAM_LINES } from "../../../../components/backpropagation/diagramLayout";

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
/** The chapter's starting network for the delta-flow chart (its <Param> defaults). */
const DEFAULT_FLOW: FlowOptions = { depth: 6, activation: "sigmoid", scale: 1, seed: FIRST_SEED };

describe("the worked example", () => {
  const records = computeExample(DEFAULT_SETUP);

  it("agrees with a hand computation in plain Math for the forward pass, deltas, gradients and update", () => {
    const { x1, x2, t1, t2, w1, w2, w3, w4, w5, w6, w7, w8, b1, b2, learningRate } = DEFAULT_SETUP;
    const h1 = sigmoid(w1 * x1 + w2 * x2 + b1);
    const h2 = sigmoid(w3 * x1 + w4 * x2 + b1);
    const o1 = sigmoid(w5 * h1 + w6 * h2 + b2);
    const o2 = sigmoid(w7 * h1 + w8 * h2 + b2);
    const dO1 = (o1 - t1) * o1 * (1 - o1);
    const dO2 = (o2 - t2) * o2 * (1 - o2);
    const dH1 = (w5 * dO1 + w7 * dO2) * h1 * (1 - h1);
    const dH2 = (w6 * dO1 + w8 * dO2) * h2 * (1 - h2);
    expect(records.a_h1.value).toBeCloseTo(h1, 14);
    expect(records.a_o2.value).toBeCloseTo(o2, 14);
    expect(records.E.value).toBeCloseTo(0.5 * (t1 - o1) ** 2 + 0.5 * (t2 - o2) ** 2, 14);
    expect(records.delta_h2.value).toBeCloseTo(dH2, 14);
    expect(records.grad_w1.value).toBeCloseTo(dH1 * x1, 14);
    expect(records.grad_w8.value).toBeCloseTo(dO2 * h2, 14);
    expect(records.new_w5.value).toBeCloseTo(w5 - learningRate * dO1 * h1, 14);
    expect(records.E_after.value).toBeLessThan(records.E.value);
  });

  it("prints nine significant digits, matching Mazur's published forward values", () => {
    expect(formatNumber(records.a_h1.value)).toBe("0.593269992");
    expect(formatNumber(records.E.value)).toBe("0.298371109");
    expect(formatNumber(records.new_w5.value)).toBe("0.358916480");
  });

  it("gives every record a formula and the formula with numbers put in", () => {
    expect(records.z_h1.substituted).toBe("0.15·0.05 + 0.2·0.1 + 0.35");
    expect(records.delta_o2.substituted).toContain("(−0.217071535)");
    for (const record of Object.values(records)) {
      expect(record.formula.length).toBeGreaterThan(1);
      expect(record.substituted.length).toBeGreaterThan(1);
    }
  });

  it("names a record for every number on the diagram", () => {
    for (const line of DIAGRAM_LINES) if (line.record) expect(records[line.record], line.record).toBeDefined();
  });

  it("trains in slices to the same checkpoints as in one go, and the error falls", () => {
    const whole = trainExample(DEFAULT_SETUP);
    const trainer = createExampleTrainer(DEFAULT_SETUP);
    const sliced = [];
    while (!trainer.done) sliced.push(...trainer.advance(37));
    expect(sliced).toEqual(whole);
    const errors = TABLE_STEPS.map((step) => whole.find((point) => point.step === step)!.error);
    for (let i = 1; i < errors.length; i++) expect(errors[i]).toBeLessThan(errors[i - 1]);
    expect(whole[1].error).toBeCloseTo(records.E_after.value, 14);
  });

  it("takes the setup from the page's <Param> defaults, and fails the build on a default that is not a number", () => {
    expect(readDefaultSetup((role) => DEFAULT_SETUP[role])).toEqual(DEFAULT_SETUP);
    expect(() => readDefaultSetup((role) => (role === "w5" ? "sigmoid" : DEFAULT_SETUP[role]))).toThrow(/w5 needs a number <Param>, but its default is "sigmoid"/);
    expect(SETUP_ROLES).toHaveLength(15);
  });

  it("reads the params by their roles, learningRate for η, and ignores bad values", () => {
    const setup = readSetup({ learningRate: 0.1, w5: 1, x1: Number.NaN, t2: "0.5" }, DEFAULT_SETUP);
    expect(setup.learningRate).toBe(0.1);
    expect(setup.w5).toBe(1);
    expect(setup.x1).toBe(DEFAULT_SETUP.x1);
    expect(setup.t2).toBe(DEFAULT_SETUP.t2);
  });
});


describe("the delta-flow chart's data", () => {
  it("shows sigmoid deltas shrinking towards the input, and relu's less so", () => {
    const sigmoidLayers = measureDeltaFlow(DEFAULT_FLOW).layers;
    expect(sigmoidLayers).toHaveLength(DEFAULT_FLOW.depth + 1);
    expect(sigmoidLayers[0].meanDelta).toBeLessThan(sigmoidLayers[sigmoidLayers.length - 1].meanDelta / 100);
    expect(summarizeFlow(sigmoidLayers)).toMatch(/smaller/);
  });

  it("with ReLU and s = 4 saturates the output, and on the first weights switches a whole layer off for some points, as the prose says", () => {
    const grown = { ...DEFAULT_FLOW, activation: "relu", scale: 4 } as const;
    const first = measureDeltaFlow(grown).layers;
    const hidden = first.slice(0, -1).map((layer) => layer.meanDelta);
    // Saturated points give tiny deltas everywhere; the points whose last hidden layer is off sit at y = ½ and keep a large output delta.
    expect(Math.max(...hidden)).toBeLessThan(1e-12);
    expect(first[first.length - 1].meanDelta).toBeGreaterThan(1e-2);
    // With other weights no error at all reaches the first layer, and the summary says why without blaming that layer alone.
    const silent = [2, 3, 4, 5, 6, 7, 8].map((seed) => measureDeltaFlow({ ...grown, seed }).layers).find((layers) => layers[0].meanDelta === 0);
    expect(silent).toBeDefined();
    expect(summarizeFlow(silent!)).toMatch(/no error reaches it/);
  });

  it("changes with the seed", () => {
    const a = measureDeltaFlow({ ...DEFAULT_FLOW, seed: 1 }).layers[0].meanDelta;
    const b = measureDeltaFlow({ ...DEFAULT_FLOW, seed: 2 }).layers[0].meanDelta;
    expect(a).not.toBe(b);
  });
});


describe("the error table's formulas", () => {
  it("substitute the step's outputs and the targets into E, and give back the same E", () => {
    const point = trainExample(DEFAULT_SETUP, 10).find((checkpoint) => checkpoint.step === 10)!;
    const tips = describeCheckpoint(point, DEFAULT_SETUP);
    expect(tips.error).toContain(`½(${formatNumber(DEFAULT_SETUP.t1)} − ${formatNumber(point.y1)})²`);
    expect(tips.error).toContain(`= ${formatNumber(point.error)}, after 10 updates`);
    const recomputed = 0.5 * (DEFAULT_SETUP.t1 - point.y1) ** 2 + 0.5 * (DEFAULT_SETUP.t2 - point.y2) ** 2;
    expect(recomputed).toBeCloseTo(point.error, 12);
    expect(tips.y2).toContain(`= ${formatNumber(point.y2)}`);
  });
});
