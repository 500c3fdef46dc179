import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { canonicalPage, clearEdits, readEdit, saveEdit } from "../../../../src/notebook/client/savedEdits";

/** A localStorage stand-in with a quota, like the browser's. */
function fakeStorage(quota = Infinity) {
  const items = new Map<string, string>();
  const used = () => [...items].reduce((sum, [key, value]) => sum + key.length + value.length, 0);
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem(key: string, value: string) {
      if (used() - (items.get(key)?.length ?? 0) + value.length + key.length > quota) throw new DOMException("full", "QuotaExceededError");
      items.set(key, value);
    },
    removeItem: (key: string) => void items.delete(key),
  };
}

describe("saved edits", () => {
  let storage: ReturnType<typeof fakeStorage>;
  beforeEach(() => {
    storage = fakeStorage();
    Object.assign(globalThis, { localStorage: storage });
  });
  afterEach(() => void Reflect.deleteProperty(globalThis, "localStorage"));

  it("keys a page by its canonical path", () => {
    expect(canonicalPage("/book/lab/notebook/index.html")).toBe("/book/lab/notebook/");
    expect(canonicalPage("/book/lab/notebook")).toBe("/book/lab/notebook/");
    expect(canonicalPage("/book//lab/notebook/")).toBe("/book/lab/notebook/");
    expect(saveEdit("/book/lab/index.html", 0, "h", "edited", "original")).toBe(true);
    expect(readEdit("/book/lab/", 0, "h")).toEqual({ source: "edited" });
  });

  it("discards an edit whose source is not text, with a notice, and keeps the valid ones", () => {
    storage.setItem("bn-notebook:/p/", JSON.stringify({ 0: { hash: "h", source: 42 }, 1: { hash: "h", source: "ok" }, x: "junk" }));
    expect(readEdit("/p/", 0, "h")).toEqual({ notice: expect.stringContaining("discarded") });
    expect(readEdit("/p/", 1, "h")).toEqual({ source: "ok" });
    storage.setItem("bn-notebook:/p/", "not json");
    expect(readEdit("/p/", 1, "h")).toEqual({});
  });

  it("says when storage refused an edit", () => {
    storage = fakeStorage(40);
    Object.assign(globalThis, { localStorage: storage });
    expect(saveEdit("/p/", 0, "h", "x".repeat(100), "original")).toBe(false);
    expect(saveEdit("/p/", 0, "h", "original", "original")).toBe(true);
    clearEdits("/p/index.html");
    expect(storage.items.size).toBe(0);
  });
});
