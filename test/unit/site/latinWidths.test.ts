import { describe, expect, it } from "vitest";
import { latinWidths } from "../../../src/site/latinWidths";

describe("latinWidths", () => {
  it("counts a Latin letter, digit or space as one", () => {
    expect(latinWidths("leaky ReLU")).toBe(10);
    expect(latinWidths("")).toBe(0);
  });

  it("counts a Chinese character, full-width punctuation and a full-width form as two", () => {
    expect(latinWidths("神经元")).toBe(6);
    expect(latinWidths("反向传播，")).toBe(10);
    expect(latinWidths("（Ａ）")).toBe(6);
    expect(latinWidths("ReLU 激活")).toBe(9);
  });

  it("counts every wide character of a long text, not only the first", () => {
    expect(latinWidths("梯".repeat(50))).toBe(100);
  });
});
