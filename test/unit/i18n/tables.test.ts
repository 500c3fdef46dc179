// The strings tables: the same keys in every language, each key used somewhere, each Chinese string typeset as Chinese expects.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { en } from "../../../src/i18n/en";
import { zh } from "../../../src/i18n/zh";

const ROOT = join(import.meta.dirname, "../../..");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|astro)$/.test(name) ? [path] : [];
  });
}

// Every source that may show a string, minus the tables themselves.
const files = [...sourceFiles(join(ROOT, "src")), ...sourceFiles(join(ROOT, "components"))]
  .filter((path) => !path.includes(join("src", "i18n")))
  .map((path) => readFileSync(path, "utf8"));
const sources = files.join("\n");
// The sources that read a table (as `s`): a key they use must exist.
const readers = files.filter((text) => /i18n\/(strings|en|types)"/.test(text)).join("\n");

// Slots that hold a phrase of the same table ("key.slot" for one key, "slot" for every key); every other slot holds a number, as text.
const phrases: Record<string, (table: typeof en) => string> = {
  cells: (table) => table.nbCellList({ first: "1", last: "3" }),
  where: (table) => table.percWhere({ call: "f(1)", z: "0.5", y: 1, t: 0 }),
  what: (table) => table.trainDiverges({ from: "1", to: "2" }),
  fix: (table) => table.trainSmallerReaches({ rate: 0.1, loss: "0.01" }),
  advice: (table) => table.trainRaise,
  shape: (table) => table.esShapeName({ shape: "valley" }),
  "scalarRequireEarlier.step": (table) => table.scalarStep1,
  "esSurfaceLabel.loss": (table) => table.esLossName({ loss: "squared error" }),
  "esSurfaceAria.loss": (table) => table.esLossName({ loss: "squared error" }),
  "esNotFinite.loss": (table) => table.esLossName({ loss: "squared error" }),
  "pgChangedLive.keys": (table) => table.pgKeyName({ key: "learningRate" }),
  "pgRebuilt.keys": (table) => table.pgKeyName({ key: "seed" }),
  "pgRebuiltPlaying.keys": (table) => table.pgKeyName({ key: "seed" }),
  "pgStatus.test": (table) => table.pgTestLoss({ loss: "0.1" }),
  "bdOnLayer.layer": (table) => table.bdLayer({ m: 4, n: 3, B: 5 }),
  "smxGradientLength.yours": (table) => table.smxNotAnArray,
  "bpUpdateRefused.range": (table) => table.bpRangeOf({ min: "-10", max: "10" }),
  "bpUpdateAtEdge.range": (table) => table.bpRangeOf({ min: "-10", max: "10" }),
  "bpFlowSummary.summary": (table) => table.bpFlowSmaller({ ratio: "12" }),
  "bpDiagramStatus.what": (table) => table.bpAfterApplied({ steps: 2 }),
  "rdResetDone.reason": (table) => table.rdSettingsChanged,
  "rdSettingsNoted.reason": (table) => table.rdAddressSettings,
  "rdRead.what": (table) => table.rdYourDrawing,
  "rdReadUntrained.what": (table) => table.rdYourDrawing,
  "rdProgress.where": (table) => table.rdWhere({ epoch: "1.5", examples: 12000, step: 1200 }),
  "rdReadTrained.what": (table) => table.rdYourDrawing,
  "rdReadYours.what": (table) => table.rdYourDrawing,
  "rdYoursReads.progress": (table) => table.rdProgress({ where: table.rdWhere({ epoch: "1.5", examples: 12000, step: 1200 }), accuracy: "90.0 %", loss: "0.3" }),
};

function render(value: unknown, table: typeof en = en, key = ""): string {
  if (typeof value !== "function") return String(value);
  return String(value(new Proxy({}, { get: (_, slot: string) => (phrases[`${key}.${slot}`] ?? phrases[slot])?.(table) ?? "7" })));
}

const CJK = "\\u3400-\\u9fff";
const LATIN_OR_DIGIT = "A-Za-z0-9\\u0391-\\u03c9";

describe("strings tables", () => {
  it("Chinese has exactly English's keys", () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
  });

  it("each key is a string in both or a function with the same slots in both", () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(typeof zh[key], key).toBe(typeof en[key]);
      if (typeof en[key] === "function") expect((zh[key] as () => string).length, key).toBe((en[key] as () => string).length);
    }
  });

  it("every key is used by some source file, and no source uses a key the tables lack", () => {
    const code = sources.replace(/\/\/.*$/gm, "");
    const unused = Object.keys(en).filter((key) => !new RegExp(`\\.${key}\\b|\\b${key}:`).test(code));
    expect(unused).toEqual([]);
    const used = new Set([...readers.matchAll(/\bs\.([a-z][A-Za-z0-9]*)\b/g)].map((match) => match[1]));
    expect([...used].filter((key) => !(key in en))).toEqual([]);
  });

  it("no string renders an empty or undefined slot", () => {
    for (const table of [en, zh]) {
      for (const [key, value] of Object.entries(table)) {
        const text = render(value);
        // A slot the function does not fill renders "undefined"; the word itself may be in the wording.
        if (!String(value).includes("undefined")) expect(text, key).not.toMatch(/undefined/);
        expect(text, key).not.toMatch(/\[object/);
        // Only a separator may be blank (Chinese needs no space between sentences).
        if (render(en[key as keyof typeof en]).trim() !== "") expect(text.trim().length, key).toBeGreaterThan(0);
      }
    }
  });

  it("English strings write an apostrophe as ’, as the smart-quoted prose around them does", () => {
    // A straight " stays only around what the reader typed (an input value, a token of an expression): that is code.
    for (const [key, value] of Object.entries(en)) expect(render(value, en, key), key).not.toMatch(/\p{L}'\p{L}/u);
  });

  it("Chinese strings space Chinese from Latin letters and numbers, and use full-width punctuation", () => {
    const unspaced = new RegExp(`[${CJK}][${LATIN_OR_DIGIT}]|[${LATIN_OR_DIGIT}][${CJK}]`);
    const halfWidth = new RegExp(`[${CJK}][,;:!?(]|[,;:!?)][${CJK}]|[${CJK}]\\.(\\s|$)`);
    for (const [key, value] of Object.entries(zh)) {
      const text = render(value, zh, key);
      expect(text, key).not.toMatch(unspaced);
      expect(text, key).not.toMatch(halfWidth);
    }
  });

  it("a string with numbers puts them where each language's grammar wants them", () => {
    expect(en.nbStatusRunning({ cell: 3 })).toBe("Running cell 3…");
    expect(zh.nbStatusRunning({ cell: 3 })).toBe("正在运行第 3 个单元格……");
    expect(zh.nbDefinedLater({ cell: 4, name: "w" })).toBe("w 由页面下方的第 4 个单元格定义；请先运行它。");
    expect(en.nbStatusReset({ cells: 1 })).toBe("Reset 1 cell to the book’s code.");
    expect(en.nbStatusReset({ cells: 2 })).toBe("Reset 2 cells to the book’s code.");
    expect(zh.nbStatusReset({ cells: 2 })).toBe("已把 2 个单元格恢复为书中的代码。");
  });
});
