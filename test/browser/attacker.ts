/**
 * A stand-in for a server an attacker controls, on 127.0.0.1 beside the book: it answers every
 * request (with permissive CORS and a script that would set the page's canary) and counts what
 * reached it, so a test can assert that nothing left the book's origin.
 */
import { createServer, type IncomingMessage } from "node:http";

/** A running attacker server. */
export interface Attacker {
  origin: string;
  /** Every request that reached it, as "METHOD path". */
  hits: string[];
  close(): Promise<void>;
}

const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64");

function body(request: IncomingMessage): { type: string; data: string | Buffer } {
  const path = request.url ?? "/";
  if (/\.(png|img)|image/.test(path)) return { type: "image/png", data: PNG };
  if (/css/.test(path)) return { type: "text/css", data: "body { background: red !important; }" };
  if (/html/.test(path)) return { type: "text/html", data: "<script>parent.__pwned = 'html'; top.__pwned = 'html';</script>" };
  return { type: "text/javascript", data: "globalThis.__pwned = 'script'; export const stolen = true;" };
}

/** Starts the attacker server on a free port. */
export async function startAttacker(): Promise<Attacker> {
  const hits: string[] = [];
  const server = createServer((request, response) => {
    hits.push(`${request.method} ${request.url}`);
    const { type, data } = body(request);
    response.writeHead(200, { "content-type": type, "access-control-allow-origin": "*", "access-control-allow-credentials": "true" });
    response.end(data);
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    origin: `http://127.0.0.1:${port}`,
    hits,
    close: () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
