/**
 * The one way the book writes a number. The rule: `digits` significant digits (3 unless asked),
 * trailing zeros dropped (0.5, not 0.500); below 0.001 or from 100 000 up, exponent form with
 * `digits` significant digits (1.20e−5); no thousands separators (the plain range stops at 99 999);
 * every minus sign is U+2212 (−); zero is "0" (never "−0"); infinities and NaN as the words
 * JavaScript uses ("Infinity", "−Infinity", "NaN"), since the prose says "became Infinity/NaN".
 * A place that needs otherwise says so in a NumberFormat, and only there: fixed decimals, kept
 * zeros (the precision a worked example shows), integers whole, JavaScript's own exponent switch,
 * or an ASCII minus where the number goes into TeX or reads as code.
 */

const MINUS = "\u2212";
const SMALLEST_PLAIN = 1e-3;
const LARGEST_PLAIN = 1e5;

/** How one place departs from the rule; every field defaults to the rule. */
export interface NumberFormat {
  /** Significant digits (3 unless asked). */
  digits?: number;
  /** Fixed decimals instead of significant digits, in plain form ("0.25" at 2 decimals). */
  decimals?: number;
  /** Keep trailing zeros: a worked example's 0.358916480, a truth table's 0.50. */
  keepZeros?: boolean;
  /** Write integers whole whatever `digits` says (a traced graph's 12345). */
  wholeIntegers?: boolean;
  /** false: plain form except where JavaScript itself switches to an exponent (below 1e−6, from 1e21 up). */
  exponents?: boolean;
  /** "text": U+2212 for readers (the rule); "ascii": a hyphen-minus, for TeX and code. */
  minus?: "text" | "ascii";
}

/** `value` by the rule above; a number as `format` is a count of significant digits. */
export function formatNumber(value: number, format: number | NumberFormat = {}): string {
  const options = typeof format === "number" ? { digits: format } : format;
  const minus = options.minus === "ascii" ? "-" : MINUS;
  if (Number.isNaN(value)) return "NaN";
  if (!Number.isFinite(value)) return value > 0 ? "Infinity" : `${minus}Infinity`;
  return writeDigits(value, options).replace(/-/g, minus);
}

// The digits with ASCII signs; formatNumber puts in the minus the place asked for.
function writeDigits(value: number, { digits = 3, decimals, keepZeros = false, wholeIntegers = false, exponents = true }: NumberFormat): string {
  if (decimals !== undefined) {
    const fixed = value.toFixed(decimals);
    if (Number(fixed) === 0) return keepZeros ? (0).toFixed(decimals) : "0";
    return keepZeros ? fixed : String(Number(fixed));
  }
  if (value === 0) return "0";
  if (wholeIntegers && Number.isInteger(value)) return String(value);
  const size = Math.abs(value);
  if (exponents && (size < SMALLEST_PLAIN || size >= LARGEST_PLAIN)) return value.toExponential(digits - 1);
  const precise = value.toPrecision(digits);
  return keepZeros ? precise : String(Number(precise));
}
