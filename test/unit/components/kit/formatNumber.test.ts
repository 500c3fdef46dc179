import { describe, expect, it } from "vitest";
import { formatNumber } from "../../../../components/kit/formatNumber";

describe("formatNumber's rule", () => {
  it("gives three significant digits and drops trailing zeros", () => {
    expect(formatNumber(Math.sqrt(0.5))).toBe("0.707");
    expect(formatNumber(0.5)).toBe("0.5");
    expect(formatNumber(12345)).toBe("12300");
    expect(formatNumber(2 / 3, 6)).toBe("0.666667");
  });

  it("writes the minus sign as U+2212, and zero without a sign", () => {
    expect(formatNumber(-0.5)).toBe("\u22120.5");
    expect(formatNumber(-0)).toBe("0");
    expect(formatNumber(-1e-7)).toBe("\u22121.00e\u22127");
  });

  it("switches to exponent form below 0.001 and from 100 000 up, without thousands separators", () => {
    expect(formatNumber(0.000012)).toBe("1.20e\u22125");
    expect(formatNumber(0.001)).toBe("0.001");
    expect(formatNumber(99_999)).toBe("100000"); // rounds to three digits inside the plain range
    expect(formatNumber(100_000)).toBe("1.00e+5");
  });

  it("writes Infinity and NaN as words, as the prose does", () => {
    expect(formatNumber(Infinity)).toBe("Infinity");
    expect(formatNumber(-Infinity)).toBe("\u2212Infinity");
    expect(formatNumber(NaN)).toBe("NaN");
  });
});

describe("formatNumber's options, each place's stated departure from the rule", () => {
  it("writes fixed decimals, dropping or keeping trailing zeros, and a rounded zero without a sign", () => {
    expect(formatNumber(0.5, { decimals: 2, keepZeros: true })).toBe("0.50");
    expect(formatNumber(-0.5, { decimals: 2 })).toBe("\u22120.5");
    expect(formatNumber(-0.001, { decimals: 2, keepZeros: true })).toBe("0.00");
    expect(formatNumber(0.1 + 0.2, { decimals: 3 })).toBe("0.3");
  });

  it("keeps a worked example's nine digits with their trailing zero", () => {
    expect(formatNumber(0.35891648, { digits: 9, keepZeros: true, exponents: false })).toBe("0.358916480");
    expect(formatNumber(-0.0000001234, { digits: 9, keepZeros: true, exponents: false })).toBe("\u22121.23400000e\u22127");
  });

  it("writes integers whole and leaves plain form to JavaScript when asked", () => {
    expect(formatNumber(12345, { digits: 4, wholeIntegers: true })).toBe("12345");
    expect(formatNumber(0.0001234567, { digits: 4, exponents: false })).toBe("0.0001235");
  });

  it("writes an ASCII minus for TeX and code", () => {
    expect(formatNumber(-0.5, { minus: "ascii" })).toBe("-0.5");
    expect(formatNumber(-Infinity, { minus: "ascii" })).toBe("-Infinity");
    expect(formatNumber(-1e-7, { minus: "ascii" })).toBe("-1.00e-7");
  });
});
