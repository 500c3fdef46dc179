import { describe, expect, it } from "vitest";
import { parseHTML } from "linkedom";
import { createKernelClient, type WorkerLike } from "../../../src/notebook/kernelClient";
import { createKernel } from "../../../src/notebook/kernel";
import { createCellModules } from "../../../src/notebook/cellModules";
import { parseDigitsMessage, parseKernelReply, parseRunMessage, type PageMessage } from "../../../src/notebook/protocol";
import type { DigitSet } from "../../../src/data/digits";
import { describeDigitProgress } from "../../../src/notebook/client/digitsForKernel";

const TINY: DigitSet = {
  rows: 1, columns: 2,
  train: { count: 2, labels: new Uint8Array([3, 4]), images: new Uint8Array([0, 255, 255, 0]) },
  test: { count: 1, labels: new Uint8Array([5]), images: new Uint8Array([128, 128]) },
};

/** A worker that runs the real kernel in-process and asks the page for the digits as kernelWorker.ts does. */
function digitsWorkerFactory(extra: { requestBeforeStart?: boolean; forge?: Record<string, unknown> } = {}) {
  const requests: unknown[] = [];
  const createWorker = (): WorkerLike => {
    let running = 0;
    let cached: DigitSet | undefined;
    const waiting: ((message: PageMessage) => void)[] = [];
    const source = () => new Promise<DigitSet>((resolve, reject) => {
      waiting.push((answer) => {
        const parsed = parseDigitsMessage(answer)!;
        if (parsed.digits) cached ??= parsed.digits;
        if (cached) resolve(cached);
        else reject(new Error(parsed.error ?? "no digits"));
      });
      const request = { type: "digits", id: running, ...extra.forge };
      requests.push(request);
      worker.onmessage?.({ data: request });
    });
    const kernel = createKernel({ modules: createCellModules(parseHTML("<html></html>").document, source) });
    const worker: WorkerLike = {
      onmessage: null,
      onerror: null,
      terminate: () => undefined,
      postMessage(message: PageMessage) {
        queueMicrotask(async () => {
          if (message.type === "digits") return waiting.shift()?.(message);
          const run = parseRunMessage(message)!;
          running = run.id;
          if (extra.requestBeforeStart) worker.onmessage?.({ data: { type: "digits", id: run.id } });
          worker.onmessage?.({ data: { type: "started", id: run.id } });
          const result = await kernel.run(run.request);
          worker.onmessage?.({ data: { type: "result", id: run.id, result } });
        });
      },
    };
    return worker;
  };
  return { requests, createWorker };
}

const LOAD = `import { loadDigits } from "digits";\nconst digits = await loadDigits();\ndisplay(digits.train.labels.join(","));`;
const wait = (ms: number) => `await new Promise((resolve) => setTimeout(resolve, ${ms}));`;

describe("the digits bridge between kernel and page", () => {
  it("lets a cell load the digits the page fetched, with progress shown in that cell", async () => {
    const { createWorker } = digitsWorkerFactory();
    const loads: unknown[][] = [];
    const statuses: string[] = [];
    const client = createKernelClient({
      createWorker,
      loadDigits: async (...args) => {
        loads.push(args);
        args[0]("Loading the handwritten digits: 0.8 of 1.6 MB (50%)…");
        return TINY;
      },
    });
    const result = await client.run({ source: LOAD, params: {} }, { onStatus: (text) => statuses.push(text) });
    expect(result).toEqual({ ok: true, outputs: [{ type: "text", text: "3,4" }] });
    expect(statuses).toEqual(["Loading the handwritten digits: 0.8 of 1.6 MB (50%)…"]);
    const again = await client.run({ source: LOAD, params: {} });
    expect(again.outputs).toEqual([{ type: "text", text: "3,4" }]);
    expect(loads).toHaveLength(1); // the second load reuses what this worker already has
  });

  it("reads nothing from the kernel's request: the page's loader is called with its progress callback only", async () => {
    const { requests, createWorker } = digitsWorkerFactory({ forge: { url: "https://attacker.example/steal", path: "../secret" } });
    const loads: unknown[][] = [];
    const client = createKernelClient({ createWorker, loadDigits: async (...args) => (loads.push(args), TINY) });
    await client.run({ source: LOAD, params: {} });
    expect(requests[0]).toMatchObject({ url: "https://attacker.example/steal" });
    expect(loads).toHaveLength(1);
    expect(loads[0]).toHaveLength(1);
    expect(loads[0][0]).toBeTypeOf("function");
    expect(parseKernelReply({ type: "digits", id: 3, url: "https://attacker.example/" })).toEqual({ type: "digits", id: 3 });
  });

  it("gives a cell that uses the digits the longer time limit, and no other cell", async () => {
    const { createWorker } = digitsWorkerFactory();
    const client = createKernelClient({ createWorker, timeLimit: 100, dataTimeLimit: 5000, loadDigits: async () => TINY });
    const training = await client.run({ source: `${LOAD}\n${wait(300)}`, params: {} });
    expect(training).toMatchObject({ ok: true });
    const plain = await client.run({ source: wait(300), params: {} });
    expect(plain).toMatchObject({ ok: false, outputs: [{ name: "Interrupted", message: expect.stringContaining("Stopped after 0.1 s") }] });
  });

  it("stops a training cell at the longer limit too", async () => {
    const { createWorker } = digitsWorkerFactory();
    const client = createKernelClient({ createWorker, timeLimit: 50, dataTimeLimit: 150, loadDigits: async () => TINY });
    const result = await client.run({ source: `${LOAD}\n${wait(400)}`, params: {} });
    expect(result).toMatchObject({ ok: false, outputs: [{ name: "Interrupted", message: expect.stringContaining("Stopped after 0.15 s") }] });
  });

  it("passes a failed download to the cell as an error it can read", async () => {
    const { createWorker } = digitsWorkerFactory();
    const client = createKernelClient({ createWorker, loadDigits: async () => Promise.reject(new Error("Could not load the digits from /data/digits.bin.gz: the server answered 404.")) });
    const result = await client.run({ source: LOAD, params: {} });
    expect(result).toMatchObject({ ok: false, outputs: [{ type: "error", message: "Could not load the digits from /data/digits.bin.gz: the server answered 404." }] });
  });

  it("tells the cell when the page has no way to load the digits", async () => {
    const { createWorker } = digitsWorkerFactory();
    const client = createKernelClient({ createWorker });
    const result = await client.run({ source: LOAD, params: {} });
    expect(result).toMatchObject({ ok: false, outputs: [{ type: "error", message: "this page cannot load the digits" }] });
  });

  it("counts a request before the cell has started as a stray, and loads nothing for it", async () => {
    const { createWorker } = digitsWorkerFactory({ requestBeforeStart: true });
    let loads = 0;
    const client = createKernelClient({ createWorker, strayLimit: 0, loadDigits: async () => (loads++, TINY) });
    const result = await client.run({ source: "1", params: {} });
    expect(result).toMatchObject({ ok: false, outputs: [{ message: expect.stringContaining("messages the page did not ask for") }] });
    expect(loads).toBe(0);
  });
});

describe("the digits' progress line", () => {
  it("says how much has arrived, of how much when the size is known", () => {
    expect(describeDigitProgress({ loaded: 808_360, total: 1_616_720 })).toBe("Loading the handwritten digits: 0.8 of 1.6 MB (50%)…");
    expect(describeDigitProgress({ loaded: 3_000_000, total: null })).toBe("Loading the handwritten digits: 3.0 MB so far…");
  });
});
