/**
 * The worked example in the browser. The saved page already shows every number for the starting
 * values, so the engine is loaded only when they stop being right: the first time the reader edits
 * one of the example's params (or a link's query sets one), or a widget asks with readExample().
 * Then every number is recomputed at most once per animation frame and the views are told.
 */
import { readParams, watchParams } from "../../src/notebook/client/paramStore";
import { DEFAULT_SETUP, PARAM_NAMES, isSameSetup, readSetup, type ExampleSetup } from "./exampleSetup";
import type { ExampleRecords } from "./workedExample";

/** What a view receives: the setup it was computed from and every record. */
export interface ExampleState {
  setup: ExampleSetup;
  records: ExampleRecords;
  /** The param that changed last, if a single one did; undefined on the first computation. */
  changed?: string;
}

type View = (state: ExampleState) => void;

const EXAMPLE_PARAMS = new Set<string>(Object.values(PARAM_NAMES));
const views = new Set<View>();
let state: ExampleState | undefined;
let pending: Promise<ExampleState> | undefined;
let changedNames: string[] = [];

/** Loads the engine's worked example (once per page), then recomputes on the next frame; calls made meanwhile share that frame. */
function schedule(name?: string): Promise<ExampleState> {
  if (name) changedNames.push(name);
  pending ??= import("./workedExample.ts").then(
    ({ computeExample }) =>
      new Promise<ExampleState>((resolve) =>
        requestAnimationFrame(() => {
          pending = undefined;
          const setup = readSetup(readParams());
          state = { setup, records: computeExample(setup), changed: changedNames.length === 1 ? changedNames[0] : undefined };
          changedNames = [];
          for (const view of views) view(state);
          resolve(state);
        }),
      ),
    (error: unknown) => {
      pending = undefined; // the next change tries the import again
      throw error;
    },
  );
  return pending;
}

// A failed import leaves the saved numbers in place; the next edit tries again.
watchParams((name) => {
  if (EXAMPLE_PARAMS.has(name)) void schedule(name).catch(() => undefined);
});
// The params register as their elements upgrade; values from the URL that differ from the saved page need the engine at once.
void customElements.whenDefined("nb-param").then(() => {
  if (!isSameSetup(readSetup(readParams()), DEFAULT_SETUP)) void schedule().catch(() => undefined);
});

/** Calls `view` with the current example now (if computed) and after every recomputation. */
export function watchExample(view: View): void {
  views.add(view);
  if (state) view(state);
}

/** The example for the page's current params, loading the engine and computing it first if needed. */
export function readExample(): Promise<ExampleState> {
  return state && !pending ? Promise.resolve(state) : schedule();
}
