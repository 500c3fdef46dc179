import katex from "katex";
import { describe, expect, it } from "vitest";
import { createConfig, type PlaygroundConfig } from "../../../../components/playground/config";
import { TEST_BOUND } from "./playgroundBound";
import { edgeWidth, layOutNetwork } from "../../../../components/playground/diagram";
import { buildRamp, mixColors, parseColor } from "../../../../components/playground/figures";
import { describeModel, writeLossTex, writeModelTex, writeShapesTex, writeUpdateTex } from "../../../../components/playground/formula";
import { MAX_RECORDS, createGridInputs, createSession, createUnitMaps, evaluateDecision, evaluateHiddenUnits, measureDataLoss, replaceTrainingData, runSession, stepSession } from "../../../../components/playground/session";
import { describeDivergence, describeStatus } from "../../../../components/playground/sessionText";
import { evaluateGrid, forward } from "../../../../src/engine/index";

function configWith(patch: Partial<PlaygroundConfig>): PlaygroundConfig {
  return Object.assign(createConfig(TEST_BOUND), patch);
}

describe("a playground session", () => {
  it("learns the default circles: the training loss falls by more than half in 1500 steps", () => {
    const session = createSession(configWith({}));
    const before = session.initialLoss;
    expect(runSession(session, 1500)).toBe(1500);
    expect(session.divergence).toBeNull();
    expect(measureDataLoss(session.network, session.train)).toBeLessThan(before / 2);
    expect(session.test!.count).toBe(60);
    expect(session.train.count).toBe(140);
  });

  it("is reproducible: the same config and seed give the same losses; another seed does not", () => {
    const run = (seed: number) => {
      const session = createSession(configWith({ seed }));
      runSession(session, 300);
      return session.losses.map((row) => row.trainLoss);
    };
    expect(run(7)).toEqual(run(7));
    expect(run(8)).not.toEqual(run(7));
  });

  it("stops with an explanation when the learning rate is far too large", () => {
    const session = createSession(configWith({ learningRate: 50 }));
    const taken = runSession(session, 1000);
    expect(taken).toBeLessThan(1000);
    expect(session.divergence).not.toBeNull();
    const message = describeDivergence(session);
    expect(message).toMatch(/^Training stopped at step \d+: /);
    expect(message).toContain("lower the learning rate from η = 50 to about 2,");
    expect(stepSession(session)).toBe(false); // no further steps once diverged
  });

  it("reports vanishing gradients in a deep sigmoid network: the first layer's RMS is far below the last's", () => {
    const session = createSession(configWith({ activation: "sigmoid", hidden: [8, 8, 8, 8, 8, 8], loss: "squaredError" }));
    runSession(session, 50);
    const last = session.gradients[session.gradients.length - 1].rms;
    expect(last).toHaveLength(7);
    expect(last[0]).toBeLessThan(last[6] / 100);
  });

  it("keeps the history bounded by thinning it, and still spans the whole run", () => {
    const session = createSession(configWith({ hidden: [2] }));
    runSession(session, 5000);
    expect(session.losses.length).toBeLessThanOrEqual(MAX_RECORDS);
    expect(session.losses[0].step).toBe(0);
    expect(session.losses[session.losses.length - 1].step).toBeGreaterThan(4000);
    expect(session.gradients.length).toBeLessThanOrEqual(MAX_RECORDS);
  });

  it("says what it is doing in the status line", () => {
    const session = createSession(configWith({}));
    runSession(session, 10);
    expect(describeStatus(session)).toMatch(/^step 10 · train loss [\d.e−-]+ · test loss [\d.e−-]+$/);
    const empty = createSession(configWith({ dataset: "custom", points: [] }));
    expect(empty.trainer).toBeNull();
    expect(describeStatus(empty)).toContain("click the plot");
    expect(runSession(empty, 10)).toBe(0);
  });

  it("trains on custom points and keeps the weights when points are added", () => {
    const session = createSession(configWith({ dataset: "custom", points: [{ x1: -1, x2: 0, t: 0 }, { x1: 1, x2: 0, t: 1 }] }));
    runSession(session, 100);
    const weights = Float64Array.from(session.network.layers[0].weights);
    replaceTrainingData(session, [...session.config.points, { x1: 0, x2: 1, t: 1 }]);
    expect(session.train.count).toBe(3);
    expect(session.network.layers[0].weights).toEqual(weights);
    expect(runSession(session, 10)).toBe(10);
    expect(describeStatus(session)).toContain("no test set");
  });

  it("evaluates the output y and every hidden unit on the grid exactly as the engine's forward pass does", () => {
    const session = createSession(configWith({ hidden: [3, 2] }), 8);
    runSession(session, 20);
    const box = { ...session.box, resolution: 8 };
    const inputs = createGridInputs(box);
    const maps = evaluateHiddenUnits(session, inputs, createUnitMaps([3, 2], 8));
    const decision = evaluateDecision(session, new Float32Array(64));
    const exact = evaluateGrid(session.network, box);
    for (let p = 0; p < 64; p++) expect(decision[p]).toBeCloseTo(exact[p], 3); // the fast tanh is within 1e-4
    const point = 27;
    forward(session.network, inputs.subarray(2 * point, 2 * point + 2), 1);
    expect(maps[0][2][point]).toBeCloseTo(session.network.layers[0].a[2], 6);
    expect(maps[1][1][point]).toBeCloseTo(session.network.layers[1].a[1], 6);
  });
});

