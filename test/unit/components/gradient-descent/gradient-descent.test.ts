import { describe, expect, it } from "vitest";
import {
  advanceEpoch, classifyLearningRate, createBatchRuns, createMoons, createSigmoidUnit, createValley, descend,
  measureModelLoss, sampleSurface,
} from "../../../../components/gradient-descent/descent";
import { describeMomentum, describeRatePanel, describeValleySetting, findStabilityLimit, listShrinkRows, UNIT_BOX } from "../../../../components/gradient-descent/captions";
import { trimPath } from "../../../../components/gradient-descent/figures";
import { getBias } from "../../../../src/engine/index";

describe("the valley E = ½(c₁w₁² + c₂w₂²)", () => {
  it("is exactly that function when the engine measures the linear unit's squared error", () => {
    const valley = createValley(4, 0.25);
    for (const [w1, w2] of [[1.5, 2], [-0.3, 0.7], [0, 0]]) {
      expect(measureModelLoss(valley, w1, w2)).toBeCloseTo(0.5 * (4 * w1 * w1 + 0.25 * w2 * w2), 12);
    }
  });

  it("multiplies each coordinate by 1 − ηc per step of plain descent", () => {
    const path = descend(createValley(4, 0.25), { start: [1.5, 2], learningRate: 0.1, steps: 3 });
    path.points.forEach((point, k) => {
      expect(point.p1).toBeCloseTo(1.5 * (1 - 0.4) ** k, 12);
      expect(point.p2).toBeCloseTo(2 * (1 - 0.025) ** k, 12);
    });
  });

  it("converges below η = 2/c₁ and is caught diverging above it", () => {
    const valley = createValley(4, 0.25);
    const stable = descend(valley, { start: [1.5, 2], learningRate: 0.45, steps: 200 });
    expect(stable.divergedAt).toBeNull();
    expect(stable.finalLoss).toBeLessThan(1e-3);
    const unstable = descend(valley, { start: [1.5, 2], learningRate: 0.7, steps: 30, watchUntil: 3000 });
    expect(unstable.divergedAt).not.toBeNull();
    expect(unstable.points).toHaveLength(31);
    expect(unstable.points.every((point) => Number.isFinite(point.loss))).toBe(true);
  });

  it("follows Δw ← αΔw − η∇E, w ← w + Δw with momentum", () => {
    const c1 = 4, c2 = 0.25, eta = 0.2, alpha = 0.7;
    const path = descend(createValley(c1, c2), { start: [1.5, 2], learningRate: eta, momentum: alpha, steps: 10 });
    let [w1, w2, v1, v2] = [1.5, 2, 0, 0];
    for (const point of path.points) {
      expect(point.p1).toBeCloseTo(w1, 12);
      expect(point.p2).toBeCloseTo(w2, 12);
      v1 = alpha * v1 - eta * c1 * w1;
      v2 = alpha * v2 - eta * c2 * w2;
      w1 += v1;
      w2 += v2;
    }
  });

  it("names the regime from the factor 1 − ηc", () => {
    expect(classifyLearningRate(0.03, 4).regime).toBe("crawling");
    expect(classifyLearningRate(0.25, 4).regime).toBe("smooth");
    expect(classifyLearningRate(0.45, 4).regime).toBe("oscillating");
    expect(classifyLearningRate(0.5, 4).regime).toBe("on the limit");
    expect(classifyLearningRate(0.7, 4).regime).toBe("diverging");
  });

  it("says where a panel diverged and why, never a bare NaN", () => {
    const path = descend(createValley(4, 0.25), { start: [1.5, 2], learningRate: 0.7, steps: 30, watchUntil: 3000 });
    const caption = describeRatePanel(path, 0.7, 4, 0.25);
    expect(caption.regime).toBe("diverging");
    expect(caption.detail).toContain(`diverged at step ${path.divergedAt}: the loss became Infinity/NaN; the learning rate is too large for this curvature`);
    expect(caption.detail).not.toMatch(/\bNaN\b(?!;)/);
  });

  it("states the stability limit 2/c₁ in the momentum caption", () => {
    const valley = createValley(4, 0.25);
    const plain = descend(valley, { start: [1.5, 2], learningRate: 0.2, steps: 5 });
    const heavy = descend(valley, { start: [1.5, 2], learningRate: 0.2, momentum: 0.7, steps: 5 });
    expect(describeMomentum(plain, heavy, 0.2, 0.7, 4, 0.25)).toContain("is below 2/c₁ = 0.5");
    expect(describeMomentum(plain, heavy, 0.6, 0.7, 4, 0.25)).toContain("is not below 2/c₁ = 0.5");
  });

  it("takes the limit from the steeper curvature when the reader makes c₂ the larger, and names the directions by it", () => {
    // c₁ = 0.5, c₂ = 5: 2/c₁ = 4 would call η = 0.45 stable, but 1 − ηc₂ = −1.25 and plain descent blows up.
    const valley = createValley(0.5, 5);
    const plain = descend(valley, { start: [1.5, 2], learningRate: 0.45, steps: 30 });
    const heavy = descend(valley, { start: [1.5, 2], learningRate: 0.45, momentum: 0.5, steps: 30 });
    expect(plain.points[plain.points.length - 1].loss).toBeGreaterThan(1e4);
    expect(describeMomentum(plain, heavy, 0.45, 0.5, 0.5, 5)).toContain("η = 0.45 is not below 2/c₂ = 0.4");
    expect(describeValleySetting(0.5, 5, [1.5, 2], 30)).toContain("the limit 2/c₂ = 0.4.");

    const diverging = descend(valley, { start: [1.5, 2], learningRate: 0.7, steps: 30, watchUntil: 3000 });
    const caption = describeRatePanel(diverging, 0.7, 0.5, 5);
    expect(caption.detail).toContain("(η = 0.7 > 2/c₂ = 0.4)");
    // η = 0.3: w₂ (c₂ = 5) oscillates with factor −0.5 while w₁ crawls at 0.85; the steep one names the motion.
    expect(describeRatePanel(descend(valley, { start: [1.5, 2], learningRate: 0.3, steps: 30 }), 0.3, 0.5, 5).regime).toBe("oscillating");

    const factors = { plain: [0.85, -0.5], momentum: [0.7, 0.7] } as Parameters<typeof listShrinkRows>[0];
    expect(findStabilityLimit(0.5, 5, [1.5, 2])).toEqual({ curvature: 5, limit: 0.4, steep: "c₂", idle: null });
    expect(listShrinkRows(factors, 0.5, 5).map((row) => row.direction)).toEqual(["w₁, along (c₁ = 0.5)", "w₂, across (c₂ = 5)"]);
    expect(listShrinkRows(factors, 4, 0.25).map((row) => row.direction)).toEqual(["w₁, across (c₁ = 4)", "w₂, along (c₂ = 0.25)"]);
    expect(listShrinkRows(factors, 1, 1).map((row) => row.direction)).toEqual(["w₁ (c₁ = 1, a round bowl)", "w₂ (c₂ = 1, a round bowl)"]);
  });

  it("leaves out a coordinate that starts at 0, which never moves, and says so; at (0, 0) it says nothing moves", () => {
    // Start (0, 2) with η = 0.7 > 2/c₁ = 0.5: w₁ stays 0, and plain descent converges along w₂ (1 − ηc₂ = 0.825).
    const valley = createValley(4, 0.25);
    const plain = descend(valley, { start: [0, 2], learningRate: 0.7, steps: 40 });
    const heavy = descend(valley, { start: [0, 2], learningRate: 0.7, momentum: 0.5, steps: 40 });
    const last = plain.points[plain.points.length - 1];
    expect(plain.divergedAt).toBeNull();
    expect(last.p1).toBe(0);
    expect(Math.abs(last.p2)).toBeLessThan(0.01);
    expect(describeMomentum(plain, heavy, 0.7, 0.5, 4, 0.25)).toContain("η = 0.7 is below 2/c₂ = 8; w₁ starts at 0 and stays there, so plain descent is stable");
    expect(describeRatePanel(plain, 0.7, 4, 0.25).regime).toBe("crawling");
    expect(describeValleySetting(4, 0.25, [0, 2], 40)).toContain("the limit 2/c₂ = 8; w₁ starts at 0 and stays there.");

    const still = descend(valley, { start: [0, 0], learningRate: 0.7, steps: 40 });
    expect(describeMomentum(still, still, 0.7, 0.5, 4, 0.25)).toMatch(/^The start is the bottom, \(0, 0\), where the gradient is 0: neither descent moves\. After 40 steps/);
    expect(describeRatePanel(still, 0.7, 4, 0.25).regime).toBe("at the bottom");
    expect(findStabilityLimit(4, 0.25, [0, 0])).toBeNull();
  });

  it("counts the steps of the descent that ran longest, when the other diverged early", () => {
    const valley = createValley(4, 0.25);
    const plain = descend(valley, { start: [1.5, 2], learningRate: 1.1, steps: 300 });
    const heavy = descend(valley, { start: [1.5, 2], learningRate: 1.1, momentum: 0.99, steps: 300 });
    expect(plain.divergedAt).not.toBeNull();
    expect(plain.points[plain.points.length - 1].step).toBeLessThan(300);
    expect(describeMomentum(plain, heavy, 1.1, 0.99, 4, 0.25)).toContain(`After ${heavy.points[heavy.points.length - 1].step} steps`);
  });
});

