import { describe, expect, it } from "vitest";
import { createFigureDocument } from "../../../../src/notebook/figureDocument";
import { describeCurve, listCurvePoints, plotCurve } from "../../../../components/real-data/digitCurves";
import { gridSize, paintWeightGrid } from "../../../../components/real-data/digitImages";
import { clearProbabilities, fillConfusion, fillProbabilities, formatPercent } from "../../../../components/real-data/digitPanels";
import type { DigitPoint } from "../../../../components/real-data/digitRun";

const history: DigitPoint[] = [
  { examples: 0, epoch: 0, trainLoss: NaN, trainAccuracy: NaN, testLoss: 2.31, testAccuracy: 0.1 },
  { examples: 2000, epoch: 0.25, trainLoss: 0.9, trainAccuracy: 0.72, testLoss: 0.5, testAccuracy: 0.86 },
];

describe("the widget's panels", () => {
  it("marks the most probable digit and keeps every probability at full precision", () => {
    const document = createFigureDocument();
    const list = document.createElement("ol");
    const p = [0.01, 0.02, 0.6, 0.05, 0.02, 0.1, 0.05, 0.05, 0.05, 0.05];
    fillProbabilities(list, p);
    expect(list.children.length).toBe(10);
    expect(list.children[2].hasAttribute("data-top")).toBe(true);
    expect(list.querySelectorAll("[data-top]").length).toBe(1);
    expect(Number(list.children[5].getAttribute("data-probability"))).toBe(0.1);
    expect(list.children[2].querySelector(".digit-probability-value")!.textContent).toBe("60.0 %");
    fillProbabilities(list, [...p].reverse());
    expect(list.children[7].hasAttribute("data-top")).toBe(true);
    expect(list.children[2].hasAttribute("data-top")).toBe(false);
    clearProbabilities(list);
    expect(list.children[7].textContent).toBe("7–");
  });

  it("writes the confusion counts in a 10 × 10 table with headed rows and columns", () => {
    const document = createFigureDocument();
    const table = document.createElement("table") as HTMLTableElement;
    const confusion = Array.from({ length: 100 }, (_, i) => (i % 11 === 0 ? 180 : i % 7));
    fillConfusion(table, confusion);
    expect(table.querySelectorAll("thead th").length).toBe(11);
    expect(table.querySelectorAll("tbody tr").length).toBe(10);
    expect(table.querySelectorAll("tbody th[scope=row]").length).toBe(10);
    expect(table.querySelectorAll("tbody tr")[3].querySelectorAll("td")[3].textContent).toBe("180");
    expect(table.querySelectorAll("tbody tr")[0].querySelectorAll("td")[1].textContent).toBe("1");
    fillConfusion(table, new Array(100).fill(0));
    expect(table.querySelectorAll("tbody tr").length).toBe(10);
    expect(table.querySelectorAll("td[style]").length).toBe(0);
  });

  it("formats a probability as a percentage with one decimal", () => {
    expect(formatPercent(0.94304)).toBe("94.3 %");
  });
});

describe("the curves", () => {
  it("skip the first point's missing training values and name the last values", () => {
    expect(listCurvePoints(history, "loss").map((p) => `${p.series}@${p.epoch}`)).toEqual(["test@0", "training@0.25", "test@0.25"]);
    expect(describeCurve(history, "accuracy")).toBe("Accuracy curves against epochs, training and test; after 0.25 epochs the training accuracy is 72.0 % and the test accuracy 86.0 %.");
    expect(describeCurve(history.slice(0, 1), "loss")).toBe("Loss curves, training and test: no training yet.");
  });

  it("draw one image with one name", () => {
    const figure = plotCurve(history, "loss", createFigureDocument());
    expect(figure.getAttribute("role")).toBe("img");
    expect(figure.getAttribute("aria-label")).toMatch(/^Loss curves against epochs/);
    expect(figure.querySelectorAll("path").length).toBeGreaterThan(1);
  });
});

describe("the weight grid", () => {
  it("puts 30 units' 28 × 28 images in 6 columns and 5 rows, each unit on its own scale", () => {
    expect(gridSize(30)).toEqual({ width: 178, height: 148 });
    const weights = new Float64Array(30 * 784);
    weights[0] = 2; // unit 0's first pixel: the most positive of its unit
    weights[784] = -0.001; // unit 1's first pixel: the most negative of its unit, however small
    let painted: { width: number; data: Uint8ClampedArray } | undefined;
    const canvas = {
      width: 0,
      height: 0,
      getContext: () => ({
        createImageData: (width: number, height: number) => ({ width, height, data: new Uint8ClampedArray(width * height * 4) }),
        putImageData: (image: { width: number; data: Uint8ClampedArray }) => (painted = image),
      }),
    } as unknown as HTMLCanvasElement;
    paintWeightGrid(canvas, weights, 30);
    expect([canvas.width, canvas.height]).toEqual([178, 148]);
    const pixel = (x: number, y: number) => Array.from(painted!.data.subarray((y * painted!.width + x) * 4, (y * painted!.width + x) * 4 + 4));
    expect(pixel(0, 0)).toEqual([178, 24, 43, 255]); // full red
    expect(pixel(30, 0)).toEqual([33, 102, 172, 255]); // unit 1 starts 28 + 2 pixels along: full blue
    expect(pixel(1, 0)).toEqual([255, 255, 255, 255]); // zero is white
  });
});
