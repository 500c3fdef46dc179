/**
 * The one way a widget writes a number for the reader. The rule: `digits` significant digits
 * (3 unless asked), trailing zeros dropped (0.5, not 0.500); below 0.001 or from 100 000 up,
 * exponent form with `digits` significant digits (1.20e−5); no thousands separators (the plain
 * range stops at 99 999); every minus sign is U+2212 (−); zero is "0" (never "−0"); infinities and
 * NaN as the words JavaScript uses ("Infinity", "−Infinity", "NaN"), since the prose says "became Infinity/NaN".
 */

const MINUS = "\u2212";
const SMALLEST_PLAIN = 1e-3;
const LARGEST_PLAIN = 1e5;

/** `value` for the reader, by the rule above. */
export function formatNumber(value: number, digits = 3): string {
  if (Number.isNaN(value)) return "NaN";
  if (!Number.isFinite(value)) return value > 0 ? "Infinity" : `${MINUS}Infinity`;
  if (value === 0) return "0";
  const size = Math.abs(value);
  const text = size < SMALLEST_PLAIN || size >= LARGEST_PLAIN ? value.toExponential(digits - 1) : String(Number(value.toPrecision(digits)));
  return text.replace(/-/g, MINUS);
}
