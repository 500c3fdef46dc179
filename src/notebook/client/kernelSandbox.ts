/**
 * Starts the kernel worker inside a sandboxed frame (`sandbox="allow-scripts"`, no
 * `allow-same-origin`): the frame's origin is opaque, so the worker it creates from a blob has no
 * cookies and no same-origin storage, and it inherits the frame's Content-Security-Policy, which
 * allows no connection, no import from anywhere and only blob: workers that inherit it in turn.
 * The page speaks to the worker on a MessageChannel; ending it removes the frame, which ends the
 * worker whatever it is doing.
 */
import type { WorkerLike } from "../kernelClient";
import type { PageMessage } from "../protocol";
import workerUrl from "../kernelWorker.ts?worker&url";
import { joinBase } from "../../site/base";
import { pageNotebookStrings } from "../../i18n/notebookStrings";

let workerCode: Promise<string> | undefined;

// Vite's worker bundle is one script with no imports; wrapped in a function, its top-level names
// stay out of the global scope that cells run in.
function loadWorkerCode(): Promise<string> {
  workerCode ??= fetch(workerUrl).then(async (response) => {
    if (!response.ok) throw new Error(`could not load the kernel (HTTP ${response.status})`);
    return `(function () {\n"use strict";\n${await response.text()}\n})();`;
  });
  workerCode.catch(() => (workerCode = undefined));
  return workerCode;
}

/** A kernel worker in a sandboxed frame, behind the small interface the kernel client uses. */
export function createSandboxedWorker(): WorkerLike {
  if (import.meta.env.DEV) return createDevWorker();
  const frame = document.createElement("iframe");
  frame.setAttribute("sandbox", "allow-scripts");
  frame.setAttribute("aria-hidden", "true");
  frame.tabIndex = -1;
  frame.title = pageNotebookStrings().nbKernelFrame;
  frame.className = "nb-kernel-frame";
  frame.hidden = true;
  frame.src = joinBase(import.meta.env.BASE_URL, "notebook-kernel.html");
  const channel = new MessageChannel();
  let ended = false;
  const handle: WorkerLike = {
    onmessage: null,
    onerror: null,
    postMessage: (message: PageMessage) => channel.port1.postMessage(message),
    terminate() {
      ended = true;
      removeEventListener("message", onFrameMessage);
      channel.port1.onmessage = null;
      channel.port1.close();
      frame.remove();
    },
  };
  const fail = (message: string): void => {
    if (!ended) handle.onerror?.({ message });
  };
  // Only the frame's own script posts here (the worker cannot reach this window), and only to report a crash.
  function onFrameMessage(event: MessageEvent): void {
    if (event.source !== frame.contentWindow || (event.data as { type?: unknown } | null)?.type !== "kernel-error") return;
    fail(String((event.data as { message?: unknown }).message || "the worker stopped"));
  }
  addEventListener("message", onFrameMessage);
  channel.port1.onmessage = (event) => handle.onmessage?.({ data: event.data });
  frame.addEventListener("load", () => {
    loadWorkerCode().then(
      (code) => {
        if (!ended) frame.contentWindow?.postMessage({ type: "boot", code }, "*", [channel.port2]);
      },
      (error: Error) => fail(error.message),
    );
  }, { once: true });
  document.body.append(frame);
  return handle;
}

// `astro dev` serves the worker as a module with imports, which a blob cannot load; authors get a plain worker.
function createDevWorker(): WorkerLike {
  const worker = new Worker(workerUrl, { type: "module", name: "notebook-kernel" });
  const channel = new MessageChannel();
  worker.postMessage({ type: "connect" }, [channel.port2]);
  const handle: WorkerLike = {
    onmessage: null,
    onerror: null,
    postMessage: (message: PageMessage) => channel.port1.postMessage(message),
    terminate: () => worker.terminate(),
  };
  channel.port1.onmessage = (event) => handle.onmessage?.({ data: event.data });
  worker.onerror = (event) => handle.onerror?.({ message: event.message });
  return handle;
}
