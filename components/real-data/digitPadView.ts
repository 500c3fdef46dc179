/** The drawing pad in the page: a black canvas the reader draws on in white, read back as the network's 784 inputs. */
import { centerDrawing } from "./digitPad";
import { paintDigit } from "./digitImages";

/** Canvas pixels per side; the stroke is about as thick, relative to a digit, as MNIST's pen. */
const PAD_SIDE = 168;
const STROKE_WIDTH = 14;

/** What the runtime does with the pad. */
export interface PadView {
  /** Starts a stroke at the pointer, continuing it on each later call until `endStroke`. */
  strokeTo(clientX: number, clientY: number): void;
  endStroke(): void;
  /** Whether a stroke is in progress. */
  readonly drawing: boolean;
  clear(): void;
  /** Shows a 28 × 28 test digit (grey levels in [0, 1]) enlarged on the pad. */
  showDigit(grey: ArrayLike<number>): void;
  /** The drawing centred like MNIST as 784 inputs, or null when the pad is blank. */
  readInput(): Float64Array | null;
}

/** Replaces the saved image inside `host` with a canvas to draw on. */
export function createPadView(host: HTMLElement): PadView {
  const canvas = document.createElement("canvas");
  canvas.width = PAD_SIDE;
  canvas.height = PAD_SIDE;
  canvas.setAttribute("aria-hidden", "true");
  const context = canvas.getContext("2d", { willReadFrequently: true })!;
  const small = document.createElement("canvas");
  let last: [number, number] | null = null;
  host.replaceChildren(canvas);

  const clear = () => {
    context.fillStyle = "#000";
    context.fillRect(0, 0, PAD_SIDE, PAD_SIDE);
  };
  clear();

  return {
    strokeTo(clientX, clientY) {
      const rect = canvas.getBoundingClientRect();
      const x = ((clientX - rect.left) * PAD_SIDE) / rect.width;
      const y = ((clientY - rect.top) * PAD_SIDE) / rect.height;
      const [fromX, fromY] = last ?? [x, y];
      context.strokeStyle = "#fff";
      context.lineWidth = STROKE_WIDTH;
      context.lineCap = "round";
      context.lineJoin = "round";
      context.beginPath();
      context.moveTo(fromX, fromY);
      context.lineTo(x + (last ? 0 : 0.01), y); // a press without a move still leaves a dot
      context.stroke();
      last = [x, y];
    },
    endStroke() {
      last = null;
    },
    get drawing() {
      return last !== null;
    },
    clear,
    showDigit(grey) {
      paintDigit(small, grey);
      context.imageSmoothingEnabled = false;
      context.drawImage(small, 0, 0, PAD_SIDE, PAD_SIDE);
    },
    readInput() {
      const pixels = context.getImageData(0, 0, PAD_SIDE, PAD_SIDE).data;
      const ink = new Float32Array(PAD_SIDE * PAD_SIDE);
      for (let i = 0; i < ink.length; i++) ink[i] = pixels[i * 4] / 255;
      return centerDrawing(ink, PAD_SIDE, PAD_SIDE);
    },
  };
}
