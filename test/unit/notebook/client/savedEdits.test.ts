import { describe, expect, it } from "vitest";
import { installFakeStorage, useFakeStorage } from "../../fakeStorage";
import { canonicalPage, clearEdits, readEdit, saveEdit } from "../../../../src/notebook/client/savedEdits";

describe("saved edits", () => {
  const storage = useFakeStorage();

  it("keys a page by its canonical path", () => {
    expect(canonicalPage("/book/lab/notebook/index.html")).toBe("/book/lab/notebook/");
    expect(canonicalPage("/book/lab/notebook")).toBe("/book/lab/notebook/");
    expect(canonicalPage("/book//lab/notebook/")).toBe("/book/lab/notebook/");
    expect(saveEdit("/book/lab/index.html", 0, "h", "edited", "original")).toBe(true);
    expect(readEdit("/book/lab/", 0, "h")).toEqual({ source: "edited" });
  });

  it("discards an edit whose source is not text, with a notice, and keeps the valid ones", () => {
    storage().setItem("bn-notebook:/p/", JSON.stringify({ 0: { hash: "h", source: 42 }, 1: { hash: "h", source: "ok" }, x: "junk" }));
    expect(readEdit("/p/", 0, "h")).toEqual({ notice: expect.stringContaining("discarded") });
    expect(readEdit("/p/", 1, "h")).toEqual({ source: "ok" });
    storage().setItem("bn-notebook:/p/", "not json");
    expect(readEdit("/p/", 1, "h")).toEqual({});
  });

  it("says when storage refused an edit", () => {
    const storage = installFakeStorage(40);
    expect(saveEdit("/p/", 0, "h", "x".repeat(100), "original")).toBe(false);
    expect(saveEdit("/p/", 0, "h", "original", "original")).toBe(true);
    clearEdits("/p/index.html");
    expect(storage.items.size).toBe(0);
  });
});
