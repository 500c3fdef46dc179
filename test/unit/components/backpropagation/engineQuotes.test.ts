import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { ENGINE_QUOTES, quoteFirst, quoteLines } from "../../../../components/backpropagation/engineLines";

describe("the engine quotes", () => {
  it("finds every quoted line in today's engine source", () => {
    for (const [name, specs] of Object.entries(ENGINE_QUOTES)) {
      const file = (Array.isArray(specs) ? specs[0] : specs).file;
      const quoted = quoteFirst(readFileSync(file, "utf8"), specs);
      expect(quoted.missing, name).toBeUndefined();
      expect(quoted.code.length, name).toBeGreaterThan(10);
    }
  });

  it("reports a moved line instead of throwing", () => {
    const quoted = quoteLines("const x = 1;\n", { file: "f.ts", start: "nowhere" });
    expect(quoted.missing).toContain("nowhere");
  });
});
