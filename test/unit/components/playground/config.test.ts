import { afterEach, describe, expect, it, vi } from "vitest";
import { parseHTML } from "linkedom";
import { toParamSpec } from "../../../../src/notebook/params";
import {
  DEFAULT_SETTINGS, LIMITS, createConfig, formatHidden, formatPoints, parseHidden, parsePoints, type PlaygroundConfig,
} from "../../../../components/playground/config";
import { QUERY_KEYS } from "../../../../components/playground/queryKeys";
import { TEST_BOUND } from "./playgroundBound";

/** The chapter's three bound <Param>s, as remarkCells gives them to <Playground>. */
const SPECS = {
  dataset: toParamSpec({ name: "pgData", choices: ["xor", "circles", "moons", "spiral", "blobs", "custom"], value: TEST_BOUND.dataset }),
  activation: toParamSpec({ name: "pgAct", choices: ["tanh", "sigmoid", "relu", "leakyRelu", "identity"], value: TEST_BOUND.activation }),
  learningRate: toParamSpec({ name: "pgLr", value: TEST_BOUND.learningRate, min: 0.00001, max: 100, scale: "log" }),
};

/** A page at `search` with the one URL store, the playground bound to its params, and the page's notices. */
async function openPage(search: string) {
  const { document } = parseHTML("<!doctype html><html><body><main></main></body></html>");
  const address = { pathname: "/course/backprop/backpropagation/", search, hash: "" };
  const history = {
    state: null,
    replaceState: (_state: unknown, _title: string, url: string) => {
      address.search = url.slice(address.pathname.length);
    },
  };
  vi.stubGlobal("document", document);
  vi.stubGlobal("location", address);
  vi.stubGlobal("history", history);
  vi.resetModules();
  const { readBoundParams } = await import("../../../../components/kit/boundParams");
  const playgroundAddress = await import("../../../../components/playground/playgroundAddress");
  const element = { dataset: { params: JSON.stringify(SPECS) } } as unknown as HTMLElement;
  const params = readBoundParams<keyof typeof SPECS>(element);
  const pageNotices = () => [...document.querySelectorAll("[data-nb-param-notice] p")].map((p) => p.textContent);
  return { ...playgroundAddress, params, address, pageNotices };
}

