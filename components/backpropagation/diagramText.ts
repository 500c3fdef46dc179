/** Sentences about the diagram's editable values, shared by the build and the browser. */
import type { ExampleSetup } from "./workedExample";

const ROLES: Partial<Record<keyof ExampleSetup, string>> = {
  x1: "input", x2: "input", t1: "target", t2: "target", b1: "bias of both hidden units", b2: "bias of both outputs",
};

/** What a reader learns on focusing an editable value, e.g. "w5 = 0.4, a weight you set in the text; arrow keys change it". */
export function describeParamLine(name: keyof ExampleSetup, value: number): string {
  const role = ROLES[name] ?? "weight";
  return `${name} = ${Number(value.toPrecision(9))}, the ${role}, as set in the text; the arrow keys change it by 0.01 (with Shift, 0.1)`;
}
