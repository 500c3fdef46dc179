import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { headersFor, parseHeadersFile, safeLocation, startServer } from "../../../test/browser/serve.mjs";
import { compressibleTypes } from "../../../src/build/compressibleTypes.mjs";

/** A raw request, so a path is sent exactly as written (fetch would normalise it) and a body comes back as sent. */
function raw(
  origin: string,
  path: string,
  method = "GET",
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string; bytes: Buffer }> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path, method, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => {
        const bytes = Buffer.concat(chunks);
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body: bytes.toString(), bytes });
      });
    });
    req.on("error", reject);
    req.end();
  });
}

describe("the preview server", () => {
  let root: string;
  const servers: { origin: string; close(): Promise<void> }[] = [];
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), "preview-"));
    await mkdir(join(root, "lab"));
    await mkdir(join(root, "évé"));
    await writeFile(join(root, "index.html"), "<p>home</p>");
    await writeFile(join(root, "lab", "index.html"), "<p>lab</p>");
    await writeFile(join(root, "évé", "index.html"), "<p>accents</p>");
    // A build's .gz copy, told apart from what the server would compress itself by what it holds.
    await writeFile(join(root, "lab", "index.html.gz"), gzipSync("<p>lab, compressed by the build</p>"));
    await writeFile(join(root, "_headers"), "/*\n  Content-Security-Policy: default-src 'self'\n  X-Test: all\n/lab/*\n  ! X-Test\n  X-Lab: yes\n");
    servers.push(await startServer({ root, base: "/" }), await startServer({ root, base: "/course/backprop" }));
  });
  afterAll(async () => {
    for (const server of servers) await server.close();
    await rm(root, { recursive: true, force: true });
  });

  it("answers a bad percent-encoding with 400 and keeps serving", async () => {
    const [server] = servers;
    expect((await raw(server.origin, "/%")).status).toBe(400);
    expect((await raw(server.origin, "/%E0%A4%A")).status).toBe(400);
    expect((await raw(server.origin, "/%00")).status).toBe(400);
    expect((await raw(server.origin, "/")).status).toBe(200);
  });

  it("encodes a non-ASCII Location instead of crashing", async () => {
    const [server] = servers;
    const response = await raw(server.origin, "/%C3%A9v%C3%A9");
    expect(response.status).toBe(301);
    expect(response.headers.location).toBe("/%C3%A9v%C3%A9/");
    expect((await raw(server.origin, "/")).status).toBe(200);
  });

  it("never redirects to another host (no open redirect through //)", async () => {
    const [server] = servers;
    for (const path of ["/%2Fevil.example%2F..", "/%5Cevil.example%2F..", "//evil.example/..", "//"]) {
      const response = await raw(server.origin, path);
      expect([200, 301, 404]).toContain(response.status);
      if (response.status === 301) expect(String(response.headers.location)).toMatch(/^\/(?![/\\])/);
    }
    expect((await raw(server.origin, "/%2Fevil.example%2F..")).headers.location).toBe("/evil.example/../");
    expect(safeLocation("//evil.example/x/")).toBe("/evil.example/x/");
    expect(safeLocation("/\\evil.example/")).toBe("/%5Cevil.example/");
    expect(safeLocation("/a?b#c/")).toBe("/a%3Fb%23c/");
  });

  it("serves only GET and HEAD", async () => {
    const [server] = servers;
    for (const method of ["POST", "PUT", "DELETE", "OPTIONS", "TRACE"]) {
      const response = await raw(server.origin, "/", method);
      expect(response.status).toBe(405);
      expect(response.headers.allow).toBe("GET, HEAD");
    }
    const head = await raw(server.origin, "/", "HEAD");
    expect(head.status).toBe(200);
    expect(head.body).toBe("");
  });

  it("sends the build's _headers, with later rules adding to and removing from earlier ones", async () => {
    const [server, based] = servers;
    const home = await raw(server.origin, "/");
    expect(home.headers["content-security-policy"]).toBe("default-src 'self'");
    expect(home.headers["x-test"]).toBe("all");
    const lab = await raw(server.origin, "/lab/");
    expect(lab.headers["x-lab"]).toBe("yes");
    expect(lab.headers["x-test"]).toBeUndefined();
    expect((await raw(based.origin, "/course/backprop")).headers.location).toBe("/course/backprop/");
    expect(headersFor(parseHeadersFile("/a/*\n  X: 1\n"), "/b/")).toEqual({});
  });

  it("sends a page's .gz copy as it is when the browser takes gzip, compresses a page without one itself, and sends either plain otherwise", async () => {
    const [server] = servers;
    const gzip = { "accept-encoding": "gzip, deflate, br" };
    const copied = await raw(server.origin, "/lab/", "GET", gzip);
    expect(copied.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(copied.bytes).toString()).toBe("<p>lab, compressed by the build</p>");
    const compressed = await raw(server.origin, "/", "GET", gzip);
    expect(compressed.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(compressed.bytes).toString()).toBe("<p>home</p>");
    const plain = await raw(server.origin, "/lab/");
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body).toBe("<p>lab</p>");
  });

  it("compresses every type the build writes .gz copies of, with its own content type, and leaves a font as it is", async () => {
    const [server] = servers;
    const gzip = { "accept-encoding": "gzip" };
    for (const type of compressibleTypes) {
      await writeFile(join(root, `file${type}`), `text of a ${type} file`);
      const response = await raw(server.origin, `/file${type}`, "GET", gzip);
      expect(response.status, type).toBe(200);
      expect(response.headers["content-encoding"], type).toBe("gzip");
      expect(response.headers["content-type"], type).not.toBe("application/octet-stream");
      expect(gunzipSync(response.bytes).toString(), type).toBe(`text of a ${type} file`);
    }
    await writeFile(join(root, "file.woff2"), "wOF2 bytes");
    const font = await raw(server.origin, "/file.woff2", "GET", gzip);
    expect(font.headers["content-encoding"]).toBeUndefined();
    expect(font.body).toBe("wOF2 bytes");
  });
});
