/** Text shared by the worked example's build-time markup and its browser updates. */
import type { NumberRecord } from "./workedExample";

/** Writes a number to 9 significant digits, the precision the chapter shows. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (value === 0) return "0";
  return value.toPrecision(9);
}

/** The tooltip sentence for a number: "formula = values substituted = value". */
export function describeRecord(record: NumberRecord): string {
  const value = formatNumber(record.value);
  if (record.substituted === "as you set it") return `${record.formula} = ${value}, as set in the text`;
  return `${record.formula} = ${record.substituted} = ${value}`;
}

let tipCount = 0;

/** A page-unique id for a tooltip about the record `name`. */
export function nextTipId(name: string): string {
  tipCount += 1;
  return `bp-tip-${name}-${tipCount}`;
}
