import { describe, expect, it } from "vitest";
import { parseHTML } from "linkedom";
import { createPerceptron, perceptronUpdate } from "../../../../src/engine/index";
import { findBoundarySegment, findNormalArrow, findPositiveRegion, findWeightedInput, nameGate, type Box } from "../../../../components/perceptron/geometry";
import { LAB_BOX, countEpochs, countMisclassified, createLab, describeLimit, finishEpoch, makePresetPoints, resumeLab, setEpochLimit, snapToGrid, stepLab, togglePoint } from "../../../../components/perceptron/lab";
import { makeTruthTable, formatZ } from "../../../../components/perceptron/truthTable";
import { drawMistakes, drawPlane } from "../../../../components/perceptron/drawLab";

const box: Box = { xMin: -1, xMax: 1, yMin: -1, yMax: 1 };

describe("perceptron geometry", () => {
  it("clips the box to the half-plane z ≥ 0", () => {
    const region = findPositiveRegion({ w1: 1, w2: 0, b: 0 }, box); // x₁ ≥ 0: the right half
    expect(region[0]).toEqual(region[region.length - 1]);
    for (const point of region) expect(point[0]).toBeGreaterThanOrEqual(0);
    const xs = region.map((point) => point[0]);
    expect(Math.min(...xs)).toBe(0);
    expect(Math.max(...xs)).toBe(1);
    expect(findPositiveRegion({ w1: 0, w2: 0, b: -1 }, box)).toEqual([]);
    expect(findPositiveRegion({ w1: 0, w2: 0, b: 1 }, box)).toHaveLength(5);
  });

  it("finds the visible piece of the line and an arrow along w", () => {
    const unit = { w1: 1, w2: 1, b: 0 };
    const segment = findBoundarySegment(unit, box)!;
    for (const point of segment) expect(findWeightedInput(unit, point)).toBeCloseTo(0, 12);
    expect(findBoundarySegment({ w1: 0, w2: 0, b: 1 }, box)).toBeUndefined();
    expect(findBoundarySegment({ w1: 1, w2: 0, b: -5 }, box)).toBeUndefined(); // x₁ = 5 misses the box
    const arrow = findNormalArrow(unit, box, 0.5)!;
    expect(Math.hypot(arrow.x2 - arrow.x1, arrow.y2 - arrow.y1)).toBeCloseTo(0.5, 12);
    expect(findWeightedInput(unit, [arrow.x2, arrow.y2])).toBeGreaterThan(0); // it points into the "y = 1" half
  });

  it("names the logic functions of two inputs", () => {
    expect(nameGate([0, 0, 0, 1])).toBe("AND");
    expect(nameGate([0, 1, 1, 1])).toBe("OR");
    expect(nameGate([1, 1, 1, 0])).toBe("NAND");
    expect(nameGate([0, 1, 1, 0])).toBe("XOR");
  });

  it("makes the truth table with the engine, ties at z = 0 going to 1", () => {
    expect(makeTruthTable({ w1: 1, w2: 1, b: -1.5 }).gate).toBe("AND");
    expect(makeTruthTable({ w1: 1, w2: 1, b: -0.5 }).gate).toBe("OR");
    const tie = makeTruthTable({ w1: 1, w2: 1, b: -2 }); // z = 0 at (1, 1)
    expect(tie.rows[3]).toEqual({ x1: 1, x2: 1, z: 0, y: 1 });
    expect(formatZ(-0.5)).toBe("−0.50");
    expect(formatZ(-0.0001)).toBe("−0.00");
    expect(formatZ(-0)).toBe("0.00");
  });

  it("shows each row's z with the sign that decides its y, also where round-off leaves a tie below 0", () => {
    // −1.1 + 1 + 0.1 is −8e−17 in floating point: the engine's step gives 0, as the chapter's lab warns for η = 0.1.
    const roundOff = makeTruthTable({ w1: 1, w2: 0.1, b: -1.1 });
    expect(roundOff.rows[3].y).toBe(0);
    expect(roundOff.rows[3].z).toBeLessThan(0);
    expect(formatZ(roundOff.rows[3].z)).toBe("−0.00");
    for (const w1 of [-1, -0.3, 0, 0.1, 0.7, 1]) for (const w2 of [-0.2, 0, 0.1, 0.2, 0.9]) for (const b of [-1.1, -0.9, -0.3, 0, 0.2]) {
      for (const row of makeTruthTable({ w1, w2, b }).rows) expect(formatZ(row.z).startsWith("−")).toBe(row.y === 0);
    }
  });
});

