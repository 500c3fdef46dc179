/**
 * The page's handle on the kernel worker: runs one cell at a time, enforces the time limit, and
 * interrupts by terminating the worker; the next run starts a fresh one. No DOM here, and the
 * worker is made by an injected factory, so the protocol is tested in Node.
 */
import type { RunRequest, RunResult } from "./kernel";
import { parseKernelReply, type RunMessage } from "./protocol";

/** The part of a Worker the client uses. */
export interface WorkerLike {
  postMessage(message: RunMessage): void;
  terminate(): void;
  onmessage: ((event: { data: unknown }) => void) | null;
  onerror: ((event: { message?: string }) => void) | null;
}

/** How to make workers and timers (real ones in the page, fakes in tests). */
export interface KernelClientOptions {
  createWorker: () => WorkerLike;
  /** Milliseconds a cell may run; default 5000. */
  timeLimit?: number;
  setTimer?: (callback: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

/** A run's result, plus whether the kernel was restarted since the previous run. */
export interface ClientRunResult extends RunResult {
  /** True when this run was cancelled before it started (an interrupt emptied the queue). */
  cancelled?: boolean;
}

/** The page's kernel. */
export interface KernelClient {
  /** Queues a cell; resolves when it finishes, fails, times out or is cancelled. */
  run(request: RunRequest): Promise<ClientRunResult>;
  /** Stops the running cell now (terminating the worker) and cancels the queued ones. */
  interrupt(): void;
  /** Discards the kernel and its names; the next run starts a fresh one. */
  restart(): void;
  /** Increases on every restart, so the page can tell its cells that earlier state is gone. */
  readonly generation: number;
}

interface Job {
  id: number;
  request: RunRequest;
  resolve: (result: ClientRunResult) => void;
}

/** A client whose worker is created on the first run, never before. */
export function createKernelClient(options: KernelClientOptions): KernelClient {
  const timeLimit = options.timeLimit ?? 5000;
  const setTimer = options.setTimer ?? ((callback, ms) => setTimeout(callback, ms));
  const clearTimer = options.clearTimer ?? ((timer) => clearTimeout(timer as ReturnType<typeof setTimeout>));
  let worker: WorkerLike | undefined;
  let generation = 0;
  let nextId = 1;
  let current: Job | undefined;
  let timer: unknown;
  const queue: Job[] = [];

  function ensureWorker(): WorkerLike {
    if (worker) return worker;
    const created = options.createWorker();
    created.onmessage = (event) => {
      const reply = parseKernelReply(event.data);
      if (!reply || !current || reply.id !== current.id) return;
      if (reply.type === "started") {
        timer = setTimer(() => stop(`Stopped after ${timeLimit / 1000} s: the cell ran too long (an infinite loop?).`), timeLimit);
      } else {
        finish(reply.result);
      }
    };
    created.onerror = (event) => stop(`The kernel failed: ${event.message ?? "unknown error"}.`);
    worker = created;
    return created;
  }

  function finish(result: ClientRunResult): void {
    const job = current;
    clearTimer(timer);
    current = undefined;
    job?.resolve(result);
    pump();
  }

  function pump(): void {
    if (current) return;
    const job = queue.shift();
    if (!job) return;
    current = job;
    ensureWorker().postMessage({ type: "run", id: job.id, request: job.request });
  }

  function discardWorker(): void {
    worker?.terminate();
    worker = undefined;
    generation++;
  }

  function stop(reason: string): void {
    discardWorker();
    for (const job of queue.splice(0)) job.resolve({ ok: false, outputs: [], cancelled: true });
    const message = `${reason} The kernel was restarted: names defined by earlier cells are gone, so run them again (or Run all).`;
    if (current) finish({ ok: false, outputs: [{ type: "error", name: "Interrupted", message }] });
  }

  return {
    run(request) {
      return new Promise((resolve) => {
        queue.push({ id: nextId++, request, resolve });
        pump();
      });
    },
    interrupt() {
      if (current || queue.length > 0) stop("Interrupted.");
    },
    restart() {
      if (current || queue.length > 0) stop("Restarted.");
      else discardWorker();
    },
    get generation() {
      return generation;
    },
  };
}
