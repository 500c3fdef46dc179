import { describe, expect, it } from "vitest";
import { parseHTML } from "linkedom";
import { createKernelClient, type WorkerLike } from "../../../src/notebook/kernelClient";
import { createKernel } from "../../../src/notebook/kernel";
import { createCellModules } from "../../../src/notebook/cellModules";
import { parseKernelReply, parseRunMessage, type RunMessage } from "../../../src/notebook/protocol";

/** A worker that runs the real kernel in-process, or hangs on "while (true)" like a stuck cell. */
function fakeWorkerFactory() {
  const made: { terminated: boolean }[] = [];
  const createWorker = (): WorkerLike => {
    const kernel = createKernel({ modules: createCellModules(parseHTML("<html></html>").document) });
    const state = { terminated: false };
    made.push(state);
    const worker: WorkerLike = {
      onmessage: null,
      onerror: null,
      terminate: () => void (state.terminated = true),
      postMessage(message: RunMessage) {
        queueMicrotask(async () => {
          const run = parseRunMessage(message)!;
          worker.onmessage?.({ data: { type: "started", id: run.id } });
          if (run.request.source.includes("while (true)")) return; // never answers
          const result = await kernel.run(run.request);
          if (!state.terminated) worker.onmessage?.({ data: { type: "result", id: run.id, result } });
        });
      },
    };
    return worker;
  };
  return { made, createWorker };
}

describe("kernel protocol", () => {
  it("accepts well-formed replies only", () => {
    expect(parseKernelReply({ type: "started", id: 1 })).toEqual({ type: "started", id: 1 });
    expect(parseKernelReply({ type: "result", id: 2, result: { ok: true, outputs: [{ type: "text", text: "hi" }] } })).toBeDefined();
    expect(parseKernelReply({ type: "result", id: 2, result: { ok: true, outputs: [{ type: "script", text: "x" }] } })).toBeUndefined();
    expect(parseKernelReply({ type: "result", result: { ok: true, outputs: [] } })).toBeUndefined();
    expect(parseKernelReply("result")).toBeUndefined();
    expect(parseRunMessage({ type: "run", id: 1, request: { source: "1", params: {} } })).toBeDefined();
    expect(parseRunMessage({ type: "run", id: 1 })).toBeUndefined();
  });
});

describe("kernel client", () => {
  it("creates no worker until the first run, then keeps one scope", async () => {
    const { made, createWorker } = fakeWorkerFactory();
    const client = createKernelClient({ createWorker });
    expect(made).toHaveLength(0);
    await client.run({ source: "const a = 20;", params: {} });
    const result = await client.run({ source: "a + 1", params: {} });
    expect(result).toEqual({ ok: true, outputs: [{ type: "value", summary: "21" }] });
    expect(made).toHaveLength(1);
  });

  it("stops a cell that runs past the time limit, restarts, and says earlier state is gone", async () => {
    const { made, createWorker } = fakeWorkerFactory();
    const client = createKernelClient({ createWorker, timeLimit: 50 });
    await client.run({ source: "const a = 1;", params: {} });
    const queued = client.run({ source: "a", params: {} });
    const stuck = await client.run({ source: "while (true) {}", params: {} });
    expect(stuck.ok).toBe(false);
    expect(stuck.outputs[0]).toMatchObject({ type: "error", name: "Interrupted", message: expect.stringContaining("earlier cells are gone") });
    expect(made[0].terminated).toBe(true);
    expect(client.generation).toBe(1);
    expect(await queued).toMatchObject({ ok: true }); // queued before the stuck cell, so it ran first
    const after = await client.run({ source: "typeof a", params: {} });
    expect(after.outputs).toEqual([{ type: "text", text: "undefined" }]);
    expect(made).toHaveLength(2);
  });

  it("interrupts at once and cancels queued cells", async () => {
    const { createWorker } = fakeWorkerFactory();
    const client = createKernelClient({ createWorker, timeLimit: 60_000 });
    const stuck = client.run({ source: "while (true) {}", params: {} });
    const queued = client.run({ source: "1", params: {} });
    await new Promise((resolve) => setTimeout(resolve, 10));
    client.interrupt();
    expect(await stuck).toMatchObject({ ok: false, outputs: [{ name: "Interrupted" }] });
    expect(await queued).toMatchObject({ ok: false, cancelled: true });
    expect(await client.run({ source: "2", params: {} })).toMatchObject({ ok: true });
  });

  it("restart forgets every name", async () => {
    const { createWorker } = fakeWorkerFactory();
    const client = createKernelClient({ createWorker });
    await client.run({ source: "const kept = 1;", params: {} });
    client.restart();
    expect(client.generation).toBe(1);
    const result = await client.run({ source: "kept", params: {} });
    expect(result.outputs[0]).toMatchObject({ type: "error", name: "ReferenceError" });
  });
});

