import { describe, expect, it } from "vitest";
import { toParamSpec, mergeParamSpecs, parseParamQuery, formatParamQuery, stepParamValue, readTypedParamValue, paramChars, choiceChars, describeLimit, dragParamValue, DRAG_PIXELS_PER_DECADE, DRAG_PIXELS_PER_RANGE, type ParamSpec, type NumberParamSpec } from "../../../src/notebook/params";

const lr = toParamSpec({ name: "lr", value: 0.03, min: 0.0001, max: 10, scale: "log" });
const hidden = toParamSpec({ name: "hidden", value: 4, min: 1, max: 32, step: 1 });
const activation = toParamSpec({ name: "activation", value: "tanh", choices: ["tanh", "sigmoid", "relu"] });
const specs: ParamSpec[] = [lr, hidden, activation];

describe("toParamSpec", () => {
  it("fails loudly on bad props, naming the parameter", () => {
    expect(() => toParamSpec({ name: "lr", value: 1, min: 2, max: 1 })).toThrow(`<Param name="lr">: min 2 is greater than max 1`);
    expect(() => toParamSpec({ name: "lr", value: 5, min: 0, max: 1 })).toThrow("outside [0, 1]");
    expect(() => toParamSpec({ name: "lr", value: 0.1, min: 0, max: 1, scale: "log" })).toThrow("min > 0");
    expect(() => toParamSpec({ name: "a", value: "x", choices: ["tanh", "relu"] })).toThrow("not one of the choices");
    expect(() => toParamSpec({ name: "n", value: 1.5, min: 1, max: 8, step: 1 })).toThrow("multiple of step");
    expect(() => toParamSpec({ name: "bad name", value: 1, min: 0, max: 2 })).toThrow("identifier");
  });

  it("rejects one name with two different defaults", () => {
    expect(() => mergeParamSpecs([lr, { ...lr, value: 0.1 } as ParamSpec])).toThrow(`<Param name="lr"> appears twice`);
    expect(mergeParamSpecs([lr, { ...lr }])).toHaveLength(1);
  });
});

describe("parseParamQuery", () => {
  it("reads good values", () => {
    expect(parseParamQuery("?lr=0.1&hidden=8&activation=relu&other=1", specs)).toEqual({ values: { lr: 0.1, hidden: 8, activation: "relu" }, notices: [] });
  });

  it("keeps defaults for missing values", () => {
    expect(parseParamQuery("", specs).values).toEqual({ lr: 0.03, hidden: 4, activation: "tanh" });
  });

  it.each([
    ["?hidden=1000000000", "hidden"],
    ["?hidden=2.5", "hidden"],
    ["?lr=abc", "lr"],
    ["?lr=", "lr"],
    ["?lr=Infinity", "lr"],
    ["?lr=-1", "lr"],
    ["?activation=%3Cscript%3E", "activation"],
    [`?lr=${"9".repeat(500)}`, "lr"],
  ])("falls back to the default on %s with a notice", (search, name) => {
    const parsed = parseParamQuery(search, specs);
    expect(parsed.values).toEqual({ lr: 0.03, hidden: 4, activation: "tanh" });
    expect(parsed.notices).toHaveLength(1);
    expect(parsed.notices[0]).toContain(`set ${name} to`);
    expect(parsed.notices[0].length).toBeLessThan(200);
  });
});

describe("formatParamQuery", () => {
  it("writes changed values, drops defaults and keeps other keys", () => {
    expect(formatParamQuery("?x=1&lr=0.5", { lr: 0.03, hidden: 8, activation: "relu" }, specs)).toBe("?x=1&hidden=8&activation=relu");
    expect(formatParamQuery("", { lr: 0.03, hidden: 4, activation: "tanh" }, specs)).toBe("");
  });

  it("round-trips through parseParamQuery", () => {
    const values = { lr: 0.251, hidden: 16, activation: "sigmoid" };
    expect(parseParamQuery(formatParamQuery("", values, specs), specs).values).toEqual(values);
  });
});

describe("stepParamValue", () => {
  it("steps integers, log scales and choices, within the range", () => {
    expect(stepParamValue(hidden, 4, 1)).toBe(5);
    expect(stepParamValue(hidden, 32, 10)).toBe(32);
    expect(stepParamValue(lr, 0.1, 10)).toBeCloseTo(1);
    expect(stepParamValue(lr, 10, 1)).toBe(10);
    expect(stepParamValue(activation, "tanh", 1)).toBe("sigmoid");
    expect(stepParamValue(activation, "relu", 1)).toBe("relu");
  });
});

