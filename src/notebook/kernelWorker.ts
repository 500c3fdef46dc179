/**
 * The kernel worker: reader code runs here, off the main thread, with no page DOM, cookies or
 * storage. In the built book it is started from a sandboxed frame (kernelSandbox.ts), so its origin
 * is opaque and its Content-Security-Policy allows no connection at all; the APIs removed below
 * are a second wall, not the only one.
 *
 * The page's messages arrive on a MessagePort handed over once at start; reader code never sees
 * the port, so it can neither read the page's requests nor answer in the kernel's name.
 */
import { parseHTML } from "linkedom/worker";
import { createKernel } from "./kernel";
import { createCellModules } from "./cellModules";
import { checks } from "./checks/index";
import { parseDigitsMessage, parseRunMessage, type KernelReply } from "./protocol";
import type { DigitSet } from "../data/digits";
import { storeDeflate, usePixelCanvas } from "./pixelCanvas";
import { closeEscapeHatches } from "./workerLockdown";

const scope = self as unknown as { onmessage: ((event: MessageEvent) => void) | null };

// Plot.raster draws through a canvas; linkedom has none, so cells get the same PNG-writing one as the build.
const document = usePixelCanvas(parseHTML("<!doctype html><html><body></body></html>").document, storeDeflate);
let send: ((reply: KernelReply) => void) | undefined;
let runningId = 0;
let digits: DigitSet | undefined;
const waiting: { resolve: (set: DigitSet) => void; reject: (error: Error) => void }[] = [];

// The digits come from the page: ask on every load (the page lengthens the running cell's time limit), keep the first answer.
function requestDigits(): Promise<DigitSet> {
  if (!send) return Promise.reject(new Error("the kernel is not connected to the page"));
  const ask = send;
  return new Promise((resolve, reject) => {
    waiting.push({ resolve, reject });
    ask({ type: "digits", id: runningId });
  });
}

function answerDigits(data: unknown): boolean {
  const answer = parseDigitsMessage(data);
  if (!answer) return false;
  const next = waiting.shift();
  if (answer.digits) digits ??= answer.digits;
  if (!next) return true;
  if (digits) next.resolve(digits);
  else next.reject(new Error(typeof answer.error === "string" ? answer.error : "the page sent no digits"));
  return true;
}

const kernel = createKernel({ modules: createCellModules(document, requestDigits), checks });

scope.onmessage = (event: MessageEvent) => {
  const port = (event.data as { type?: unknown } | null)?.type === "connect" ? event.ports[0] : undefined;
  if (!port) return;
  scope.onmessage = null;
  // Bound now, before any reader code could replace MessagePort.prototype.postMessage.
  const post: (reply: KernelReply) => void = port.postMessage.bind(port);
  send = post;
  port.onmessage = async (message) => {
    if (answerDigits(message.data)) return;
    const run = parseRunMessage(message.data);
    if (!run) return;
    runningId = run.id;
    post({ type: "started", id: run.id });
    const result = await kernel.run(run.request);
    post({ type: "result", id: run.id, result });
  };
  closeEscapeHatches(self);
};
