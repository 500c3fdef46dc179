/** The diagram's text, shared by the build and the browser: each line's value and the sentence that explains it. */
import type { ExampleRecords, ExampleSetup } from "./workedExampleSetup";
import { describeRecord, formatExampleNumber, formatSetValue } from "./exampleNumberText";

/** What a line of the diagram shows: a worked-example record, or a param the reader set. */
export interface LineSource {
  record?: string;
  param?: keyof ExampleSetup;
}

const ROLES: Partial<Record<keyof ExampleSetup, string>> = {
  x1: "input", x2: "input", t1: "target", t2: "target", b1: "bias of both hidden units", b2: "bias of both outputs",
};

/** What a reader learns on focusing an editable value, e.g. "w5 = 0.4, a weight you set in the text; arrow keys change it". */
export function describeParamLine(name: keyof ExampleSetup, value: number): string {
  const role = ROLES[name] ?? "weight";
  return `${name} = ${formatSetValue(value)}, the ${role}, as set in the text; the arrow keys change it by 0.01 (with Shift, 0.1)`;
}

/** The text after a line's label: the record's value or the param's, to 9 significant digits. */
export function readLineValue(line: LineSource, setup: ExampleSetup, records: ExampleRecords): string {
  if (line.record) return formatExampleNumber(records[line.record].value);
  return formatSetValue(setup[line.param!]);
}

/** The sentence for a line: its record's formula with the values put in, or what the param is. */
export function describeLine(line: LineSource, setup: ExampleSetup, records: ExampleRecords): string {
  return line.record ? describeRecord(records[line.record]) : describeParamLine(line.param!, setup[line.param!]);
}