describe("the sigmoid unit y = σ(w₁x₁ + w₂x₂)", () => {
  it("keeps its bias at 0 while descending and lowers the error", () => {
    const unit = createSigmoidUnit();
    const path = descend(unit, { start: [-6, -4], learningRate: 5, steps: 100 });
    expect(path.finalLoss).toBeLessThan(path.points[0].loss);
    const network = unit.build(1, 2);
    unit.constrain!(network);
    expect(getBias(network, 1, 0)).toBe(0);
  });

  it("fills a surface row by row exactly as sampleSurface does", () => {
    const unit = createSigmoidUnit();
    const whole = sampleSurface(unit, UNIT_BOX, 9);
    const parts = new Float64Array(81);
    sampleSurface(unit, UNIT_BOX, 9, { output: parts, fromRow: 0, toRow: 4 });
    sampleSurface(unit, UNIT_BOX, 9, { output: parts, fromRow: 4, toRow: 9 });
    expect(Array.from(parts)).toEqual(Array.from(whole));
  });
});

describe("the batch comparison", () => {
  it("starts all three runs from the same weights and takes ⌈N/B⌉ steps per epoch", () => {
    const runs = createBatchRuns(createMoons(), { learningRate: 0.5, miniBatchSize: 10 });
    expect(new Set(runs.map((run) => run.curve[0].loss)).size).toBe(1);
    runs.forEach(advanceEpoch);
    expect(runs.map((run) => run.trainer.steps)).toEqual([1, 20, 200]);
    expect(runs.every((run) => run.curve.length === 2)).toBe(true);
  });

  it("puts epoch k's point where the run has seen k × N examples, when B does not divide N", () => {
    // B = 199 of N = 200: ⌈N/B⌉ = 2 steps an epoch would be 398 examples, nearly two passes, each time.
    const runs = createBatchRuns(createMoons(), { learningRate: 0.5, miniBatchSize: 199 });
    const mini = runs[1];
    for (let epoch = 1; epoch <= 60; epoch++) advanceEpoch(mini);
    expect(mini.curve).toHaveLength(61);
    expect(mini.trainer.steps).toBe(Math.ceil((60 * 200) / 199));
    expect(mini.trainer.steps * 199).toBeGreaterThanOrEqual(60 * 200);
    expect((mini.trainer.steps - 1) * 199).toBeLessThan(60 * 200);
    expect(mini.trainer.epochs).toBe(60);
  });
});

describe("trimPath", () => {
  const box = { p1Min: -3, p1Max: 3, p2Min: -3, p2Max: 3 };
  const at = (step: number, p1: number, p2: number) => ({ step, p1, p2, loss: 0 });

  it("keeps a path that stays near the box", () => {
    const path = [at(0, 1, 1), at(1, -2, 2), at(2, 8, -8)];
    expect(trimPath(path, box)).toEqual(path);
  });

  it("ends a diverging path where it leaves the grown box, on the line of its last step", () => {
    const trimmed = trimPath([at(0, 0, 0), at(1, 3, 1), at(2, 1e150, 2)], box);
    expect(trimmed).toHaveLength(3);
    expect(trimmed[2].p1).toBe(9);
    expect(trimmed[2].p2).toBeCloseTo(1, 9);
  });
});
