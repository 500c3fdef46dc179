import { describe, expect, it } from "vitest";
import { checkPerceptronRule, listRuleCases } from "../../../../src/notebook/checks/perceptronRule";

type Rule = (w: number[], b: number, x: number[], target: number, learningRate: number) => { w: number[]; b: number };

function check(rule: Rule) {
  return checkPerceptronRule({ applyPerceptronRule: rule });
}

const step = (w: number[], b: number, x: number[]) => (w.reduce((sum, wi, i) => sum + wi * x[i], b) >= 0 ? 1 : 0);

describe("the perceptronRule checker", () => {
  it("accepts the rule, written either way", () => {
    const pure: Rule = (w, b, x, t, eta) => {
      const error = t - step(w, b, x);
      return { w: w.map((wi, i) => wi + eta * error * x[i]), b: b + eta * error };
    };
    const inPlace: Rule = (w, b, x, t, eta) => {
      const y = step(w, b, x);
      if (y !== t) {
        for (let i = 0; i < w.length; i++) w[i] += eta * (t - y) * x[i];
        b += eta * (t - y);
      }
      return { w, b };
    };
    expect(check(pure).passed).toBe(true);
    expect(check(inPlace).passed).toBe(true);
    expect(listRuleCases().length).toBeGreaterThan(40);
  });

  it("says what is wrong with typical mistakes", () => {
    const cases: [string, Rule, RegExp][] = [
      ["starter", (w, b) => ({ w, b }), /misclassified, but your weights and bias did not change/],
      ["sign", (w, b, x, t, eta) => { const e = step(w, b, x) - t; return { w: w.map((wi, i) => wi + eta * e * x[i]), b: b + eta * e }; }, /wrong direction: you added η·\(y − t\)·x/],
      ["no bias", (w, b, x, t, eta) => { const e = t - step(w, b, x); return { w: w.map((wi, i) => wi + eta * e * x[i]), b }; }, /the bias did not change/],
      ["no η", (w, b, x, t, eta) => { const e = t - step(w, b, x); return { w: w.map((wi, i) => wi + e * x[i]), b: b + eta * e }; }, /left out the learning rate/],
      ["always", (w, b, x, t, eta) => { const s = 2 * t - 1; return { w: w.map((wi, i) => wi + eta * s * x[i]), b: b + eta * s }; }, /already classified correctly/],
      ["z > 0", (w, b, x, t, eta) => { const z = w.reduce((sum, wi, i) => sum + wi * x[i], b); const e = t - (z > 0 ? 1 : 0); return { w: w.map((wi, i) => wi + eta * e * x[i]), b: b + eta * e }; }, /treat z = 0 as output 0/],
      ["no x", (w, b, x, t, eta) => { const e = t - step(w, b, x); return { w: w.map((wi) => wi + eta * e), b: b + eta * e }; }, /to every weight/],
      ["shape", () => 3 as unknown as { w: number[]; b: number }, /return an object \{ w, b \}/],
    ];
    for (const [name, rule, message] of cases) {
      const result = check(rule);
      expect(result.passed, name).toBe(false);
      expect(result.message, name).toMatch(message);
    }
    expect(checkPerceptronRule({}).message).toMatch(/define a function applyPerceptronRule/);
  });
});
