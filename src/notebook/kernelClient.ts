/**
 * The page's handle on the kernel worker: runs one cell at a time, enforces the time limit, and
 * interrupts by terminating the worker; the next run starts a fresh one. No DOM here, and the
 * worker is made by an injected factory, so the protocol is tested in Node.
 *
 * Nothing the worker says is trusted: the reader's code runs there. The time limit counts from
 * when a run is posted (a timer the reader left behind cannot hold it off), a message is checked
 * by id before anything else is read, and a worker that sends more than the protocol allows is
 * ended as a fault.
 */
import type { RunRequest, RunResult } from "./kernel";
import { parseKernelReply, replyId, type RunMessage } from "./protocol";
import { enNotebook } from "../i18n/notebook.en";
import type { NotebookStrings } from "../i18n/types";

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
  /** Extra milliseconds a fresh worker may take to load before its first cell starts; default 30000. */
  bootLimit?: number;
  /** Messages a worker may send that answer nothing before it is ended as a fault; default 20. */
  strayLimit?: number;
  setTimer?: (callback: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
  /** The page's strings table, for the interrupt, restart and time-limit messages; default English. */
  strings?: NotebookStrings;
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
  /** Ends the worker whatever it is doing (a running cell, or a timer a cell left behind) and cancels the queued cells. */
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
  const s = options.strings ?? enNotebook;
  const timeLimit = options.timeLimit ?? 5000;
  const bootLimit = options.bootLimit ?? 30_000;
  const strayLimit = options.strayLimit ?? 20;
  const setTimer = options.setTimer ?? ((callback, ms) => setTimeout(callback, ms));
  const clearTimer = options.clearTimer ?? ((timer) => clearTimeout(timer as ReturnType<typeof setTimeout>));
  let worker: WorkerLike | undefined;
  // Until the worker's first cell has started, no reader code has run in it, so that "started" is genuine.
  let booting = false;
  let strays = 0;
  let generation = 0;
  let nextId = 1;
  let current: Job | undefined;
  let timer: unknown;
  const queue: Job[] = [];
  const tooLong = s.kernelTooLong({ seconds: timeLimit / 1000 });

  function ensureWorker(): WorkerLike {
    if (worker) return worker;
    const created = options.createWorker();
    booting = true;
    strays = 0;
    created.onmessage = (event) => {
      if (created !== worker) return;
      const id = replyId(event.data);
      if (!current || id !== current.id) return stray();
      const reply = parseKernelReply(event.data);
      if (!reply) return stray();
      if (reply.type === "started") {
        if (!booting) return stray();
        booting = false;
        restartTimer(timeLimit, tooLong);
      } else {
        booting = false;
        finish(reply.result);
      }
    };
    created.onerror = (event) => {
      if (created === worker) stop(s.kernelCrashed({ why: event.message || s.kernelCrashedUnknown }));
    };
    worker = created;
    return created;
  }

  function stray(): void {
    if (++strays > strayLimit) stop(s.kernelStrays);
  }

  function restartTimer(ms: number, reason: string): void {
    clearTimer(timer);
    timer = setTimer(() => stop(reason), ms);
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
    const target = ensureWorker();
    // The clock starts now, not when the worker says it began: a worker kept busy never says so.
    if (booting) restartTimer(bootLimit + timeLimit, s.kernelNoStart({ seconds: (bootLimit + timeLimit) / 1000 }));
    else restartTimer(timeLimit, tooLong);
    target.postMessage({ type: "run", id: job.id, request: job.request });
  }

  function discardWorker(): void {
    const ended = worker;
    worker = undefined;
    ended?.terminate();
    generation++;
  }

  function stop(reason: string): void {
    clearTimer(timer);
    discardWorker();
    for (const job of queue.splice(0)) job.resolve({ ok: false, outputs: [], cancelled: true });
    if (current) finish({ ok: false, outputs: [{ type: "error", name: "Interrupted", message: `${reason} ${s.kernelRestarted}` }] });
  }

  return {
    run(request) {
      return new Promise((resolve) => {
        queue.push({ id: nextId++, request, resolve });
        pump();
      });
    },
    interrupt() {
      if (worker || current || queue.length > 0) stop(s.kernelInterrupted);
    },
    restart() {
      if (current || queue.length > 0) stop(s.kernelRestartedShort);
      else discardWorker();
    },
    get generation() {
      return generation;
    },
  };
}
