import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { DIGITS_PATH, decodeDigits, detectDigitBytes, fetchDigits, parseContentLength, readWithProgress, type DigitProgress } from "../../../src/data/fetchDigits";

const compressed = new Uint8Array(readFileSync(new URL("../../../public/data/digits.bin.gz", import.meta.url)));
const decoded = new Uint8Array(gunzipSync(compressed));

/** A response whose body arrives in chunks of `chunk` bytes, as a network would deliver it. */
function respond(bytes: Uint8Array, headers: Record<string, string> = {}, chunk = 65536): Response {
  let at = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (at >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(at, at + chunk));
      at += chunk;
    },
  });
  return new Response(body, { headers });
}

describe("telling the digits' bytes apart", () => {
  it("knows gzip, the decoded file and anything else by their first bytes", () => {
    expect(detectDigitBytes(compressed)).toBe("gzip");
    expect(detectDigitBytes(decoded)).toBe("digits");
    expect(detectDigitBytes(new TextEncoder().encode("<!doctype html>"))).toBe("unknown");
    expect(detectDigitBytes(new Uint8Array(0))).toBe("unknown");
  });

  it("reads Content-Length only when it is a whole number", () => {
    expect(parseContentLength("1616720")).toBe(1616720);
    expect(parseContentLength(null)).toBeNull();
    expect(parseContentLength("12kB")).toBeNull();
  });
});

describe("reading with progress", () => {
  it("reports every chunk against Content-Length and ends at the whole size", async () => {
    const seen: DigitProgress[] = [];
    const bytes = await readWithProgress(respond(compressed, { "content-length": String(compressed.length) }), (p) => seen.push(p));
    expect(Buffer.compare(bytes, compressed)).toBe(0); // toEqual walks 1.6 MB element by element
    expect(seen[0]).toEqual({ loaded: 0, total: compressed.length });
    expect(seen.at(-1)).toEqual({ loaded: compressed.length, total: compressed.length });
    expect(seen.length).toBe(Math.ceil(compressed.length / 65536) + 1);
    for (let i = 1; i < seen.length; i++) expect(seen[i].loaded).toBeGreaterThan(seen[i - 1].loaded);
  });

  it("drops the total when a host decodes the gzip on the way and sends more bytes than announced", async () => {
    const seen: DigitProgress[] = [];
    await readWithProgress(respond(decoded, { "content-length": String(compressed.length) }), (p) => seen.push(p));
    expect(seen.at(-1)).toEqual({ loaded: decoded.length, total: null });
  });
});

describe("fetchDigits", () => {
  it("asks for the file under the base path and returns the parsed digits from gzip", async () => {
    const asked: string[] = [];
    const set = await fetchDigits({ fetch: async (url) => (asked.push(String(url)), respond(compressed)) });
    expect(asked).toEqual([`/${DIGITS_PATH}`]);
    expect([set.train.count, set.test.count, set.rows, set.columns]).toEqual([8000, 2000, 28, 28]);
  });

  it("takes a file the host already decoded without gunzipping it again", async () => {
    const set = await fetchDigits({ url: "/x", fetch: async () => respond(decoded) });
    expect(Buffer.compare(set.test.labels, decodeDigitsLabels())).toBe(0);
  });

  it("names the address and the status when the server refuses", async () => {
    await expect(fetchDigits({ url: "/course/data/digits.bin.gz", fetch: async () => new Response("no", { status: 404, statusText: "Not Found" }) }))
      .rejects.toThrow("Could not load the digits from /course/data/digits.bin.gz: the server answered 404 Not Found.");
  });

  it("names the address when the network fails", async () => {
    await expect(fetchDigits({ url: "/d", fetch: async () => { throw new TypeError("Failed to fetch"); } })).rejects.toThrow(/Could not load the digits from \/d: Failed to fetch/);
  });

  it("calls a page served in place of the file damaged, naming its first bytes", async () => {
    await expect(fetchDigits({ url: "/d", fetch: async () => respond(new TextEncoder().encode("<!doctype html>")) })).rejects.toThrow(/damaged: it starts with 3c 21 64 6f/);
  });

  it("calls a cut-off gzip damaged", async () => {
    await expect(decodeDigits(compressed.subarray(0, 1000))).rejects.toThrow(/damaged: it could not be decompressed/);
  });

  it("calls a decoded file of the wrong length damaged, with parseDigits' reason", async () => {
    await expect(decodeDigits(decoded.subarray(0, decoded.length - 784))).rejects.toThrow(/damaged: digits file has .* need 7850016/);
  });
});

function decodeDigitsLabels(): Uint8Array {
  return decoded.subarray(16 + 8000, 16 + 10000);
}
