/**
 * Takes away, in the kernel worker, every way out a cell could use: network, storage, nested
 * workers, and talking to whoever started the worker. Each is removed from the global and from
 * the prototype it lives on, so `WorkerNavigator.prototype` and friends cannot give it back.
 * The sandbox's opaque origin and Content-Security-Policy hold even for a name missed here.
 */

/** Globals a cell must not have: they reach the network, storage, or other threads. */
export const ESCAPE_HATCHES = [
  "fetch",
  "XMLHttpRequest",
  "WebSocket",
  "WebSocketStream",
  "WebTransport",
  "EventSource",
  "importScripts",
  "Worker",
  "SharedWorker",
  "BroadcastChannel",
  "indexedDB",
  "IDBFactory",
  "caches",
  "CacheStorage",
  "cookieStore",
  "StorageManager",
  "FileSystemHandle",
  "FileSystemDirectoryHandle",
  "FileSystemFileHandle",
  "FileSystemSyncAccessHandle",
  "webkitRequestFileSystem",
  "webkitRequestFileSystemSync",
  "webkitResolveLocalFileSystemURL",
  "webkitResolveLocalFileSystemSyncURL",
  "Request",
  "Response",
  "Headers",
  "postMessage",
  "close",
] as const;

/** Navigator properties a cell must not have. */
export const NAVIGATOR_HATCHES = ["storage", "serviceWorker", "locks", "sendBeacon", "permissions", "usb", "hid", "serial", "bluetooth"] as const;

/** Removes every escape hatch from `scope`, its prototype chain and its navigator; returns what is still reachable. */
export function closeEscapeHatches(scope: object): string[] {
  for (const name of ESCAPE_HATCHES) removeEverywhere(scope, name);
  const navigator = (scope as { navigator?: object }).navigator;
  if (navigator) for (const name of NAVIGATOR_HATCHES) removeEverywhere(navigator, name);
  return [...ESCAPE_HATCHES.filter((name) => reachable(scope, name)), ...NAVIGATOR_HATCHES.filter((name) => navigator !== undefined && reachable(navigator, name))];
}

// Deleting from every object on the chain leaves nothing to restore from; a non-configurable own
// property is shadowed with undefined instead.
function removeEverywhere(target: object, name: string): void {
  for (let object: object | null = target; object !== null; object = Object.getPrototypeOf(object)) {
    if (!Object.hasOwn(object, name)) continue;
    try {
      if (!Reflect.deleteProperty(object, name)) Object.defineProperty(object, name, { value: undefined, writable: false, configurable: false });
    } catch {
      // Frozen by the browser: nothing more can be done here, and the sandbox still holds.
    }
  }
}

function reachable(target: object, name: string): boolean {
  try {
    return (target as Record<string, unknown>)[name] !== undefined;
  } catch {
    return false;
  }
}
