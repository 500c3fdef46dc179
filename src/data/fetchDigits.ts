/**
 * The page-side loader of chapter 7's digits: fetches public/data/digits.bin.gz under the site's base
 * path, reports progress, gunzips it in the browser when the host has not already done so, and parses
 * it with `parseDigits`. Every failure becomes one sentence a reader can act on.
 */
import { joinBase } from "../site/base";
import { parseDigits, type DigitSet } from "./digits";

/** Where the digits live inside the site (under public/). */
export const DIGITS_PATH = "data/digits.bin.gz";

/** Bytes received so far and the size the server announced (null when it did not, or when it was wrong). */
export interface DigitProgress {
  loaded: number;
  total: number | null;
}

/** What `fetchDigits` may be given; all optional. */
export interface FetchDigitsOptions {
  /** Called after every chunk received, and once at the start with 0 bytes. */
  onProgress?: (progress: DigitProgress) => void;
  /** The file's address; default: DIGITS_PATH under the base path the site was built for. */
  url?: string;
  /** The fetch to use (tests pass their own). */
  fetch?: typeof fetch;
}

/** The three kinds of content a digits response can hold, told apart by their first bytes. */
export type DigitBytesKind = "gzip" | "digits" | "unknown";

/** Gzip starts with 1f 8b; an already decoded file starts with "DGT1" (a host may decode the .gz for us). */
export function detectDigitBytes(bytes: Uint8Array): DigitBytesKind {
  if (bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) return "gzip";
  if (bytes.length >= 4 && bytes[0] === 0x44 && bytes[1] === 0x47 && bytes[2] === 0x54 && bytes[3] === 0x31) return "digits";
  return "unknown";
}

/** Content-Length as a byte count, or null when it is missing or not a whole number. */
export function parseContentLength(header: string | null): number | null {
  if (header === null || !/^\d+$/.test(header.trim())) return null;
  return Number(header.trim());
}

/** Reads a response body to the end, reporting bytes as they arrive; a body longer than announced (decoded on the way) drops the total. */
export async function readWithProgress(response: Response, onProgress?: (progress: DigitProgress) => void): Promise<Uint8Array> {
  let total = parseContentLength(response.headers.get("content-length"));
  onProgress?.({ loaded: 0, total });
  if (!response.body) {
    const bytes = new Uint8Array(await response.arrayBuffer());
    onProgress?.({ loaded: bytes.length, total: bytes.length });
    return bytes;
  }
  const chunks: Uint8Array[] = [];
  let loaded = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    loaded += value.length;
    // Content-Length counts the bytes on the wire; a host that decodes gzip on the way sends more.
    if (total !== null && loaded > total) total = null;
    onProgress?.({ loaded, total });
  }
  return joinChunks(chunks, loaded);
}

function joinChunks(chunks: Uint8Array[], length: number): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  const bytes = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return bytes;
}

/** Gunzips with the browser's (and Node's) DecompressionStream. */
export async function gunzip(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream("gzip"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** Turns the bytes of a response (gzip or already decoded) into the digit set; throws a sentence naming what is damaged. */
export async function decodeDigits(bytes: Uint8Array): Promise<DigitSet> {
  const kind = detectDigitBytes(bytes);
  if (kind === "unknown") {
    const start = Array.from(bytes.subarray(0, 4), (b) => b.toString(16).padStart(2, "0")).join(" ");
    throw new Error(`The digits file is damaged: it starts with ${start || "nothing"} (${bytes.length} bytes), neither gzip nor the digits' own "DGT1".`);
  }
  let raw = bytes;
  if (kind === "gzip") {
    try {
      raw = await gunzip(bytes);
    } catch (error) {
      throw new Error(`The digits file is damaged: it could not be decompressed (${(error as Error).message}).`);
    }
  }
  try {
    return parseDigits(raw);
  } catch (error) {
    throw new Error(`The digits file is damaged: ${(error as Error).message}.`);
  }
}

/** Loads, decompresses and parses the digits; rejects with a message naming the address and what went wrong. */
export async function fetchDigits(options: FetchDigitsOptions = {}): Promise<DigitSet> {
  const url = options.url ?? joinBase(import.meta.env.BASE_URL, DIGITS_PATH);
  const fetchFn = options.fetch ?? globalThis.fetch.bind(globalThis);
  let response: Response;
  try {
    response = await fetchFn(url);
  } catch (error) {
    throw new Error(`Could not load the digits from ${url}: ${(error as Error).message}. Check the connection and try again.`);
  }
  if (!response.ok) throw new Error(`Could not load the digits from ${url}: the server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ""}.`);
  let bytes: Uint8Array;
  try {
    bytes = await readWithProgress(response, options.onProgress);
  } catch (error) {
    throw new Error(`Could not load the digits from ${url}: the download broke off (${(error as Error).message}). Try again.`);
  }
  return decodeDigits(bytes);
}
