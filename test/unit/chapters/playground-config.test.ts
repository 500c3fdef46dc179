import { describe, expect, it } from "vitest";
import {
  DEFAULT_CONFIG, LIMITS, QUERY_KEYS, copyConfig, formatConfig, formatHidden, formatPoints, parseConfig, parseHidden, parsePoints,
  type PlaygroundConfig,
} from "../../../components/playground/config";

describe("playground configuration in the URL", () => {
  it("gives the defaults, and no notice, for an empty query", () => {
    const { config, notices } = parseConfig("");
    expect(config).toEqual(DEFAULT_CONFIG);
    expect(notices).toEqual([]);
    expect(formatConfig("", config)).toBe("");
  });

  it("round-trips every setting, custom points included", () => {
    const config: PlaygroundConfig = {
      dataset: "custom",
      hidden: [8, 3, 1],
      activation: "relu",
      loss: "squaredError",
      optimizer: "nesterov",
      learningRate: 0.0123,
      momentum: 0.5,
      batchSize: 32,
      weightDecay: 0.001,
      seed: 4242,
      speed: 20,
      points: [{ x1: 0.12, x2: -1.5, t: 1 }, { x1: -0.7, x2: 0.33, t: 0 }],
    };
    const query = formatConfig("", config);
    const { config: parsed, notices } = parseConfig(query);
    expect(notices).toEqual([]);
    expect(parsed).toEqual(config);
  });

  it("leaves defaults out and keeps other keys of the page's query", () => {
    const config = copyConfig();
    config.learningRate = 1;
    const query = formatConfig("?lr=0.5&pgLr=0.01", config);
    const params = new URLSearchParams(query);
    expect(params.get("lr")).toBe("0.5");
    expect(params.get(QUERY_KEYS.learningRate)).toBe("1");
    expect(params.has(QUERY_KEYS.dataset)).toBe(false);
  });

  it("replaces each malformed or out-of-range value by its default, with a notice naming it", () => {
    const { config, notices } = parseConfig("?pgLr=banana&pgHidden=9,9&pgAct=swish&pgBatch=0&pgSeed=1.5&pgMomentum=1&pgOpt=adam");
    expect(config.learningRate).toBe(DEFAULT_CONFIG.learningRate);
    expect(config.hidden).toEqual(DEFAULT_CONFIG.hidden);
    expect(config.activation).toBe(DEFAULT_CONFIG.activation);
    expect(config.batchSize).toBe(DEFAULT_CONFIG.batchSize);
    expect(config.seed).toBe(DEFAULT_CONFIG.seed);
    expect(config.momentum).toBe(DEFAULT_CONFIG.momentum);
    expect(config.optimizer).toBe("adam"); // the good value in the same link is kept
    expect(notices).toHaveLength(6);
    expect(notices[0]).toContain('pgHidden to "9,9"');
    expect(notices.join(" ")).toContain('pgLr to "banana", which is not allowed (a number from 0.00001 to 100); using 0.3 instead.'.replace("0.00001", String(LIMITS.learningRate.min)));
  });

  it("never builds a network beyond the documented caps", () => {
    expect(parseHidden("8,8,8,8,8,8")).toEqual([8, 8, 8, 8, 8, 8]);
    expect(parseHidden("8,8,8,8,8,8,8")).toBeUndefined();
    expect(parseHidden("1000000000")).toBeUndefined();
    expect(parseHidden("0")).toBeUndefined();
    expect(parseHidden("4,,4")).toBeUndefined();
    expect(parseHidden("none")).toEqual([]);
    expect(formatHidden([])).toBe("none");
    expect(parseConfig("?pgLr=1e308").notices).toHaveLength(1);
    expect(parseConfig("?pgLr=Infinity").notices).toHaveLength(1);
  });

  it("rejects points that are malformed, outside the box, of an unknown class, or too many", () => {
    expect(parsePoints("0.1,0.2,1;-1.5,1.5,0")).toEqual([{ x1: 0.1, x2: 0.2, t: 1 }, { x1: -1.5, x2: 1.5, t: 0 }]);
    expect(parsePoints("0.1,0.2")).toBeUndefined();
    expect(parsePoints("0.1,2,1")).toBeUndefined();
    expect(parsePoints("0.1,0.2,2")).toBeUndefined();
    expect(parsePoints("a,b,1")).toBeUndefined();
    expect(parsePoints(Array(LIMITS.points + 1).fill("0,0,1").join(";"))).toBeUndefined();
    const { config, notices } = parseConfig("?pgData=custom&pgPoints=0,0,1;oops");
    expect(config.dataset).toBe("custom");
    expect(config.points).toEqual([]);
    expect(notices[0]).toContain("pgPoints");
  });

  it("rounds points to the two decimals a link keeps", () => {
    expect(formatPoints([{ x1: 0.123456, x2: -0.98765, t: 0 }])).toBe("0.12,-0.99,0");
  });

  it("shortens a huge value in its notice instead of echoing it", () => {
    const { notices } = parseConfig(`?pgAct=${"x".repeat(5000)}`);
    expect(notices[0].length).toBeLessThan(300);
  });
});
