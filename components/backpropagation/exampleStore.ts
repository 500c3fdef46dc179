/**
 * The worked example in the browser: reads the page's params, recomputes every number with the
 * engine at most once per animation frame, and tells the example's elements what changed.
 */
import { readParams, watchParams } from "../../src/notebook/client/paramStore";
import { computeExample, readSetup, type ExampleRecords, type ExampleSetup } from "./workedExample";

/** What a view receives: the setup it was computed from and every record. */
export interface ExampleState {
  setup: ExampleSetup;
  records: ExampleRecords;
  /** The param that changed last, if a single one did; undefined on the first computation. */
  changed?: string;
}

type View = (state: ExampleState) => void;

const views = new Set<View>();
let state: ExampleState | undefined;
let scheduled = false;
let changedNames: string[] = [];

function recompute(): void {
  scheduled = false;
  const setup = readSetup(readParams());
  state = { setup, records: computeExample(setup), changed: changedNames.length === 1 ? changedNames[0] : undefined };
  changedNames = [];
  for (const view of views) view(state);
}

function schedule(name?: string): void {
  if (name) changedNames.push(name);
  if (scheduled) return;
  scheduled = true;
  requestAnimationFrame(recompute);
}

watchParams((name) => schedule(name));
// The params register as their elements upgrade; read them (and any values from the URL) after that.
void customElements.whenDefined("nb-param").then(() => schedule());

/** Calls `view` with the current example now (if computed) and after every change. */
export function watchExample(view: View): void {
  views.add(view);
  if (state) view(state);
}
