import { describe, expect, it } from "vitest";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { precompress } from "../../../src/build/precompress";

describe("precompress", () => {
  it("writes .gz and .br copies that unpack to the file, and smaller than it", async () => {
    const folder = await mkdtemp(join(tmpdir(), "precompress-"));
    try {
      const file = join(folder, "index.html");
      const html = `<!doctype html><p>${"Every number on these pages is computed by its engine. ".repeat(200)}</p>`;
      await writeFile(file, html);
      await precompress(file);
      const gzipped = await readFile(`${file}.gz`);
      const brotli = await readFile(`${file}.br`);
      expect(gunzipSync(gzipped).toString()).toBe(html);
      expect(brotliDecompressSync(brotli).toString()).toBe(html);
      expect(gzipped.length).toBeLessThan(html.length / 5);
      expect(brotli.length).toBeLessThan(html.length / 5);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
