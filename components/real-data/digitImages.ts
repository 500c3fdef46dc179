/**
 * Digits and weights as pixels. The same functions paint a real <canvas> in the page and the build's
 * PNG canvas (createFigureDocument), so a saved image is the very picture the live widget draws.
 * Digits look as MNIST stores them, white ink on black; weights in a red-blue diverging scale.
 */

/** Side of a digit image. */
const SIDE = 28;
/** Pixels between two hidden units' images in the grid. */
const GAP = 2;
/** Negative weights (blue), zero (white), positive weights (red): ColorBrewer's RdBu ends. */
const NEGATIVE = [33, 102, 172];
const POSITIVE = [178, 24, 43];

/** Anything with a 2-D context that takes image data: a page canvas or the build's. */
type PixelTarget = HTMLCanvasElement;

function paint(canvas: PixelTarget, width: number, height: number, fill: (data: Uint8ClampedArray) => void): PixelTarget {
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext("2d")!;
  const image = context.createImageData(width, height);
  fill(image.data);
  context.putImageData(image, 0, 0);
  return canvas;
}

/** A 28 × 28 digit (grey levels in [0, 1], row by row) painted white on black. */
export function paintDigit(canvas: PixelTarget, grey: ArrayLike<number>): PixelTarget {
  return paint(canvas, SIDE, SIDE, (data) => {
    for (let i = 0; i < SIDE * SIDE; i++) {
      const level = Math.round(Math.min(1, Math.max(0, grey[i])) * 255);
      data.set([level, level, level, 255], i * 4);
    }
  });
}

/** Columns of the weight grid for `count` units: about square, a little wider than tall. */
export function gridColumns(count: number): number {
  return Math.ceil(Math.sqrt(count));
}

/** The size in pixels of the weight grid for `count` units. */
export function gridSize(count: number): { width: number; height: number } {
  const columns = gridColumns(count);
  const rows = Math.ceil(count / columns);
  return { width: columns * (SIDE + GAP) - GAP, height: rows * (SIDE + GAP) - GAP };
}

/**
 * Every hidden unit's incoming weights W[1][j][·] as a 28 × 28 image, units left to right, top to bottom;
 * each unit on its own symmetric scale ±max|w| so its pattern shows whatever its size.
 */
export function paintWeightGrid(canvas: PixelTarget, weights: Float64Array, units: number): PixelTarget {
  const { width, height } = gridSize(units);
  const columns = gridColumns(units);
  return paint(canvas, width, height, (data) => {
    for (let unit = 0; unit < units; unit++) {
      let limit = 0;
      for (let k = 0; k < SIDE * SIDE; k++) limit = Math.max(limit, Math.abs(weights[unit * SIDE * SIDE + k]));
      const left = (unit % columns) * (SIDE + GAP);
      const top = Math.floor(unit / columns) * (SIDE + GAP);
      for (let k = 0; k < SIDE * SIDE; k++) {
        const w = limit > 0 ? weights[unit * SIDE * SIDE + k] / limit : 0;
        const end = w < 0 ? NEGATIVE : POSITIVE;
        const t = Math.abs(w);
        const at = ((top + Math.floor(k / SIDE)) * width + left + (k % SIDE)) * 4;
        data.set([255 + (end[0] - 255) * t, 255 + (end[1] - 255) * t, 255 + (end[2] - 255) * t, 255], at);
      }
    }
  });
}

/** Grey levels in [0, 1] from bytes 0-255 (a digit of the data file). */
export function toGrey(bytes: Uint8Array): Float64Array {
  return Float64Array.from(bytes, (b) => b / 255);
}
