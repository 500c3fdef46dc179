import { describe, expect, it } from "vitest";
import { CURVE_WIDTH, PHONE_CURVE_WIDTH, fitCurveSize, plotCurve } from "../../../../components/real-data/digitCurves";
import { drawSavedView } from "../../../../components/real-data/digitBuildView";
import { trainDefaultRun } from "../../../../components/real-data/digitBuildRun";
import { createFigureDocument } from "../../../../src/notebook/figureDocument";
import { zh } from "../../../../src/i18n/zh";

describe("the curves' size", () => {
  it("is the box's width up to 400, 200 high; below the phone width it shrinks as the saved phone chart would, keeping its shape", () => {
    expect(fitCurveSize(1200)).toEqual({ width: 400, height: 200 });
    expect(fitCurveSize(310.6)).toEqual({ width: 310, height: 200 });
    expect(fitCurveSize(PHONE_CURVE_WIDTH)).toEqual({ width: 280, height: 200 });
    expect(fitCurveSize(266)).toEqual({ width: 266, height: 190 }); // 280 × 200 shown 266 wide
  });

  it("draws the chart at that size with 12 px text, so shown at its own size the text is 12 px", () => {
    const svg = plotCurve([], "loss", createFigureDocument(), undefined, fitCurveSize(300));
    expect(svg.getAttribute("viewBox")).toBe("0 0 300 200");
    expect(svg.getAttribute("width")).toBe("300");
    expect(svg.getAttribute("style") ?? "").toMatch(/font-size: ?12px/);
  });

  it("saves each curve twice, wide and phone-sized, told apart by class, in both languages", { timeout: 120_000 }, () => {
    for (const strings of [undefined, zh]) {
      const view = drawSavedView(trainDefaultRun(), strings);
      for (const curve of [view.loss, view.accuracy]) {
        const host = createFigureDocument().createElement("div");
        host.innerHTML = curve;
        const svgs = [...host.querySelectorAll("svg")];
        expect(svgs.map((svg) => [svg.getAttribute("class")?.match(/digits-curve-\w+/)?.[0], svg.getAttribute("viewBox")])).toEqual([
          ["digits-curve-wide", `0 0 ${CURVE_WIDTH} 200`],
          ["digits-curve-phone", `0 0 ${PHONE_CURVE_WIDTH} 200`],
        ]);
        expect(svgs[1].getAttribute("aria-label")).toBe(svgs[0].getAttribute("aria-label"));
      }
    }
  });
});
