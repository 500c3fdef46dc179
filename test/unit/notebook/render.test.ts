import { describe, expect, it } from "vitest";
import { renderOutput, renderOutputs } from "../../../src/notebook/render";
import { describeValue, inspectValue } from "../../../src/notebook/display";
import { isOutput, isErrorOutput, type Output } from "../../../src/notebook/outputs";

describe("the output union", () => {
  it("describes displayed values by kind", () => {
    expect(describeValue("hi")).toEqual({ type: "text", text: "hi" });
    expect(describeValue(3)).toEqual({ type: "value", summary: "3" });
    expect(describeValue({ outerHTML: "<svg></svg>", nodeType: 1 })).toEqual({ type: "figure", markup: "<svg></svg>" });
    expect(describeValue([{ a: 1 }, { a: 2, b: "x" }])).toEqual({ type: "table", columns: ["a", "b"], rows: [[1, null], [2, "x"]] });
  });

  it("inspects class instances without their graph", () => {
    class Value {
      data = 2;
      grad = 0;
      parents = [{ data: 1 }];
      backward = () => {};
    }
    expect(inspectValue(new Value())).toBe("Value { data: 2, grad: 0 }");
    expect(inspectValue(new Float64Array([1, 2]))).toBe("Float64Array(2) [1, 2]");
  });

  it("guards messages", () => {
    expect(isOutput({ type: "text", text: "a" })).toBe(true);
    expect(isOutput({ type: "html", html: "<b>" })).toBe(false);
    expect(isErrorOutput({ type: "error", name: "E", message: "m" })).toBe(true);
  });
});

describe("rendering", () => {
  it("escapes text, values, tables and errors, and puts the checker's verdict first", () => {
    const outputs: Output[] = [
      { type: "text", text: "<b>" },
      { type: "value", summary: '"&"' },
      { type: "table", columns: ["<x>"], rows: [[0.1234567891]] },
      { type: "error", name: "TypeError", message: "<oops>", line: 3 },
      { type: "check", passed: false, message: "v is <wrong>" },
    ];
    expect(renderOutputs(outputs)).toBe(
      '<p class="nb-out nb-out-check nb-check-fail" role="status"><strong>✗ Not yet</strong>: v is &lt;wrong&gt;</p>' +
        '<pre class="nb-out nb-out-text">&lt;b&gt;</pre>' +
        '<pre class="nb-out nb-out-value">&quot;&amp;&quot;</pre>' +
        '<div class="nb-out nb-out-table"><table class="edge-shadows"><thead><tr><th scope="col">&lt;x&gt;</th></tr></thead><tbody><tr><td class="nb-num">0.123457</td></tr></tbody></table></div>' +
        '<pre class="nb-out nb-out-error" role="alert"><strong>TypeError</strong>: &lt;oops&gt; <span class="nb-error-line">(line 3)</span></pre>',
    );
  });

  it("passes figure markup through for the browser to sanitise", () => {
    expect(renderOutput({ type: "figure", markup: "<svg><circle/></svg>" })).toBe('<div class="nb-out nb-out-figure"><svg><circle/></svg></div>');
  });
});

describe("figures from Plot", () => {
  it("lose the aria-label Plot puts on mark groups, which ARIA forbids on a plain <g>", async () => {
    const { parseHTML } = await import("linkedom");
    const Plot = await import("@observablehq/plot");
    const { describeValue } = await import("../../../src/notebook/display");
    const { document } = parseHTML("<!doctype html><html><body></body></html>");
    const figure = Plot.plot({ document, marks: [Plot.dot([{ x: 1, y: 2 }], { x: "x", y: "y" })] } as never) as unknown as { outerHTML: string };
    expect(figure.outerHTML).toMatch(/<g[^>]*aria-label=/);
    const output = describeValue(figure);
    expect(output.type).toBe("figure");
    expect(output.type === "figure" && output.markup).not.toMatch(/<g[^>]*aria-label=/);
    expect(output.type === "figure" && output.markup).toContain("<circle");
  });
});
