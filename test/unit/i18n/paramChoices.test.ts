// Issue #16: a choice param sits inside a Chinese sentence as a menu; its values stay the same in both editions
// (cells and the address read them), but what the menu shows is Chinese. A choice added to a zh page without its
// Chinese name would show English in the middle of a Chinese sentence.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { zhNotebook } from "../../../src/i18n/notebook.zh";
import { enNotebook } from "../../../src/i18n/notebook.en";
import { describeAllowed, toParamSpec } from "../../../src/notebook/params";

/** Names that read the same in Chinese technical text: functions and the XOR problem. */
const SAME_IN_BOTH = new Set(["sigmoid", "tanh", "relu", "xor"]);

/** Every choice of every `<Param>` on the Chinese pages. */
function zhParamChoices(): string[] {
  const choices = new Set<string>();
  for (const name of readdirSync("content/zh").filter((file) => file.endsWith(".mdx"))) {
    const text = readFileSync(join("content/zh", name), "utf8");
    for (const [, list] of text.matchAll(/<Param\b[^>]*?choices=\{(\[[^\]]*\])\}/g)) for (const choice of JSON.parse(list) as string[]) choices.add(choice);
  }
  return [...choices];
}

describe("choice params in the Chinese edition", () => {
  const choices = zhParamChoices();

  it("finds the choices of the chapters' params", () => {
    expect(choices).toEqual(expect.arrayContaining(["squared error", "fan-out", "your own", "circles", "sigmoid"]));
  });

  it.each(choices)("shows %j by a Chinese name (or one that reads the same in Chinese)", (choice) => {
    const shown = zhNotebook.paramChoice({ choice });
    if (SAME_IN_BOTH.has(choice)) expect(shown).toBe(choice);
    else expect(shown).not.toBe(choice);
  });

  it("shows the values themselves in English, and names them in a notice in the reader's language", () => {
    const loss = toParamSpec({ name: "loss", value: "squared error", choices: ["squared error", "cross-entropy"] });
    expect(enNotebook.paramChoice({ choice: "squared error" })).toBe("squared error");
    expect(describeAllowed(loss, zhNotebook)).toBe("取值为 平方误差、交叉熵 之一");
  });
});
