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
