import { describe, expect, it } from "vitest";
import { parseHTML } from "linkedom";
import { escapeNonAscii } from "../../../src/build/asciiMarkup";

const isAscii = (text: string) => /^[\x00-\x7f]*$/.test(text);

describe("escapeNonAscii", () => {
  it("writes text and attributes past ASCII as character references that parse back to the same characters", () => {
    const page = `<!doctype html><html lang="zh-CN"><head><title>梯度下降 · Backprop</title></head><body><p title="δ → ∂E/∂w">E − η∇E, “said”, 😀 and café</p></body></html>`;
    const escaped = escapeNonAscii(page);
    expect(isAscii(escaped)).toBe(true);
    expect(escaped).toContain("E &#x2212; &#x3b7;&#x2207;E");
    // One reference for a character outside the Basic Multilingual Plane, not two for its surrogate halves.
    expect(escaped).toContain("&#x1f600;");
    const before = parseHTML(page).document;
    const after = parseHTML(escaped).document;
    expect(after.title).toBe(before.title);
    expect(after.querySelector("p")!.textContent).toBe("E − η∇E, “said”, 😀 and café");
    expect(after.querySelector("p")!.getAttribute("title")).toBe("δ → ∂E/∂w");
  });

  it("escapes a script's characters as JavaScript does, so the script computes the same values", () => {
    const body = `({ text: "−δ😀", pattern: /δ+/u, template: \`η=\${1}\` })`;
    const escaped = escapeNonAscii(`<p>x</p><script data-label="η">${body}</script ><p>é</p>`);
    expect(isAscii(escaped)).toBe(true);
    const [, open, script] = /(<script[^>]*>)([\s\S]*?)<\/script >/.exec(escaped)!;
    expect(open).toBe(`<script data-label="&#x3b7;">`);
    expect(script).not.toContain("&#x");
    const value = new Function(`return ${script}`)() as { text: string; pattern: RegExp; template: string };
    expect(value.text).toBe("−δ😀");
    expect(value.pattern.test("δδ")).toBe(true);
    expect(value.template).toBe("η=1");
    expect(escaped.endsWith("</script ><p>&#xe9;</p>")).toBe(true);
  });

  it("escapes a style sheet's characters as CSS does, ending each escape with the space CSS expects", () => {
    expect(escapeNonAscii(`<style>.step::before { content: "→ δ"; }</style>`)).toBe(`<style>.step::before { content: "\\2192  \\3b4 "; }</style>`);
  });

  it("leaves a page that is ASCII already as it was", () => {
    const page = `<!doctype html><html><head><style>a{color:red}</style><script>let a = "x";</script></head><body><p>&amp; &lt;</p></body></html>`;
    expect(escapeNonAscii(page)).toBe(page);
  });
});
