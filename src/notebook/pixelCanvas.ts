/**
 * Just enough of a <canvas> for Observable Plot's raster mark where there is no real one (linkedom at build time,
 * and the kernel's Worker): Plot puts one RGBA image at (0, 0) and reads it back with `toDataURL()`, which here
 * writes a PNG. No Node or DOM API, so the same code serves the build and the browser; only `deflate` differs.
 */

/** Compresses bytes into a zlib stream (RFC 1950), as PNG's IDAT wants. */
export type Deflate = (bytes: Uint8Array) => Uint8Array;

/** Makes `document.createElement("canvas")` return a PixelCanvas whose PNGs are compressed by `deflate`. */
export function usePixelCanvas<D extends { createElement(name: string, options?: unknown): unknown }>(document: D, deflate: Deflate): D {
  const createElement = document.createElement.bind(document);
  document.createElement = ((name: string, options?: unknown) => (name.toLowerCase() === "canvas" ? new PixelCanvas(deflate) : createElement(name, options))) as D["createElement"];
  return document;
}

/** Image data as Plot's raster mark fills it. */
interface Pixels {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}

class PixelCanvas {
  width = 300;
  height = 150;
  private pixels: Pixels | null = null;

  constructor(private readonly deflate: Deflate) {}

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
    return `data:image/png;base64,${toBase64(encodePng(pixels, this.deflate))}`;
  }
}

/** An 8-bit RGBA PNG: each row prefixed with filter 0 (none), all rows deflated into one IDAT chunk. */
function encodePng({ width, height, data }: Pixels, deflate: Deflate): Uint8Array {
  const stride = width * 4;
  const rows = new Uint8Array((stride + 1) * height);
  for (let y = 0; y < height; y++) rows.set(data.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  const header = new Uint8Array(13);
  writeUint32(header, 0, width);
  writeUint32(header, 4, height);
  header.set([8, 6, 0, 0, 0], 8); // bit depth 8, colour type 6 (RGBA), default compression, filter and interlace
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  return concat([Uint8Array.from(signature), chunk("IHDR", header), chunk("IDAT", deflate(rows)), chunk("IEND", new Uint8Array(0))]);
}

/** A PNG chunk: length, type, data, and the CRC of type and data. */
function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  writeUint32(out, 0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  writeUint32(out, 8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

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

/** A zlib stream of stored (uncompressed) blocks: where no compressor is at hand synchronously, as in a Worker. */
export function storeDeflate(bytes: Uint8Array): Uint8Array {
  const BLOCK = 65535;
  const blocks = Math.max(1, Math.ceil(bytes.length / BLOCK));
  const out = new Uint8Array(2 + bytes.length + 5 * blocks + 4);
  out.set([0x78, 0x01], 0); // deflate, 32 KiB window, no dictionary, "fastest" (header check: 0x7801 % 31 = 0)
  let at = 2;
  for (let start = 0, block = 0; block < blocks; block++, start += BLOCK) {
    const length = Math.min(BLOCK, bytes.length - start);
    out.set([block === blocks - 1 ? 1 : 0, length & 0xff, length >>> 8, ~length & 0xff, (~length >>> 8) & 0xff], at);
    out.set(bytes.subarray(start, start + length), at + 5);
    at += 5 + length;
  }
  let a = 1, b = 0; // Adler-32 of the uncompressed bytes
  for (const byte of bytes) {
    a = (a + byte) % 65521;
    b = (b + a) % 65521;
  }
  writeUint32(out, at, ((b << 16) | a) >>> 0);
  return out;
}

function writeUint32(target: Uint8Array, at: number, value: number): void {
  target.set([value >>> 24, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff], at);
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
