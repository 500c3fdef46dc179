import { describe, expect, it } from "vitest";
import { createRuntimeLoader } from "../../../../components/kit/runtimeLoader";
import { claimOnce } from "../../../../components/kit/onceOnly";

/** A runtime import the test resolves or rejects by hand. */
function deferredImport() {
  const attempts: { resolve: (value: string[]) => void; reject: (error: Error) => void }[] = [];
  const start = () => new Promise<string[]>((resolve, reject) => attempts.push({ resolve, reject }));
  return { start, attempts };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("the lazy widget's runtime loader", () => {
  it("queues what the reader did before the runtime arrived and replays it in order", async () => {
    const { start, attempts } = deferredImport();
    const states: string[] = [];
    const loader = createRuntimeLoader(start, (state) => states.push(state));
    loader.enqueue((log) => log.push("action play"));
    loader.enqueue((log) => log.push("pick 3,4"));
    loader.enqueue((log) => log.push("press ArrowUp"));
    expect(attempts).toHaveLength(1); // one import, however many events
    const log: string[] = [];
    attempts[0].resolve(log);
    await settle();
    expect(log).toEqual(["action play", "pick 3,4", "press ArrowUp"]);
    expect(states).toEqual(["loaded"]);
    loader.enqueue((later) => later.push("paramsChanged"));
    expect(log.at(-1)).toBe("paramsChanged"); // once loaded, at once
  });

  it("imports once, however often it is asked", async () => {
    const { start, attempts } = deferredImport();
    const loader = createRuntimeLoader(start, () => undefined);
    const first = loader.load();
    const second = loader.load();
    expect(attempts).toHaveLength(1);
    attempts[0].resolve([]);
    expect(await first).toBe(await second);
    await loader.load();
    expect(attempts).toHaveLength(1);
  });

  it("reports a failed import, keeps the queue, and retries on the next touch", async () => {
    const { start, attempts } = deferredImport();
    const states: unknown[] = [];
    const loader = createRuntimeLoader(start, (state, error) => states.push([state, (error as Error | undefined)?.message]));
    loader.enqueue((log) => log.push("step"));
    attempts[0].reject(new Error("offline"));
    await settle();
    expect(states).toEqual([["failed", "offline"]]);
    expect(loader.controller).toBeUndefined();
    const retry = loader.load();
    expect(attempts).toHaveLength(2);
    const log: string[] = [];
    attempts[1].resolve(log);
    await retry;
    expect(log).toEqual(["step"]); // the click made before the failure is not lost
    expect(states.at(-1)).toEqual(["loaded", undefined]);
  });
});

describe("the once-only guard", () => {
  it("claims an element once, and marks it", () => {
    const element = { dataset: {} as DOMStringMap };
    expect(claimOnce(element)).toBe(true);
    expect(element.dataset.widget).toBe("ready");
    expect(claimOnce(element)).toBe(false);
  });
});
