import { describe, expect, it } from "vitest";
import { capOutputs, createOutputRecorder, isOutput, OUTPUT_LIMITS, type Output } from "../../../src/notebook/outputs";
import { renderOutput } from "../../../src/notebook/render";

describe("output limits", () => {
  it("keeps the first outputs, counts the rest, and says so in a truncated line", () => {
    const recorder = createOutputRecorder();
    for (let i = 0; i < 1_000_000; i++) recorder.push({ type: "text", text: String(i) });
    const outputs = recorder.finish([{ type: "error", name: "Error", message: "late" }]);
    expect(outputs).toHaveLength(OUTPUT_LIMITS.count + 2);
    expect(outputs.at(-2)).toEqual({ type: "truncated", shown: OUTPUT_LIMITS.count, total: 1_000_000 });
    expect(outputs.at(-1)).toMatchObject({ type: "error", message: "late" }); // the error is never cut off
    expect(renderOutput(outputs.at(-2)!)).toContain("output truncated (200 of 1000000)");
  });

  it("cuts a huge text to the character budget", () => {
    const recorder = createOutputRecorder();
    recorder.push({ type: "text", text: "x".repeat(50_000_000) });
    const [text, notice] = recorder.finish();
    expect((text as { text: string }).text).toHaveLength(OUTPUT_LIMITS.chars);
    expect(notice).toEqual({ type: "truncated", shown: 1, total: 1 });
  });

  it("caps a table's rows × columns, not only its rows", () => {
    const recorder = createOutputRecorder();
    const columns = Array.from({ length: 5000 }, (_, j) => `c${j}`);
    recorder.push({ type: "table", columns, rows: Array.from({ length: 500 }, () => columns.map((_, j) => j)) });
    const [table, notice] = recorder.finish();
    const kept = table as { columns: string[]; rows: unknown[][] };
    expect(kept.columns).toHaveLength(OUTPUT_LIMITS.tableColumns);
    expect(kept.columns.length * kept.rows.length).toBeLessThanOrEqual(OUTPUT_LIMITS.tableCells);
    expect(kept.rows.every((row) => row.length === kept.columns.length)).toBe(true);
    expect(notice.type).toBe("truncated");
  });

  it("caps a list that did not come through the recorder, keeping its verdict", () => {
    const outputs: Output[] = [...Array.from({ length: 203 }, () => ({ type: "text", text: "x" }) as Output), { type: "check", passed: true, message: "ok" }];
    const capped = capOutputs(outputs);
    expect(capped.filter((output) => output.type === "text")).toHaveLength(OUTPUT_LIMITS.count);
    expect(capped.at(-1)).toMatchObject({ type: "check" });
    expect(capped.some((output) => output.type === "truncated")).toBe(true);
  });

  it("accepts only outputs whose every field has the right type", () => {
    expect(isOutput({ type: "error", name: "E", message: "m", line: 3 })).toBe(true);
    expect(isOutput({ type: "error", name: "E", message: "m", line: "<img src=x onerror=alert(1)>" })).toBe(false);
    expect(isOutput({ type: "text", text: 1 })).toBe(false);
    expect(isOutput({ type: "table", columns: ["a"], rows: [[{}]] })).toBe(false);
    expect(isOutput({ type: "check", passed: "yes", message: "m" })).toBe(false);
    expect(renderOutput({ type: "error", name: "E", message: "m", line: "<b>" as unknown as number })).not.toContain("<b>");
  });
});
