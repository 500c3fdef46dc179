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
import { parseRunMessage, type KernelReply } from "./protocol";
import { storeDeflate, usePixelCanvas } from "./pixelCanvas";
import { closeEscapeHatches } from "./workerLockdown";

const scope = self as unknown as { onmessage: ((event: MessageEvent) => void) | null };

// Plot.raster draws through a canvas; linkedom has none, so cells get the same PNG-writing one as the build.
const document = usePixelCanvas(parseHTML("<!doctype html><html><body></body></html>").document, storeDeflate);
const kernel = createKernel({ modules: createCellModules(document), checks });

scope.onmessage = (event: MessageEvent) => {
  const port = (event.data as { type?: unknown } | null)?.type === "connect" ? event.ports[0] : undefined;
  if (!port) return;
  scope.onmessage = null;
  // Bound now, before any reader code could replace MessagePort.prototype.postMessage.
  const send: (reply: KernelReply) => void = port.postMessage.bind(port);
  port.onmessage = async (message) => {
    const run = parseRunMessage(message.data);
    if (!run) return;
    send({ type: "started", id: run.id });
    const result = await kernel.run(run.request);
    send({ type: "result", id: run.id, result });
  };
  closeEscapeHatches(self);
};