describe("playground configuration in the URL, through the one URL store", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("gives the defaults, and no notice, for an empty query", async () => {
    const { readConfig, readNotices, writeSettings, params, address } = await openPage("");
    const config = readConfig(params);
    expect(config).toEqual(createConfig(TEST_BOUND));
    expect(readNotices(params)).toEqual([]);
    writeSettings(config, params);
    expect(address.search).toBe("");
  });

  it("round-trips every setting, custom points included", async () => {
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
      points: Array.from({ length: 40 }, (_, i) => ({ x1: Math.round(i * 3.7 - 70) / 100, x2: -1.5, t: (i % 2) as 0 | 1 })),
    };
    const first = await openPage("");
    expect(first.writeSettings(config, first.params)).toEqual(config);
    const link = first.address.search;
    expect(link.length).toBeGreaterThan(400); // the points are far longer than a param's value may be
    const second = await openPage(link);
    expect(second.readNotices(second.params)).toEqual([]);
    expect(second.readConfig(second.params)).toEqual(config);
  });

  it("leaves defaults out and keeps other keys of the page's query", async () => {
    const { writeSettings, params, address } = await openPage("?lr=0.5&pgHidden=8");
    writeSettings({ hidden: [...DEFAULT_SETTINGS.hidden], speed: 20 }, params);
    const query = new URLSearchParams(address.search);
    expect(query.get("lr")).toBe("0.5");
    expect(query.get(QUERY_KEYS.speed)).toBe("20");
    expect(query.has(QUERY_KEYS.hidden)).toBe(false);
  });

  it("replaces each malformed or out-of-range value by its default, with the store's notice naming it, and keeps the good ones", async () => {
    const { readConfig, readNotices, params, pageNotices } = await openPage("?pgLr=banana&pgHidden=9,9&pgAct=swish&pgBatch=0&pgSeed=1.5&pgMomentum=1&pgOpt=adam");
    const config = readConfig(params);
    expect(config.learningRate).toBe(TEST_BOUND.learningRate);
    expect(config.hidden).toEqual(DEFAULT_SETTINGS.hidden);
    expect(config.activation).toBe(TEST_BOUND.activation);
    expect(config.batchSize).toBe(DEFAULT_SETTINGS.batchSize);
    expect(config.seed).toBe(DEFAULT_SETTINGS.seed);
    expect(config.momentum).toBe(DEFAULT_SETTINGS.momentum);
    expect(config.optimizer).toBe("adam"); // the good value in the same link is kept
    const notices = readNotices(params);
    expect(notices).toHaveLength(6);
    // One notice path: what the playground repeats is what the page's notice says, bound param or not.
    expect([...pageNotices()].sort()).toEqual([...notices].sort());
    expect(notices.find((notice) => notice.includes("pgHidden"))).toContain('pgHidden to "9,9"');
    expect(notices).toContain(`The link set pgBatch to "0", which is not allowed (a whole number from 1 to ${LIMITS.batchSize.max}); using 10 instead.`);
    expect(notices.join(" ")).toContain('pgLr to "banana", which is not allowed (0.00001 to 100); using 0.3 instead.'.replace("0.00001", String(SPECS.learningRate.kind === "number" && SPECS.learningRate.min)));
  });

  it("never builds a network beyond the documented caps", async () => {
    expect(parseHidden("8,8,8,8,8,8")).toEqual([8, 8, 8, 8, 8, 8]);
    expect(parseHidden("8,8,8,8,8,8,8")).toBeUndefined();
    expect(parseHidden("1000000000")).toBeUndefined();
    expect(parseHidden("0")).toBeUndefined();
    expect(parseHidden("4,,4")).toBeUndefined();
    expect(parseHidden("none")).toEqual([]);
    expect(formatHidden([])).toBe("none");
    for (const query of ["?pgMomentum=1e308", "?pgBatch=Infinity"]) {
      const { readConfig, readNotices, params } = await openPage(query);
      readConfig(params);
      expect(readNotices(params)).toHaveLength(1);
    }
  });

  it("rejects points that are malformed, outside the box, of an unknown class, or too many", async () => {
    expect(parsePoints("0.1,0.2,1;-1.5,1.5,0")).toEqual([{ x1: 0.1, x2: 0.2, t: 1 }, { x1: -1.5, x2: 1.5, t: 0 }]);
    expect(parsePoints("0.1,0.2")).toBeUndefined();
    expect(parsePoints("0.1,2,1")).toBeUndefined();
    expect(parsePoints("0.1,0.2,2")).toBeUndefined();
    expect(parsePoints("a,b,1")).toBeUndefined();
    expect(parsePoints(Array(LIMITS.points + 1).fill("0,0,1").join(";"))).toBeUndefined();
    const { readConfig, readNotices, params } = await openPage("?pgData=custom&pgPoints=0,0,1;oops");
    const config = readConfig(params);
    expect(config.dataset).toBe("custom");
    expect(config.points).toEqual([]);
    expect(readNotices(params)[0]).toContain("pgPoints");
  });

  it("rounds points to the two decimals a link keeps", () => {
    expect(formatPoints([{ x1: 0.123456, x2: -0.98765, t: 0 }])).toBe("0.12,-0.99,0");
  });

  it("shortens a huge value in its notice instead of echoing it", async () => {
    const { readConfig, readNotices, params } = await openPage(`?pgOpt=${"x".repeat(5000)}&pgAct=${"x".repeat(5000)}`);
    readConfig(params);
    const notices = readNotices(params);
    expect(notices).toHaveLength(2);
    for (const notice of notices) expect(notice.length).toBeLessThan(300);
  });
});
