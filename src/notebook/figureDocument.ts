/**
 * A linkedom document for drawing Plot figures at build time whose <canvas> does the little that
 * Plot's raster mark asks of it (take RGBA pixels, then `toDataURL()`), so the saved figure carries
 * the very raster picture the browser draws, as an inline PNG, and swapping in the live figure on
 * the reader's first touch changes nothing they can see.
 */
import { parseHTML } from "linkedom";
import { deflateSync } from "node:zlib";

/** A fresh document for build-time figures, whose canvases encode PNGs. */
export function createFigureDocument(): Document {
  const { document } = parseHTML("<!doctype html><html><body></body></html>");
  const createElement = document.createElement.bind(document);
  document.createElement = ((name: string, options?: ElementCreationOptions) =>
    name.toLowerCase() === "canvas" ? new PixelCanvas() : createElement(name, options)) as typeof document.createElement;
  return document as unknown as Document;
}

/** Image data as Plot's raster mark fills it. */
interface Pixels {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}

/** Just enough of a canvas for Plot's raster mark: it puts one image at (0, 0), then reads a data URL. */
class PixelCanvas {
  width = 300;
  height = 150;
  private pixels: Pixels | null = null;

  getContext(type: string) {
    if (type !== "2d") return null;
    return {
      createImageData: (width: number, height: number): Pixels => ({ width, height, data: new Uint8ClampedArray(width * height * 4) }),
      putImageData: (image: Pixels) => {
        this.pixels = image;
      },
    };
  }

  toDataURL(): string {
    const pixels = this.pixels ?? { width: this.width, height: this.height, data: new Uint8ClampedArray(this.width * this.height * 4) };
    return `data:image/png;base64,${encodePng(pixels).toString("base64")}`;
  }
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** An 8-bit RGBA PNG: each row prefixed with filter 0 (none), all rows deflated into one IDAT chunk. */
function encodePng({ width, height, data }: Pixels): Buffer {
  const stride = width * 4;
  const rows = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) rows.set(data.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8); // bit depth 8, colour type 6 (RGBA), default compression, filter and interlace
  return Buffer.concat([PNG_SIGNATURE, encodeChunk("IHDR", header), encodeChunk("IDAT", deflateSync(rows, { level: 9 })), encodeChunk("IEND", Buffer.alloc(0))]);
}

// zlib.crc32 arrived in Node 20.15; the package allows any Node 20, so the CRC-32 table is built here.
const CRC_TABLE = Int32Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c;
});

/** CRC-32 (the PNG and zlib polynomial 0xEDB88320, reflected) of `bytes`. */
function crc32(bytes: Uint8Array): number {
  let c = -1;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

/** A PNG chunk: length, type, data, and the CRC of type and data. */
function encodeChunk(type: string, data: Buffer): Buffer {
  const typed = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const framing = Buffer.alloc(8);
  framing.writeUInt32BE(data.length, 0);
  framing.writeUInt32BE(crc32(typed), 4);
  return Buffer.concat([framing.subarray(0, 4), typed, framing.subarray(4)]);
}
