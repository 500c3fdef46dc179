import { beforeEach, describe, expect, it, vi } from "vitest";
import type { DigitSet } from "../../../src/data/digits";

const fetchDigits = vi.fn<(options: { onProgress?: (progress: { loaded: number; total: number | null }) => void }) => Promise<DigitSet>>();
vi.mock("../../../src/data/fetchDigits", () => ({ fetchDigits }));

const SET = { rows: 28, columns: 28, train: { count: 0, labels: new Uint8Array(), images: new Uint8Array() }, test: { count: 0, labels: new Uint8Array(), images: new Uint8Array() } };

describe("the page's one copy of the digits", () => {
  beforeEach(() => {
    vi.resetModules();
    fetchDigits.mockReset();
  });

  it("downloads once for the widget and the cells together, and both hear the progress", async () => {
    let finish!: (set: DigitSet) => void;
    fetchDigits.mockImplementation(({ onProgress }) => {
      onProgress?.({ loaded: 800_000, total: 1_600_000 });
      return new Promise((resolve) => (finish = resolve));
    });
    const { loadPageDigits } = await import("../../../src/data/pageDigits");
    const widgetHeard: number[] = [];
    const cellHeard: number[] = [];
    const forWidget = loadPageDigits((progress) => widgetHeard.push(progress.loaded));
    const forCell = loadPageDigits((progress) => cellHeard.push(progress.loaded));
    await vi.waitFor(() => expect(fetchDigits).toHaveBeenCalledTimes(1));
    finish(SET);
    expect(await forWidget).toBe(SET);
    expect(await forCell).toBe(SET);
    expect(await loadPageDigits()).toBe(SET);
    expect(fetchDigits).toHaveBeenCalledTimes(1);
    expect(widgetHeard).toEqual([800_000]);
  });

  it("forgets a failed download, so the next request tries again", async () => {
    fetchDigits.mockRejectedValueOnce(new Error("Could not load the digits from /data/digits.bin.gz: the server answered 404.")).mockResolvedValueOnce(SET);
    const { loadPageDigits } = await import("../../../src/data/pageDigits");
    await expect(loadPageDigits()).rejects.toThrow(/404/);
    expect(await loadPageDigits()).toBe(SET);
    expect(fetchDigits).toHaveBeenCalledTimes(2);
  });
});
