import { describe, expect, it } from "vitest";
import { closeEscapeHatches } from "../../../src/notebook/workerLockdown";

describe("closing the kernel worker's escape hatches", () => {
  it("removes each one from the global and from every prototype it could be restored from", () => {
    // A worker-shaped scope: fetch and indexedDB on prototypes, as WorkerGlobalScope has them.
    const base = { fetch: () => "network", get indexedDB() { return "storage"; } };
    const middle = Object.create(base, { postMessage: { value: () => "page", configurable: true } });
    const navigatorProto = { get storage() { return "quota"; } };
    const scope = Object.create(middle, {
      Worker: { value: class {}, configurable: true, writable: true },
      WebTransport: { value: class {}, configurable: true, writable: true },
      navigator: { value: Object.create(navigatorProto) },
      Math: { value: Math },
    }) as Record<string, unknown>;
    expect(closeEscapeHatches(scope)).toEqual([]);
    for (const name of ["fetch", "indexedDB", "postMessage", "Worker", "WebTransport"]) expect(scope[name]).toBeUndefined();
    expect((scope.navigator as Record<string, unknown>).storage).toBeUndefined();
    expect(Object.getOwnPropertyDescriptor(navigatorProto, "storage")).toBeUndefined();
    expect(Object.getOwnPropertyDescriptor(base, "fetch")).toBeUndefined();
    expect(scope.Math).toBe(Math); // what cells need stays
  });

  it("overwrites a property that cannot be deleted, and reports one that cannot be changed at all", () => {
    const scope: Record<string, unknown> = {};
    Object.defineProperty(scope, "fetch", { value: () => "network", configurable: false, writable: true });
    Object.defineProperty(scope, "caches", { value: "storage", configurable: false, writable: false });
    expect(closeEscapeHatches(scope)).toEqual(["caches"]);
    expect(scope.fetch).toBeUndefined();
  });
});
