/**
 * The worked example in the browser, for the diagram that binds its params. The saved page already
 * shows every number for the starting values, so the engine is loaded only when asked (read) or
 * when a bound param changes; then every number is recomputed at most once per animation frame and
 * the views are told. The diagram's runtime creates the one store and starts it.
 */
import type { BoundParams } from "../kit/boundParams";
import { readDefaultSetup, readSetup, type ExampleRecords, type ExampleSetup, type SetupRole } from "./workedExampleSetup";

/** What a view receives: the setup it was computed from and every record. */
export interface ExampleState {
  setup: ExampleSetup;
  records: ExampleRecords;
  /** The page param that changed last, if a single one did; undefined otherwise. */
  changed?: string;
}

/** The worked example for the page's current params, and who hears of it. */
export interface ExampleStore {
  /** Recomputes whenever a bound param changes, from now on. */
  start(): void;
  /** Calls `view` with the current example now (if computed) and after every recomputation. */
  watch(view: (state: ExampleState) => void): void;
  /** The example for the current params, loading the engine and computing it first if needed. */
  read(): Promise<ExampleState>;
}

/** Creates the store over the widget's bound params; nothing happens until `start` or `read`. */
export function createExampleStore(params: BoundParams<SetupRole>): ExampleStore {
  // A value the reader's address leaves unusable falls back to the page's default for it.
  const defaults = readDefaultSetup((role) => params.spec(role).value);
  const views = new Set<(state: ExampleState) => void>();
  let state: ExampleState | undefined;
  let pending: Promise<ExampleState> | undefined;
  let changedNames: string[] = [];
  let started = false;

  // Loads the engine's worked example (once per page), then recomputes on the next frame; calls made meanwhile share that frame.
  const schedule = (name?: string): Promise<ExampleState> => {
    if (name) changedNames.push(name);
    pending ??= import("./workedExample.ts").then(
      ({ computeExample }) =>
        new Promise<ExampleState>((resolve) =>
          requestAnimationFrame(() => {
            pending = undefined;
            const setup = readSetup(params.values(), defaults);
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
  };

  return {
    start() {
      if (started) return;
      started = true;
      // A failed import leaves the saved numbers in place; the next edit tries again.
      params.watch((role) => void schedule(params.spec(role).name).catch(() => undefined));
    },
    watch(view) {
      views.add(view);
      if (state) view(state);
    },
    read() {
      return state && !pending ? Promise.resolve(state) : schedule();
    },
  };
}
