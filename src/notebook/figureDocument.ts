/**
 * A linkedom document for drawing Plot figures at build time whose <canvas> does the little that
 * Plot's raster mark asks of it (take RGBA pixels, then `toDataURL()`), so the saved figure carries
 * the very raster picture the browser draws, as an inline PNG, and swapping in the live figure on
 * the reader's first touch changes nothing they can see.
 */
import { parseHTML } from "linkedom";
import { deflateSync } from "node:zlib";
import { usePixelCanvas } from "./pixelCanvas";

/** A fresh document for build-time figures, whose canvases encode PNGs. */
export function createFigureDocument(): Document {
  const { document } = parseHTML("<!doctype html><html><body></body></html>");
  return usePixelCanvas(document, (bytes) => deflateSync(bytes, { level: 9 })) as unknown as Document;
}
