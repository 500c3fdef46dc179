import { describe, expect, it } from "vitest";
import { Value, traceGraph, countLocalDerivatives } from "../../../src/engine/index";

describe("Value", () => {
  it("backpropagates through a small expression", () => {
    const a = new Value(2, "a");
    const b = new Value(-3, "b");
    const c = a.mul(b).add(a.pow(2)); // c = ab + a²
    c.backward();
    expect(c.data).toBe(-2);
    expect(a.grad).toBe(-3 + 4); // ∂c/∂a = b + 2a
    expect(b.grad).toBe(2); // ∂c/∂b = a
  });
});
