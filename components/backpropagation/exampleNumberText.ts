/** How the worked example writes its numbers, shared by its build-time markup and its browser updates. */
import { en } from "../../src/i18n/en";
import type { Strings } from "../../src/i18n/types";
import type { NumberRecord } from "./workedExampleSetup";
import { formatNumber } from "../kit/formatNumber";

/** The worked example's precision: 9 significant digits with trailing zeros kept ("0.358916480", as its browser tests assert). */
const EXAMPLE_FORMAT = { digits: 9, keepZeros: true, exponents: false } as const;

/** A number of the worked example for the reader, by the kit's rule at the example's precision. */
export function formatExampleNumber(value: number): string {
  return formatNumber(value, EXAMPLE_FORMAT);
}

/** The tooltip sentence for a number: "formula = values substituted = value". */
export function describeRecord(record: NumberRecord, s: Strings = en): string {
  const value = formatExampleNumber(record.value);
  if (record.substituted === "as you set it") return s.bpAsSet({ formula: record.formula, value });
  return `${record.formula} = ${record.substituted} = ${value}`;
}

/** A value the reader set, as typed: 9 significant digits without trailing zeros ("0.41", "1"). */
export function formatSetValue(value: number): string {
  return formatNumber(value, { digits: 9, exponents: false });
}
