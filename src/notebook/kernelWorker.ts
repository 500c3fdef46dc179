/**
 * The kernel worker: reader code runs here, off the main thread, with no page DOM, cookies or
 * localStorage. Storage and network APIs workers do have are removed before any cell runs.
 */
import { parseHTML } from "linkedom/worker";
import { createKernel } from "./kernel";
import { createCellModules } from "./cellModules";
import { checks } from "./checks/index";
import { parseRunMessage } from "./protocol";
import { storeDeflate, usePixelCanvas } from "./pixelCanvas";

const post = self.postMessage.bind(self);
for (const name of ["indexedDB", "caches", "fetch", "XMLHttpRequest", "WebSocket", "EventSource", "importScripts", "BroadcastChannel", "cookieStore"]) {
  try {
    Object.defineProperty(self, name, { value: undefined, configurable: false, writable: false });
  } catch {
    // A property that cannot be redefined is one this browser does not expose to workers.
  }
}
try {
  Object.defineProperty(self.navigator, "storage", { value: undefined });
} catch {
  // As above.
}

// Plot.raster draws through a canvas; linkedom has none, so cells get the same PNG-writing one as the build.
const document = usePixelCanvas(parseHTML("<!doctype html><html><body></body></html>").document, storeDeflate);
const kernel = createKernel({ modules: createCellModules(document), checks });

self.onmessage = async (event: MessageEvent) => {
  const message = parseRunMessage(event.data);
  if (!message) return;
  post({ type: "started", id: message.id });
  const result = await kernel.run(message.request);
  post({ type: "result", id: message.id, result });
};
