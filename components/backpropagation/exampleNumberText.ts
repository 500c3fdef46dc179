/** How the worked example writes its numbers, shared by its build-time markup and its browser updates. */
import type { NumberRecord } from "./workedExampleSetup";

/**
 * Writes a number to 9 significant digits, the precision the chapter shows (and its browser tests
 * assert, e.g. "0.358916480" with its trailing zero): the kit's formatNumber drops trailing zeros
 * and uses exponents below 0.001, so the worked example keeps this one format of its own.
 */
export function formatExampleNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (value === 0) return "0";
  return value.toPrecision(9);
}

/** The tooltip sentence for a number: "formula = values substituted = value". */
export function describeRecord(record: NumberRecord): string {
  const value = formatExampleNumber(record.value);
  if (record.substituted === "as you set it") return `${record.formula} = ${value}, as set in the text`;
  return `${record.formula} = ${record.substituted} = ${value}`;
}

/** A value the reader set, as typed: 9 significant digits without trailing zeros ("0.41", "1"). */
export function formatSetValue(value: number): string {
  return String(Number(value.toPrecision(9)));
}