/** A worker the test drives by hand: it records what it was sent and answers only when told. */
function scriptedWorker() {
  const sent: RunMessage[] = [];
  const state = { terminated: 0 };
  let current: WorkerLike | undefined;
  const createWorker = (): WorkerLike => {
    current = { onmessage: null, onerror: null, terminate: () => void state.terminated++, postMessage: (message) => void sent.push(message as RunMessage) };
    return current;
  };
  const say = (data: unknown) => current!.onmessage?.({ data });
  const crash = (message: string) => current!.onerror?.({ message });
  return { sent, state, createWorker, say, crash };
}

/** Timers the test advances itself. */
function manualTimers() {
  let now = 0;
  const timers = new Map<number, { at: number; callback: () => void }>();
  let next = 1;
  return {
    setTimer: (callback: () => void, ms: number) => (timers.set(next, { at: now + ms, callback }), next++),
    clearTimer: (timer: unknown) => void timers.delete(timer as number),
    advance(ms: number) {
      now += ms;
      for (const [id, timer] of [...timers]) if (timer.at <= now && timers.delete(id)) timer.callback();
    },
  };
}

describe("kernel client limits", () => {
  it("counts the time limit from posting the run, so a worker kept busy by a leftover timer cannot hold it off", async () => {
    const worker = scriptedWorker();
    const timers = manualTimers();
    const client = createKernelClient({ createWorker: worker.createWorker, timeLimit: 5000, bootLimit: 1000, ...timers });
    const first = client.run({ source: "setTimeout(() => { for (;;) {} })", params: {} });
    worker.say({ type: "started", id: 1 });
    worker.say({ type: "result", id: 1, result: { ok: true, outputs: [] } });
    expect(await first).toEqual({ ok: true, outputs: [] });
    const second = client.run({ source: "1", params: {} });
    timers.advance(4999);
    worker.say({ type: "started", id: 2 }); // a forged "started" must not restart the clock
    timers.advance(1);
    expect(await second).toMatchObject({ ok: false, outputs: [{ name: "Interrupted", message: expect.stringContaining("Stopped after 5 s") }] });
    expect(worker.state.terminated).toBe(1);
  });

  it("gives a fresh worker time to load, then the plain limit from its first cell's start", async () => {
    const worker = scriptedWorker();
    const timers = manualTimers();
    const client = createKernelClient({ createWorker: worker.createWorker, timeLimit: 5000, bootLimit: 20_000, ...timers });
    const run = client.run({ source: "while (true) {}", params: {} });
    timers.advance(15_000); // still loading sucrase and Plot
    worker.say({ type: "started", id: 1 });
    timers.advance(4999);
    expect(worker.state.terminated).toBe(0);
    timers.advance(1);
    expect(await run).toMatchObject({ ok: false });
  });

  it("checks the id before reading a message, and ends a worker that floods the page", async () => {
    const worker = scriptedWorker();
    const client = createKernelClient({ createWorker: worker.createWorker, timeLimit: 60_000, strayLimit: 20 });
    const run = client.run({ source: "flood()", params: {} });
    let read = 0;
    const forged = { type: "result", id: 99, get result() { read++; return { ok: true, outputs: [] }; } };
    for (let i = 0; i < 20; i++) worker.say(forged);
    expect(read).toBe(0);
    expect(worker.state.terminated).toBe(0);
    worker.say(forged);
    expect(worker.state.terminated).toBe(1);
    expect(await run).toMatchObject({ ok: false, outputs: [{ message: expect.stringContaining("did not ask for") }] });
  });

  it("rejects a result with more outputs than the kernel can send, and caps one within it", async () => {
    expect(parseKernelReply({ type: "result", id: 1, result: { ok: true, outputs: Array.from({ length: 100_000 }, () => ({ type: "text", text: "x" })) } })).toBeUndefined();
    const reply = parseKernelReply({ type: "result", id: 1, result: { ok: true, outputs: [{ type: "text", text: "x".repeat(3_000_000) }] } });
    expect(reply?.type === "result" && reply.result.outputs.map((output) => output.type)).toEqual(["text", "truncated"]);
  });

  it("interrupts a worker even when no cell is running", async () => {
    const worker = scriptedWorker();
    const client = createKernelClient({ createWorker: worker.createWorker });
    const run = client.run({ source: "setInterval(busy)", params: {} });
    worker.say({ type: "started", id: 1 });
    worker.say({ type: "result", id: 1, result: { ok: true, outputs: [] } });
    await run;
    client.interrupt();
    expect(worker.state.terminated).toBe(1);
    expect(client.generation).toBe(1);
  });

  it("reports a crashed worker in the cell and starts a fresh one for the next run", async () => {
    const worker = scriptedWorker();
    const client = createKernelClient({ createWorker: worker.createWorker });
    const run = client.run({ source: "const hog = []; for (;;) hog.push(new Array(1e6))", params: {} });
    worker.crash("Out of memory");
    expect(await run).toMatchObject({ ok: false, outputs: [{ message: expect.stringContaining("The kernel crashed (Out of memory)") }] });
    void client.run({ source: "1", params: {} });
    expect(worker.sent.at(-1)).toMatchObject({ id: 2 });
    expect(worker.state.terminated).toBe(1);
  });
});
