import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createSigmoidUnit, createValley, descend } from "../../../components/gradient-descent/descent";
import { findSpectralRadius, measureShrinkFactors } from "../../../components/gradient-descent/shrinkFactors";
import { listShrinkRows } from "../../../components/gradient-descent/captions";
import { formatNumber } from "../../../components/kit/formatNumber";
import { readWidgetParams } from "./widgetParams";

const chapter = readFileSync("content/gradient-descent.mdx", "utf8");

/** The momentum widget's settings as the build gives them to it (its bound <Param>s' defaults): the settings its prose computes with. */
const valleyParams = await readWidgetParams("content/gradient-descent.mdx", "MomentumValley", ["c1", "c2", "startW1", "startW2", "steps", "learningRate", "momentum"]);

/** `value` rounded to `digits` decimals, as the prose writes it (a minus sign as TeX's "-"). */
const written = (value: number, digits: number) => value.toFixed(digits);

describe("the momentum section's numbers are the engine's", () => {
  const [c1, c2, learningRate, momentum, startW1] = (["c1", "c2", "learningRate", "momentum", "startW1"] as const).map((role) => valleyParams.number(role));
  const valley = createValley(c1, c2);
  const kappa = c1 / c2;

  it("computes with the widget's defaults η = 0.4, c₁ = 4, c₂ = 0.25, α = 0.5", () => {
    expect([learningRate, c1, c2, momentum]).toEqual([0.4, 4, 0.25, 0.5]);
  });

  it("shrinks w₁ by 0.6 and w₂ by 0.9 a step without momentum, both by √α ≈ 0.707 with it", () => {
    const factors = measureShrinkFactors(valley, learningRate, momentum);
    expect(factors.plain[0]).toBeCloseTo(Math.abs(1 - learningRate * c1), 12);
    expect(factors.plain[1]).toBeCloseTo(1 - learningRate * c2, 12);
    expect(factors.momentum[0]).toBeCloseTo(Math.sqrt(momentum), 12);
    expect(factors.momentum[1]).toBeCloseTo(Math.sqrt(momentum), 12);
    expect(chapter).toContain(`shrinks $w_1$ by $|1 - \\eta c_1| = ${written(factors.plain[0], 1)}$ a step and $w_2$ by $1 - \\eta c_2 = ${written(factors.plain[1], 1)}$`);
    expect(chapter).toContain(`both by $\\sqrt{${momentum}} \\approx ${written(factors.momentum[0], 3)}$`);
    expect(chapter).toContain(`it shrinks $w_1$ by $${written(factors.momentum[0], 3)}$ a step, where plain descent manages $${written(factors.plain[0], 1)}$`);
  });

  it("states w₁ after six steps as the engine's descents leave it: 0.070 plain, −0.111 with momentum", () => {
    const plain = descend(valley, { start: [startW1, 2], learningRate, steps: 6 });
    const heavy = descend(valley, { start: [startW1, 2], learningRate, momentum, steps: 6 });
    const plainW1 = plain.points[6].p1;
    const heavyW1 = heavy.points[6].p1;
    expect(Math.abs(heavyW1)).toBeGreaterThan(Math.abs(plainW1));
    expect(chapter).toContain(`after six steps $w_1$ is $${written(plainW1, 3)}$ with plain descent and $${written(heavyW1, 3)}$ with\nmomentum`);
  });

  it("shows the same factors in the widget's table as the prose states", () => {
    const rows = listShrinkRows(measureShrinkFactors(valley, learningRate, momentum), c1, c2);
    expect(rows.map((row) => [row.plain, row.momentum])).toEqual([["0.6", "0.707"], ["0.9", "0.707"]]);
  });

  it("gives the best plain rate (κ − 1)/(κ + 1) = 15/17 at η = 2/(c₁ + c₂), measured on the engine", () => {
    const best = measureShrinkFactors(valley, 2 / (c1 + c2), 0).plain;
    const rate = (kappa - 1) / (kappa + 1);
    expect(best[0]).toBeCloseTo(rate, 12);
    expect(best[1]).toBeCloseTo(rate, 12);
    expect(chapter).toContain(`$\\kappa = 4/0.25 = ${kappa}$, is $${kappa - 1}/${kappa + 1} \\approx ${written(rate, 3)}$`);
  });

  it("gives the best momentum α = ((√κ − 1)/(√κ + 1))² and η = (2/(√c₁ + √c₂))², with rate (√κ − 1)/(√κ + 1) in every direction", () => {
    const root = Math.sqrt(kappa);
    const bestAlpha = ((root - 1) / (root + 1)) ** 2;
    const bestRate = 2 / (Math.sqrt(c1) + Math.sqrt(c2));
    const bestEta = bestRate ** 2;
    const factors = measureShrinkFactors(valley, bestEta, bestAlpha).momentum;
    // At the best setting the roots are double, so the measured radius is exact only to about √ε.
    expect(factors[0]).toBeCloseTo((root - 1) / (root + 1), 6);
    expect(factors[1]).toBeCloseTo((root - 1) / (root + 1), 6);
    // Any other setting near it is slower in some direction.
    for (const [eta, alpha] of [[bestEta * 1.05, bestAlpha], [bestEta * 0.95, bestAlpha], [bestEta, bestAlpha * 1.1], [bestEta, bestAlpha * 0.9]]) {
      const other = measureShrinkFactors(valley, eta, alpha).momentum;
      expect(Math.max(...other)).toBeGreaterThan((root - 1) / (root + 1));
    }
    expect(chapter).toContain(`$\\kappa = ${kappa}$: $\\alpha = ${written(bestAlpha, 2)}$ and $\\eta = ${written(bestEta, 2)}$ give $${written((root - 1) / (root + 1), 1)}$ a step in both directions, against\n$${written((kappa - 1) / (kappa + 1), 3)}$ without momentum`);
  });

  it("is stable with momentum exactly while ηc < 2(1 + α): η up to 0.75 for c₁ = 4, α = 0.5, against 2/c₁ = 0.5 without", () => {
    const limit = (2 * (1 + momentum)) / c1;
    expect(measureShrinkFactors(valley, limit * 0.99, momentum).momentum[0]).toBeLessThan(1);
    expect(measureShrinkFactors(valley, limit * 1.01, momentum).momentum[0]).toBeGreaterThan(1);
    expect(measureShrinkFactors(valley, (2 / c1) * 1.01, 0).plain[0]).toBeGreaterThan(1);
    expect(descend(valley, { start: [startW1, 2], learningRate: limit * 0.99, momentum, steps: 3000 }).finalLoss).toBeLessThan(1e-3);
    const beyond = descend(valley, { start: [startW1, 2], learningRate: limit * 1.01, momentum, steps: 3000 });
    expect(beyond.divergedAt !== null || beyond.finalLoss > beyond.points[0].loss * 1e3).toBe(true);
    expect(chapter).toContain(`allows $\\eta$ up to $${limit}$ instead of $${2 / c1}$`);
  });

  it("measures a real spectral radius when the roots are real, and √det when they are complex", () => {
    expect(findSpectralRadius(0.5, 0, 0, -0.8)).toBeCloseTo(0.8, 12);
    expect(findSpectralRadius(0, -0.5, 1, 0)).toBeCloseTo(Math.sqrt(0.5), 12);
    expect(formatNumber(Math.sqrt(0.5))).toBe("0.707");
  });
});

describe("the plateau check's reason: E ≤ ½ for a sigmoid unit with 0/1 targets", () => {
  it("keeps the engine's error below ½ however large η is, while the weights run far", () => {
    const unit = createSigmoidUnit();
    for (const learningRate of [50, 100, 1000]) {
      const path = descend(unit, { start: [-6, -4], learningRate, steps: 200 });
      expect(path.divergedAt).toBeNull();
      expect(Math.max(...path.points.map((point) => point.loss))).toBeLessThan(0.5);
    }
    expect(chapter).toContain("each\n$\\tfrac12(t_n - y_n)^2$ is below $\\tfrac12$");
  });
});
