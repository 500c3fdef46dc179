import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ENGINE_QUOTES, quoteOrFail, type LineSpec } from "../../../../components/backpropagation/engineLines";

const listSpecs = (specs: LineSpec | readonly LineSpec[]): readonly LineSpec[] => (Array.isArray(specs) ? specs : [specs as LineSpec]);
const engineFiles = [...new Set(Object.values(ENGINE_QUOTES).flatMap((specs) => listSpecs(specs).map((spec) => spec.file)))];
const todaysSources = Object.fromEntries(engineFiles.map((file) => [file, readFileSync(file, "utf8")]));

describe("EngineLines' quotes fail the build when they go stale", () => {
  it("quotes each line once from today's engine", () => {
    for (const name of Object.keys(ENGINE_QUOTES)) {
      const quoted = quoteOrFail(name, todaysSources);
      expect(quoted.missing, name).toBeUndefined();
      expect(quoted.firstLine, name).toBeGreaterThan(0);
    }
  });

  it("throws, naming the quote and the file, when a quoted line is missing", () => {
    const sources = { ...todaysSources, "src/engine/network.ts": todaysSources["src/engine/network.ts"].replaceAll("if (l === 0) break;", "if (l < 1) break;") };
    expect(() => quoteOrFail("hiddenDelta", sources)).toThrow(/EngineLines quote "hiddenDelta" in src\/engine\/network\.ts: no line of src\/engine\/network\.ts contains "if \(l === 0\) break;"/);
  });

  it("throws when every alternative of a quote is missing, giving each reason", () => {
    const sources = { ...todaysSources, "src/engine/network.ts": "export const nothing = 0;\n" };
    expect(() => quoteOrFail("biasGradient", sources)).toThrow(/"biasGradient" in src\/engine\/network\.ts: no line .* contains "\/\/ ∂E\/∂b\[l\]"; nor: no line .* contains "∂z_j\/∂b_j = 1"/);
  });

  it("throws, naming the quote, the file and both lines, when a quoted line appears twice", () => {
    const losses = todaysSources["src/engine/losses.ts"];
    const sources = { ...todaysSources, "src/engine/losses.ts": `${losses}\n// case "squaredError": copied by mistake\n` };
    expect(() => quoteOrFail("outputError", sources)).toThrow(
      /EngineLines quote "outputError" in src\/engine\/losses\.ts: lines \d+ and \d+ of src\/engine\/losses\.ts both contain "case \\"squaredError\\":", so the quote is ambiguous/,
    );
  });

  it("throws on a quote name it does not know, listing the known ones", () => {
    expect(() => quoteOrFail("outputDelta", todaysSources)).toThrow(/unknown quote "outputDelta"; known: outputError, outputSlope/);
  });
});