describe("perceptron lab", () => {
  it("steps through an epoch with the engine's rule", () => {
    const points = makePresetPoints("and", 1);
    const lab = createLab(points, 7);
    const reference = createPerceptron({ inputSize: 2 });
    reference.weights.set(lab.perceptron.weights);
    reference.bias = lab.perceptron.bias;
    for (let i = 0; i < points.length; i++) {
      const mistake = stepLab(lab, 0.2, 50);
      expect(mistake).toBe(perceptronUpdate(reference, [points[i].x1, points[i].x2], points[i].target, 0.2));
      expect(Array.from(lab.perceptron.weights)).toEqual(Array.from(reference.weights));
      expect(lab.perceptron.bias).toBe(reference.bias);
    }
    expect(countEpochs(lab)).toBe(1);
    expect(lab.cursor).toBe(0);
  });

  it("converges on AND, OR and blobs and then does nothing", () => {
    for (const preset of ["and", "or", "blobs"] as const) {
      const lab = createLab(makePresetPoints(preset, 3), 3);
      while (lab.status === "training") finishEpoch(lab, 0.2, 500);
      expect(lab.status).toBe("converged");
      expect(lab.mistakesPerEpoch[lab.mistakesPerEpoch.length - 1]).toBe(0);
      expect(countMisclassified(lab)).toBe(0);
      expect(stepLab(lab, 0.2, 500)).toBe(false);
    }
  });

  it("detects that XOR cycles: an epoch starts from weights an earlier one started from", () => {
    const lab = createLab(makePresetPoints("xor", 7), 7);
    while (lab.status === "training") finishEpoch(lab, 0.2, 500);
    expect(lab.status).toBe("cycling");
    expect(lab.cycleStart).toBeGreaterThanOrEqual(1);
    expect(lab.cycleStart).toBeLessThanOrEqual(countEpochs(lab));
    expect(lab.mistakesPerEpoch.every((mistakes) => mistakes > 0)).toBe(true);
  });

  it("stops at the epoch limit and resumes when it is raised", () => {
    const lab = createLab(makePresetPoints("xor", 7), 7);
    finishEpoch(lab, 1, 1);
    expect(lab.status).toBe("limit");
    resumeLab(lab, 5);
    expect(lab.status).toBe("training");
  });

  it("reports the epochs actually run when the limit is lowered below them", () => {
    const lab = createLab(makePresetPoints("xor", 7), 7);
    for (let epoch = 0; epoch < 6; epoch++) finishEpoch(lab, 0.01, 50); // η = 0.01 is too slow to cycle within 6 epochs
    expect(lab.status).toBe("training");
    setEpochLimit(lab, 2);
    expect(lab.status).toBe("limit");
    const text = describeLimit(lab, 2);
    expect(text).toMatch(/^Stopped after 6 epochs, past the epoch limit \(2\), with \d+ points? still misclassified\. Set the limit above 6 to go on/);
    setEpochLimit(lab, 6);
    expect(lab.status).toBe("limit");
    setEpochLimit(lab, 7);
    expect(lab.status).toBe("training");
    const atLimit = createLab(makePresetPoints("xor", 7), 7);
    finishEpoch(atLimit, 0.01, 1);
    expect(describeLimit(atLimit, 1)).toMatch(/^Stopped at the epoch limit \(1\) with .* Raise the limit to go on/);
  });

  it("adds points on the grid and removes the one clicked", () => {
    const lab = createLab(makePresetPoints("and", 1), 1);
    stepLab(lab, 1, 10);
    expect(togglePoint(lab, 0.512, -0.49, 1, 0.09)).toBe("added");
    expect(lab.points[4]).toEqual({ x1: 0.5, x2: -0.5, target: 1 });
    expect(lab.cursor).toBe(0);
    expect(lab.mistakesPerEpoch).toEqual([]);
    expect(togglePoint(lab, 0.53, -0.47, 0, 0.09)).toBe("removed");
    expect(lab.points).toHaveLength(4);
    expect(snapToGrid(9, LAB_BOX.xMin, LAB_BOX.xMax)).toBe(LAB_BOX.xMax);
    for (let i = 0; i < 4; i++) togglePoint(lab, lab.points[0].x1, lab.points[0].x2, 1, 0.09);
    expect(lab.status).toBe("empty");
    expect(stepLab(lab, 1, 10)).toBe(false);
  });

  it("draws the plane and the chart as SVG with Plot", () => {
    const { document } = parseHTML("<!doctype html><html><body></body></html>");
    const lab = createLab(makePresetPoints("and", 1), 1);
    const svg = drawPlane(document as unknown as Document, {
      box: LAB_BOX,
      unit: { w1: 1, w2: 1, b: -1.5 },
      points: lab.points,
      next: 0,
      width: 400,
      ariaLabel: "plane",
    }).outerHTML;
    expect(svg).toContain("pl-boundary");
    expect(svg).toContain("pl-region");
    expect(svg.match(/pl-class1/g)).toHaveLength(1);
    expect(drawMistakes(document as unknown as Document, [3, 2, 0], 400).outerHTML).toContain("pl-bars");
  });
});
