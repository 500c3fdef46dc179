import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CODE_PAPER, MIN_CONTRAST, classifyCodeColours, contrastRatio, readableOn } from "../../../src/build/codeColours";

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

  it("darkens a light colour that fails on a cell's sunk paper just enough to pass on it, and leaves the dark one", () => {
    // github-light-default's keyword purple and comment grey: about 5.0 and 4.6 on white, 4.4 and 4.0 on the paper.
    for (const light of ["8250df", "6e7781"]) {
      expect(contrastRatio(light, CODE_PAPER)).toBeLessThan(MIN_CONTRAST);
      const readable = readableOn(light, CODE_PAPER);
      expect(contrastRatio(readable, CODE_PAPER)).toBeGreaterThanOrEqual(MIN_CONTRAST);
      expect(contrastRatio(readable, "ffffff")).toBeGreaterThanOrEqual(MIN_CONTRAST);
      // Just enough: the colour one step (1% of each channel) less dark fails.
      const channels = [0, 2, 4].map((at) => parseInt(light.slice(at, at + 2), 16));
      const scaled = (step: number) => channels.map((channel) => Math.round(channel * (1 - step / 100)).toString(16).padStart(2, "0")).join("");
      const step = Array.from({ length: 20 }, (_, at) => scaled(at)).indexOf(readable);
      expect(step).toBeGreaterThan(0);
      expect(contrastRatio(scaled(step - 1), CODE_PAPER)).toBeLessThan(MIN_CONTRAST);
    }
    const page = `<html><head></head><body><pre class="astro-code"><code>${token("8250DF", "D2A8FF", "function")}</code></pre></body></html>`;
    const classified = classifyCodeColours(page);
    const readable = readableOn("8250df", CODE_PAPER);
    expect(readable).not.toBe("8250df");
    expect(classified).toContain(`<span class="c-${readable}-d2a8ff">function</span>`);
    expect(classified).toContain(`.c-${readable}-d2a8ff{color:#${readable};--shiki-dark:#d2a8ff}`);
  });

  it("judges against the light theme's sunk paper as global.css defines it", () => {
    const css = readFileSync("src/styles/global.css", "utf8");
    const light = css.slice(css.indexOf(":root {"), css.indexOf("}", css.indexOf(":root {")));
    expect(light).toContain(`--paper-sunk: #${CODE_PAPER};`);
  });
});
