/**
 * The part of a lazy widget that needs no DOM: import the runtime once, queue what the reader
 * did before it arrived, replay it in order, and retry after a failed import without losing the queue.
 */

/** What a widget's runtime loader does for its element. */
export interface RuntimeLoader<C> {
  /** Starts the import (once); resolves to the controller. A failure is reported, the next call retries. */
  load(): Promise<C>;
  /** Runs `task` with the controller: now if it has loaded, else after it has, in the order queued; starts the import. */
  enqueue(task: (controller: C) => void): void;
  /** The controller once loaded, else undefined. */
  readonly controller: C | undefined;
}

/** Creates the loader; `start` imports the runtime and starts it; `report` hears of each attempt's end. */
export function createRuntimeLoader<C>(start: () => Promise<C>, report: (state: "loaded" | "failed", error?: unknown) => void): RuntimeLoader<C> {
  let controller: C | undefined;
  let loading: Promise<C> | undefined;
  const queue: ((controller: C) => void)[] = [];
  const flush = (ready: C) => {
    // A task may queue another; it runs after the ones already waiting.
    while (queue.length > 0) queue.shift()!(ready);
  };
  const load = (): Promise<C> =>
    (loading ??= start().then(
      (ready) => {
        controller = ready;
        report("loaded");
        flush(ready);
        return ready;
      },
      (error: unknown) => {
        loading = undefined;
        report("failed", error);
        throw error;
      },
    ));
  return {
    load,
    enqueue(task) {
      if (controller !== undefined) {
        task(controller);
        return;
      }
      queue.push(task);
      void load().catch(() => undefined);
    },
    get controller() {
      return controller;
    },
  };
}
