/** The diagram's text, shared by the build and the browser: each line's value and the sentence that explains it. */
import { en } from "../../src/i18n/en";
import type { Strings } from "../../src/i18n/types";
import type { ExampleRecords, ExampleSetup } from "./workedExampleSetup";
import { describeRecord, formatExampleNumber, formatSetValue } from "./exampleNumberText";

/** What a line of the diagram shows: a worked-example record, or a param the reader set. */
export interface LineSource {
  record?: string;
  param?: keyof ExampleSetup;
}

const ROLES = (s: Strings): Partial<Record<keyof ExampleSetup, string>> => ({
  x1: s.bpRoleInput, x2: s.bpRoleInput, t1: s.bpRoleTarget, t2: s.bpRoleTarget, b1: s.bpRoleHiddenBias, b2: s.bpRoleOutputBias,
});

/** What a reader learns on focusing an editable value, e.g. "w5 = 0.4, a weight you set in the text; arrow keys change it". */
export function describeParamLine(name: keyof ExampleSetup, value: number, s: Strings = en): string {
  const role = ROLES(s)[name] ?? s.bpRoleWeight;
  return s.bpParamLine({ name, value: formatSetValue(value), role });
}

/** The text after a line's label: the record's value or the param's, to 9 significant digits. */
export function readLineValue(line: LineSource, setup: ExampleSetup, records: ExampleRecords): string {
  if (line.record) return formatExampleNumber(records[line.record].value);
  return formatSetValue(setup[line.param!]);
}

/** The sentence for a line: its record's formula with the values put in, or what the param is. */
export function describeLine(line: LineSource, setup: ExampleSetup, records: ExampleRecords, s: Strings = en): string {
  return line.record ? describeRecord(records[line.record], s) : describeParamLine(line.param!, setup[line.param!], s);
}
