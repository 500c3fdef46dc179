/**
 * A drawing made MNIST-like (LeCun et al.: each digit scaled to fit a 20 × 20 box keeping its aspect
 * ratio, then placed in the 28 × 28 field so that its centre of mass is at the centre), so a digit drawn
 * anywhere and at any size on the pad reaches the network as the training digits did.
 */

/** Side of the network's input image, and of the box the digit is scaled into. */
export const DIGIT_SIDE = 28;
export const DIGIT_BOX = 20;
/** Ink below this (of 1) is taken for paper when finding the drawing's extent. */
const INK_THRESHOLD = 0.05;

/** 784 grey levels in [0, 1] from a `width` × `height` drawing (ink in [0, 1], row by row), or null when nothing is drawn. */
export function centerDrawing(ink: ArrayLike<number>, width: number, height: number): Float64Array | null {
  if (ink.length !== width * height) throw new RangeError(`a ${width} × ${height} drawing has ${width * height} values, got ${ink.length}`);
  let left = width, right = -1, top = height, bottom = -1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (ink[y * width + x] > INK_THRESHOLD) {
        if (x < left) left = x;
        if (x > right) right = x;
        if (y < top) top = y;
        if (y > bottom) bottom = y;
      }
    }
  }
  if (right < 0) return null;
  const boxWidth = right - left + 1;
  const boxHeight = bottom - top + 1;
  const scale = DIGIT_BOX / Math.max(boxWidth, boxHeight);
  const small = resample(ink, width, left, top, boxWidth, boxHeight, scale);
  return placeByCentreOfMass(small.values, small.width, small.height);
}

/** The box [left, left + boxWidth) × [top, top + boxHeight) scaled by `scale`, each new pixel the mean of the old ones it covers. */
function resample(ink: ArrayLike<number>, width: number, left: number, top: number, boxWidth: number, boxHeight: number, scale: number) {
  const newWidth = Math.max(1, Math.round(boxWidth * scale));
  const newHeight = Math.max(1, Math.round(boxHeight * scale));
  const values = new Float64Array(newWidth * newHeight);
  for (let ty = 0; ty < newHeight; ty++) {
    const y0 = top + Math.floor(ty / scale);
    const y1 = Math.min(top + boxHeight, Math.max(y0 + 1, top + Math.floor((ty + 1) / scale)));
    for (let tx = 0; tx < newWidth; tx++) {
      const x0 = left + Math.floor(tx / scale);
      const x1 = Math.min(left + boxWidth, Math.max(x0 + 1, left + Math.floor((tx + 1) / scale)));
      let sum = 0;
      for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) sum += ink[y * width + x];
      values[ty * newWidth + tx] = Math.min(1, sum / ((y1 - y0) * (x1 - x0)));
    }
  }
  return { values, width: newWidth, height: newHeight };
}

/** The small image put into the 28 × 28 field with its centre of mass (pixel centres weighted by ink) at (14, 14). */
function placeByCentreOfMass(values: Float64Array, width: number, height: number): Float64Array {
  let mass = 0, sumX = 0, sumY = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const v = values[y * width + x];
      mass += v;
      sumX += v * (x + 0.5);
      sumY += v * (y + 0.5);
    }
  }
  const offsetX = Math.round(DIGIT_SIDE / 2 - sumX / mass);
  const offsetY = Math.round(DIGIT_SIDE / 2 - sumY / mass);
  const field = new Float64Array(DIGIT_SIDE * DIGIT_SIDE);
  for (let y = 0; y < height; y++) {
    const fy = y + offsetY;
    if (fy < 0 || fy >= DIGIT_SIDE) continue;
    for (let x = 0; x < width; x++) {
      const fx = x + offsetX;
      if (fx >= 0 && fx < DIGIT_SIDE) field[fy * DIGIT_SIDE + fx] = values[y * width + x];
    }
  }
  return field;
}
