import { describe, expect, it } from "vitest";
import { computeExample } from "../../../../components/backpropagation/workedExample";
import { WEIGHT_ROLES } from "../../../../components/backpropagation/workedExampleSetup";
import { explainRefusal, findLargestSafeRate, type WeightMove } from "../../../../components/backpropagation/updateRefusal";
import { MAZUR_SETUP } from "./mazurSetup";

// The chapter's <Param> ranges: weights −5 to 5, η from 0.01.
const [MIN, MAX, SMALLEST_RATE] = [-5, 5, 0.01];

const movesOf = (setup: typeof MAZUR_SETUP): WeightMove[] => {
  const records = computeExample(setup);
  return WEIGHT_ROLES.map((role) => ({ role, value: records[`w_${role}`].value, gradient: records[`grad_${role}`].value, min: MIN, max: MAX }));
};

describe("a refused update's advice", () => {
  it("advises a smaller η when a weight near the edge only leaves the range because η is large", () => {
    const moves = movesOf({ ...MAZUR_SETUP, w5: MIN + 0.1, learningRate: 20 });
    expect(moves.some((move) => Math.abs(move.value - 20 * move.gradient) > MAX)).toBe(true); // so the page refuses it
    expect(explainRefusal(moves, SMALLEST_RATE)).toEqual({ kind: "smaller" });
  });

  it("names a weight at the edge that its gradient pushes outward, where no allowed η helps", () => {
    const moves = movesOf({ ...MAZUR_SETUP, w5: MIN });
    const w5 = moves.find((move) => move.role === "w5")!;
    expect(w5.gradient).toBeGreaterThan(0); // w − η·∂E/∂w goes below −5 for every η > 0
    expect(findLargestSafeRate(w5)).toBe(0);
    expect(explainRefusal(moves, SMALLEST_RATE)).toEqual({ kind: "edge", blocked: ["w5"] });
  });

  it("counts a weight so near the edge that even the smallest η takes it out as blocked", () => {
    const near: WeightMove = { role: "w7", value: MAX - 1e-4, gradient: -1, min: MIN, max: MAX };
    expect(findLargestSafeRate(near)).toBeCloseTo(1e-4, 12);
    expect(explainRefusal([near], SMALLEST_RATE)).toEqual({ kind: "edge", blocked: ["w7"] });
    expect(findLargestSafeRate({ ...near, gradient: 0 })).toBe(Infinity);
    expect(explainRefusal([{ ...near, gradient: 1 }], SMALLEST_RATE)).toEqual({ kind: "smaller" }); // pushed inward
  });
});