describe("typed values", () => {
  const rate = toParamSpec({ name: "lr", value: 5, min: 0.1, max: 100, scale: "log" }) as NumberParamSpec;
  const layers = toParamSpec({ name: "layers", value: 2, min: 1, max: 8, step: 1 }) as NumberParamSpec;

  it("accepts an allowed value as typed, a decimal comma included", () => {
    expect(readTypedParamValue(rate, " 0.25 ")).toEqual({ value: 0.25 });
    expect(readTypedParamValue(rate, "0,5")).toEqual({ value: 0.5 });
    expect(readTypedParamValue(rate, "2,5e1")).toEqual({ value: 25 });
  });

  it("moves an out-of-range or off-grid value to the nearest allowed one and says so with the range", () => {
    expect(readTypedParamValue(rate, "500")).toEqual({ value: 100, notice: "500 is above the maximum: using 100 (0.1 to 100)." });
    expect(readTypedParamValue(rate, "0,01")).toEqual({ value: 0.1, notice: "0.01 is below the minimum: using 0.1 (0.1 to 100)." });
    expect(readTypedParamValue(layers, "2.6")).toEqual({ value: 3, notice: "2.6 is between steps: using 3 (1 to 8, whole numbers)." });
  });

  it("refuses what is not a number, keeping the value, and says what is allowed", () => {
    expect(readTypedParamValue(rate, "abc")).toEqual({ value: undefined, notice: "“abc” is not a number: 0.1 to 100." });
    expect(readTypedParamValue(rate, "1,2,3").value).toBeUndefined();
    expect(readTypedParamValue(rate, "")).toEqual({ value: undefined, notice: "Type a number: 0.1 to 100." });
  });

  it("says when a key cannot go further", () => {
    expect(describeLimit(rate, 100, 1)).toBe("Already at the maximum, 100 (0.1 to 100).");
    expect(describeLimit(rate, 0.1, -10)).toBe("Already at the minimum, 0.1 (0.1 to 100).");
    expect(describeLimit(rate, 50, 1)).toBeUndefined();
  });
});

describe("dragging a number", () => {
  it("moves a log-scale number one decade per fixed distance, whatever its size", () => {
    const rate = toParamSpec({ name: "lr", value: 5, min: 0.001, max: 1000, scale: "log" }) as NumberParamSpec;
    expect(dragParamValue(rate, 5, DRAG_PIXELS_PER_DECADE)).toBe(50);
    expect(dragParamValue(rate, 0.05, DRAG_PIXELS_PER_DECADE)).toBe(0.5);
    expect(dragParamValue(rate, 5, -DRAG_PIXELS_PER_DECADE)).toBe(0.5);
    // The report's 80 px took η from 5 to 100; now it is less than a decade.
    expect(dragParamValue(rate, 5, 80)).toBeLessThan(50);
  });

  it("moves a linear number across its range in a fixed distance, and a stepped one a step at a time", () => {
    const x = toParamSpec({ name: "x", value: 0, min: -2, max: 2 }) as NumberParamSpec;
    expect(dragParamValue(x, 0, DRAG_PIXELS_PER_RANGE / 4)).toBe(1);
    const layers = toParamSpec({ name: "layers", value: 2, min: 1, max: 8, step: 1 }) as NumberParamSpec;
    expect(dragParamValue(layers, 2, 7)).toBe(2);
    expect(dragParamValue(layers, 2, DRAG_PIXELS_PER_RANGE)).toBe(8);
  });
});

describe("paramChars", () => {
  it("draws a number's field as wide as its text, from 2 to 12 characters", () => {
    expect(["5", "0.05", "0.000123", "123456789.123456"].map(paramChars)).toEqual([2, 4, 8, 12]);
  });
});

describe("choiceChars", () => {
  it("draws a choice as wide as its longest label, a Chinese character counting two letters", () => {
    expect(choiceChars(["tanh", "sigmoid", "leaky ReLU"])).toBe(10);
    expect(choiceChars(["扇出", "神经元", "你自己的"])).toBe(8);
    expect(choiceChars(["x"])).toBe(2);
  });
});
