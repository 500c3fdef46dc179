import { describe, expect, it } from "vitest";
import { classifyCodeColours } from "../../../src/build/codeColours";

const token = (light: string, dark: string, text: string) => `<span style="color:#${light};--shiki-dark:#${dark}">${text}</span>`;

describe("classifyCodeColours", () => {
  it("names each token's colour pair by a class defined once in the head, keeping both themes' colours", () => {
    const code = `<pre class="astro-code" style="background-color:#ffffff;--shiki-dark-bg:#0d1117"><code><span class="line">${token("CF222E", "FF7B72", "const")}${token("1F2328", "E6EDF3", " x")}${token("CF222E", "FF7B72", " =")}</span></code></pre>`;
    const page = `<html><head><title>t</title></head><body>${code}</body></html>`;
    const classified = classifyCodeColours(page);
    expect(classified).toBe(
      `<html><head><title>t</title><style>.c-1f2328-e6edf3{color:#1f2328;--shiki-dark:#e6edf3}.c-cf222e-ff7b72{color:#cf222e;--shiki-dark:#ff7b72}</style></head><body>` +
        `<pre class="astro-code" style="background-color:#ffffff;--shiki-dark-bg:#0d1117"><code><span class="line"><span class="c-cf222e-ff7b72">const</span><span class="c-1f2328-e6edf3"> x</span><span class="c-cf222e-ff7b72"> =</span></span></code></pre></body></html>`,
    );
  });

  it("leaves a page without highlighted code, and other inline styles, as they are", () => {
    const page = `<html><head></head><body><span style="color:#CF222E">red</span><p style="color:#1F2328;--shiki-dark:#E6EDF3">p</p></body></html>`;
    expect(classifyCodeColours(page)).toBe(page);
  });
});
