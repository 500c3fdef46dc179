import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const ENGINE = join(__dirname, "../../../src/engine");
const files = readdirSync(ENGINE).filter((name) => name.endsWith(".ts"));
const sources = Object.fromEntries(files.map((name) => [name, readFileSync(join(ENGINE, name), "utf8")]));
const withoutComments = (source: string) => source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/\/\/.*$/gm, "");

/**
 * The engine should be readable in one sitting: about an hour at a careful 30 lines a minute, so 1,800 lines,
 * plus 250 for simd.ts and simdModule.ts, the WebAssembly kernels a reader may skip (matrix.ts's JavaScript kernels
 * compute the same; the sparse kernel for blank pixels took it past 100), plus 10 for the loss surface's row range
 * (which let chapters 2 and 3 drop their own copies of the surface loop). No file longer than 300 lines (one
 * concept per file, a few screens each).
 */
const TOTAL_LINE_BUDGET = 2060;
const FILE_LINE_BUDGET = 300;

describe("engine hygiene", () => {
  it(`stays within ${TOTAL_LINE_BUDGET} lines in all and ${FILE_LINE_BUDGET} per file`, () => {
    const lines = Object.fromEntries(files.map((name) => [name, sources[name].split("\n").length]));
    for (const [name, count] of Object.entries(lines)) expect(count, name).toBeLessThanOrEqual(FILE_LINE_BUDGET);
    expect(Object.values(lines).reduce((sum, count) => sum + count, 0)).toBeLessThanOrEqual(TOTAL_LINE_BUDGET);
  });

  it("imports nothing from outside src/engine", () => {
    expect(files.length).toBeGreaterThan(5);
    for (const [name, source] of Object.entries(sources)) {
      const specifiers = [...source.matchAll(/(?:from|import)\s*\(?\s*["']([^"']+)["']/g)].map((match) => match[1]);
      for (const specifier of specifiers) expect(specifier, `${name} imports ${specifier}`).toMatch(/^\.\/[A-Za-z]+$/);
    }
  });

  it("uses no DOM or browser globals and never Math.random", () => {
    const forbidden = /\b(window|document|navigator|localStorage|sessionStorage|HTMLElement|HTMLCanvasElement|requestAnimationFrame|fetch|self)\b|Math\.random/;
    for (const [name, source] of Object.entries(sources)) expect(withoutComments(source), name).not.toMatch(forbidden);
  });

  it("gives every export a doc comment", () => {
    for (const [name, source] of Object.entries(sources)) {
      if (name === "index.ts") continue; // re-exports only; each thing is documented where it is defined
      const lines = source.split("\n");
      lines.forEach((line, i) => {
        if (/^export (function|class|const|interface|type)/.test(line)) expect(lines[i - 1].trim(), `${name}: ${line}`).toMatch(/\*\/$/);
      });
    }
  });

  it("is reached only through index.ts, which exports every public module", () => {
    const index = sources["index.ts"];
    const internal = ["index.ts", "matrix.ts", "simd.ts", "simdModule.ts"]; // the network's and the grid's private kernels
    for (const name of files) if (!internal.includes(name)) expect(index, name).toContain(`"./${name.replace(/\.ts$/, "")}"`);
  });
});
