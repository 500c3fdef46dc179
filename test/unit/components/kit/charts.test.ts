import { describe, expect, it } from "vitest";
import { logAxis } from "../../../../components/kit/charts";

describe("logAxis", () => {
  it("runs from the decade below the smallest value to the decade above the largest, one tick a decade", () => {
    // The worked example's error: 0.28 after one step, 3.4e-5 after 10,000.
    const axis = logAxis([0.28, 0.21, 0.02, 0.0011, 3.4e-5]);
    expect(axis.domain).toEqual([1e-5, 1]);
    expect(axis.ticks.map((tick) => Math.round(Math.log10(tick)))).toEqual([-5, -4, -3, -2, -1, 0]);
  });

  it("puts every tick on the axis, never beyond its ends", () => {
    for (const values of [[3.4e-5, 0.28], [0.5, 0.7], [2, 2], [1e-30, 0.9], [7, 7e9]]) {
      const { domain, ticks } = logAxis(values);
      const [low, high] = domain!;
      expect(low).toBeLessThanOrEqual(Math.min(...values));
      expect(high).toBeGreaterThanOrEqual(Math.max(...values));
      for (const tick of ticks) {
        expect(tick).toBeGreaterThanOrEqual(low);
        expect(tick).toBeLessThanOrEqual(high * (1 + 1e-12));
      }
      expect(ticks.length).toBeGreaterThanOrEqual(2);
      expect(ticks.length).toBeLessThanOrEqual(9);
    }
  });

  it("labels every other decade or fewer past eight", () => {
    const { domain, ticks } = logAxis([1e-30, 0.9]);
    expect(domain).toEqual([1e-30, 1]);
    expect(ticks.length).toBe(8);
    expect(ticks[1] / ticks[0]).toBeCloseTo(1e4, -1);
  });

  it("leaves the domain to Plot when there is nothing positive and finite to draw", () => {
    expect(logAxis([0, -1, Number.NaN, Number.POSITIVE_INFINITY])).toEqual({ ticks: [] });
  });
});
