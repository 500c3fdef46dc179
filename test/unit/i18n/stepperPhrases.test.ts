// Issue #16: the graph stepper's model line (model, activation, loss) is written in English where the graph is
// defined, in components/chain-rule/ and in the chapters' exports, and shown through zh.csPhrase. A phrase added
// there without its Chinese would show English on a Chinese page.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { zh } from "../../../src/i18n/zh";

/** Names that read the same in both languages. */
const SAME_IN_BOTH = new Set(["ReLU", "sigmoid σ", "tanh"]);

/** Every `model: "…"`, `activation: "…"` and `loss: "…"` phrase that describes a stepper graph. */
function stepperPhrases(): string[] {
  const sources = [
    ...readdirSync("components/chain-rule").filter((name) => name.endsWith(".ts")).map((name) => join("components/chain-rule", name)),
    ...readdirSync("content").filter((name) => name.endsWith(".mdx")).map((name) => join("content", name)),
  ];
  const phrases = new Set<string>();
  for (const file of sources) {
    const text = readFileSync(file, "utf8");
    if (!/\bmodel: "/.test(text)) continue;
    for (const [, phrase] of text.matchAll(/\b(?:model|activation|loss): "([^"]+)"/g)) {
      // createNetwork's `loss: "squaredError"` in the same file is an engine option (an identifier), not a phrase.
      if (!/^[a-z]+[A-Z]\w*$/.test(phrase)) phrases.add(phrase);
    }
  }
  return [...phrases];
}

describe("the graph stepper's phrases in Chinese", () => {
  const phrases = stepperPhrases();

  it("finds the phrases of every stepper graph", () => {
    expect(phrases).toContain("an expression built with the chapter’s Scalar");
    expect(phrases).toContain("your Scalar and your backward");
  });

  it.each(phrases)("translates %j", (phrase) => {
    const shown = zh.csPhrase({ text: phrase });
    if (SAME_IN_BOTH.has(phrase)) expect(shown).toBe(phrase);
    else expect(shown).toMatch(/[\u4e00-\u9fff]/);
  });
});
