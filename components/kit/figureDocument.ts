/**
 * The rule for server-side figures: draw them on `createFigureDocument()` (src/notebook/figureDocument.ts),
 * never on a hand-made linkedom document, so a saved raster heatmap is the very PNG the browser draws.
 * Build-time only (it needs node:zlib): a module the page loads must not import this one.
 */
export { createFigureDocument } from "../../src/notebook/figureDocument";
