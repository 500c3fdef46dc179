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
import type { DigitSet } from "../data/digits";
import { parseKernelReply, replyId, type PageMessage } from "./protocol";
import { enNotebook } from "../i18n/notebook.en";
import type { NotebookStrings } from "../i18n/types";

/** The part of a Worker the client uses. */
export interface WorkerLike {
  postMessage(message: PageMessage): void;
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
  /**
   * Loads chapter 7's digits for a cell that asks (the page's one fixed file), reporting progress
   * as a sentence. Without it, a cell that asks is told the digits cannot be loaded here.
   */
  loadDigits?: (onProgress: (text: string) => void) => Promise<DigitSet>;
  /** Milliseconds a cell that uses the digits may run, counted from when it has them; default 60000. */
  dataTimeLimit?: number;
  /** Milliseconds the digits may take to arrive; default 120000. */
  downloadLimit?: number;
}

/** What the page wants to hear about a run while it goes on. */
export interface RunHooks {
  /** A line for the cell's output area, e.g. the digits' download progress. */
  onStatus?: (text: string) => void;
}

/** A run's result, plus whether the kernel was restarted since the previous run. */
export interface ClientRunResult extends RunResult {
  /** True when this run was cancelled before it started (an interrupt emptied the queue). */
  cancelled?: boolean;
}

/** The page's kernel. */
export interface KernelClient {
  /** Queues a cell; resolves when it finishes, fails, times out or is cancelled. */
  run(request: RunRequest, hooks?: RunHooks): Promise<ClientRunResult>;
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
  hooks: RunHooks;
  resolve: (result: ClientRunResult) => void;
  /** True while the page fetches the digits for this job; a second request meanwhile is a stray. */
  fetching?: boolean;
}

/** A client whose worker is created on the first run, never before. */
export function createKernelClient(options: KernelClientOptions): KernelClient {
  const s = options.strings ?? enNotebook;
  const timeLimit = options.timeLimit ?? 5000;
  const bootLimit = options.bootLimit ?? 30_000;
  const strayLimit = options.strayLimit ?? 20;
  const dataTimeLimit = options.dataTimeLimit ?? 60_000;
  const downloadLimit = options.downloadLimit ?? 120_000;
  const setTimer = options.setTimer ?? ((callback, ms) => setTimeout(callback, ms));
  const clearTimer = options.clearTimer ?? ((timer) => clearTimeout(timer as ReturnType<typeof setTimeout>));
  let worker: WorkerLike | undefined;
  // Whether the current worker has been sent the digits (a fresh worker after a restart has not).
  let workerHasDigits = false;
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
      } else if (reply.type === "digits") {
        if (booting || current.fetching) return stray();
        answerDigits(created, current);
      } else {
        booting = false;
        finish(reply.result);
      }
    };
    created.onerror = (event) => {
      if (created === worker) stop(s.kernelCrashed({ why: event.message || s.kernelCrashedUnknown }));
    };
    worker = created;
    workerHasDigits = false;
    return created;
  }

  // The page fetches its one fixed file (the request names nothing); the clock stops while it
  // downloads, and a cell that trains on the digits then gets the longer limit.
  function answerDigits(target: WorkerLike, job: Job): void {
    const tooLongWithData = s.kernelTooLongWithData({ seconds: dataTimeLimit / 1000 });
    if (workerHasDigits) {
      restartTimer(dataTimeLimit, tooLongWithData);
      target.postMessage({ type: "digits", id: job.id });
      return;
    }
    if (!options.loadDigits) {
      target.postMessage({ type: "digits", id: job.id, error: s.kernelNoDigitsHere });
      return;
    }
    job.fetching = true;
    restartTimer(downloadLimit, s.kernelDigitsLate({ seconds: downloadLimit / 1000 }));
    options.loadDigits((text) => {
      if (current === job) job.hooks.onStatus?.(text);
    }).then(
      (digits) => {
        if (target !== worker || current !== job) return;
        job.fetching = false;
        workerHasDigits = true;
        restartTimer(dataTimeLimit, tooLongWithData);
        target.postMessage({ type: "digits", id: job.id, digits });
      },
      (error: unknown) => {
        if (target !== worker || current !== job) return;
        job.fetching = false;
        restartTimer(timeLimit, tooLong);
        target.postMessage({ type: "digits", id: job.id, error: error instanceof Error ? error.message : String(error) });
      },
    );
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
    run(request, hooks = {}) {
      return new Promise((resolve) => {
        queue.push({ id: nextId++, request, hooks, resolve });
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
