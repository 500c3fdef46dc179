import { describe, expect, it } from "vitest";
import { inflateSync } from "node:zlib";
import * as Plot from "@observablehq/plot";
import { parseHTML } from "linkedom";
import { createFigureDocument } from "../../../src/notebook/figureDocument";
import { storeDeflate, usePixelCanvas } from "../../../src/notebook/pixelCanvas";

describe("build-time figures with a raster", () => {
  it("draws Plot's raster mark into an inline PNG with the right size, pixels and chunk checksums", () => {
    const document = createFigureDocument();
    const values = Array.from({ length: 6 * 4 }, (_, i) => i);
    const figure = Plot.plot({
      document,
      width: 200,
      height: 120,
      axis: null,
      color: { type: "linear", range: ["black", "white"] },
      marks: [Plot.raster(values, { width: 6, height: 4, x1: 0, x2: 6, y1: 0, y2: 4, imageRendering: "pixelated" })],
    });
    const href = figure.querySelector("image")?.getAttribute("href") ?? "";
    expect(href).toMatch(/^data:image\/png;base64,/);
    const png = Buffer.from(href.slice(href.indexOf(",") + 1), "base64");
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([6, 4]); // IHDR width, height
    // Every PNG ends with the same IEND chunk, whose CRC-32 is AE 42 60 82: this checks the checksum code.
    expect(png.subarray(-12).toString("hex")).toBe("0000000049454e44ae426082");
    const idatLength = png.readUInt32BE(33);
    const rows = inflateSync(png.subarray(41, 41 + idatLength));
    expect(rows.length).toBe(4 * (1 + 6 * 4));
    const pixel = (x: number, y: number) => [...rows.subarray(y * 25 + 1 + 4 * x, y * 25 + 1 + 4 * x + 4)];
    expect(pixel(0, 0)).not.toEqual(pixel(5, 3)); // the colour ramp is really there, first value black, last white
    expect(pixel(0, 0).slice(0, 3)).toEqual([0, 0, 0]);
    expect(pixel(5, 3).slice(0, 3)).toEqual([255, 255, 255]);
  });
});

describe("the kernel Worker's canvas", () => {
  it("writes zlib streams of stored blocks that zlib reads back, checksum included, for empty, small and multi-block data", () => {
    for (const length of [0, 10, 65535, 150_000]) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 7919) % 251);
      expect(Buffer.compare(inflateSync(storeDeflate(bytes)), Buffer.from(bytes)), `length ${length}`).toBe(0);
    }
    const corrupted = storeDeflate(Uint8Array.of(1, 2, 3));
    corrupted[corrupted.length - 1] ^= 1;
    expect(() => inflateSync(corrupted)).toThrow(); // the Adler-32 is really checked
  });

  it("lets a cell's Plot.raster draw in a linkedom document without Node's zlib", () => {
    const { document } = parseHTML("<!doctype html><html><body></body></html>");
    const figure = Plot.plot({ document: usePixelCanvas(document, storeDeflate) as unknown as Document, marks: [Plot.raster([0, 1, 2, 3], { width: 2, height: 2 })] });
    const href = figure.querySelector("image")?.getAttribute("href") ?? "";
    const png = Buffer.from(href.slice(href.indexOf(",") + 1), "base64");
    const rows = inflateSync(png.subarray(41, 41 + png.readUInt32BE(33)));
    expect(rows.length).toBe(2 * (1 + 2 * 4));
  });
});