describe("the playground's drawing data", () => {
  it("lays out one node per unit and one edge per weight, labelled in the chapters' notation", () => {
    const session = createSession(configWith({ hidden: [3] }));
    const { nodes, edges } = layOutNetwork(session.network);
    expect(nodes).toHaveLength(2 + 3 + 1);
    expect(edges).toHaveLength(2 * 3 + 3 * 1);
    const edge = edges.find((e) => e.l === 1 && e.j === 2 && e.k === 1)!;
    expect(edge.label).toBe("w¹₃₂");
    expect(edge.w).toBe(session.network.layers[0].weights[2 * 2 + 1]);
    expect(nodes[nodes.length - 1].label).toBe("y");
    expect(nodes[nodes.length - 1].bias).toBe(session.network.layers[1].biases[0]);
    expect(edgeWidth(0)).toBe(0.5);
    expect(edgeWidth(100)).toBe(8);
  });

  it("mixes theme colours for the heatmap", () => {
    expect(parseColor("#fff")).toEqual([255, 255, 255]);
    expect(parseColor("rgb(1, 2, 3)")).toEqual([1, 2, 3]);
    expect(mixColors("#000000", "#ffffff", 0.5)).toBe("rgb(128, 128, 128)");
    const ramp = buildRamp({ class0: "#ff0000", paper: "#ffffff", class1: "#0000ff", ink: "#000" }, 1);
    expect([...ramp.subarray(0, 4)]).toEqual([255, 0, 0, 255]);
    expect([...ramp.subarray(255 * 4, 256 * 4)]).toEqual([0, 0, 255, 255]);
  });

  it("writes the model, the loss and the update in the chapters' notation", () => {
    expect(writeModelTex([4, 4], "tanh")).toContain("y &= \\sigma(W^{3} a^{2} + b^{3})");
    expect(writeModelTex([4, 4], "tanh")).toContain("a^{1} &= \\tanh(W^{1} x + b^{1})");
    expect(writeModelTex([], "relu")).toContain("y &= \\sigma(W^{1} x + b^{1})");
    expect(writeShapesTex([4, 4])).toContain("W^{1} \\in \\mathbb{R}^{4 \\times 2}");
    expect(writeLossTex({ loss: "squaredError", weightDecay: 0.1 })).toContain("\\tfrac{\\lambda}{2}");
    expect(writeUpdateTex({ optimizer: "momentum", weightDecay: 0 })).toContain("\\Delta w \\leftarrow \\alpha");
    expect(describeModel(configWith({}), 10, 140)).toContain("2-4-4-1 network");
    // Every variant is valid TeX: KaTeX throws on an error instead of showing red text.
    const render = (tex: string) => katex.renderToString(tex, { throwOnError: true, displayMode: true });
    for (const activation of ["tanh", "sigmoid", "relu", "leakyRelu", "identity"] as const) render(writeModelTex([8, 8, 8], activation));
    for (const loss of ["squaredError", "binaryCrossEntropy"] as const) for (const weightDecay of [0, 0.1]) render(writeLossTex({ loss, weightDecay }));
    for (const optimizer of ["gradientDescent", "momentum", "nesterov", "adam"] as const) render(writeUpdateTex({ optimizer, weightDecay: 0.1 }));
    render(writeShapesTex([]));
    expect(describeModel(configWith({ batchSize: 500 }), 140, 140)).toContain("full batch (140)");
  });
});
