// A small static file server for the built book: `npm run preview` uses it, and so do the browser
// tests, which start and stop it themselves. It serves only below the base path, as a course host would.
import { createServer } from "node:http";
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { createGzip } from "node:zlib";

const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".ttf": "font/ttf",
  ".wasm": "application/wasm",
  ".txt": "text/plain; charset=utf-8",
};

/** Normalises a base path to "/x/y/" form. */
function normalizeBase(raw) {
  const trimmed = (raw ?? "").trim().replace(/^\/+|\/+$/g, "");
  return trimmed === "" ? "/" : `/${trimmed}/`;
}

async function isFile(path) {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

// Text compresses several-fold; fonts, images and wasm are already compressed or barely shrink.
const compressible = new Set([".html", ".js", ".mjs", ".css", ".json", ".svg", ".txt", ".wasm"]);

/** Writes a file with status 200, gzipped when the browser accepts it, as a static host would. */
function sendFile(request, response, file) {
  const type = extname(file);
  const headers = { "content-type": types[type] ?? "application/octet-stream", "cache-control": "no-cache" };
  const gzip = compressible.has(type) && /\bgzip\b/.test(String(request.headers["accept-encoding"] ?? ""));
  if (!gzip) {
    response.writeHead(200, headers);
    createReadStream(file).pipe(response);
    return;
  }
  response.writeHead(200, { ...headers, "content-encoding": "gzip", vary: "Accept-Encoding" });
  createReadStream(file).pipe(createGzip()).pipe(response);
}

/** Starts serving `root` under `base` on 127.0.0.1; resolves to { origin, close }. */
export async function startServer({ root, base = "/", port = 0 }) {
  const rootDir = resolve(root);
  const prefix = normalizeBase(base);
  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? "/", "http://localhost");
    let pathname = decodeURIComponent(url.pathname);
    if (pathname === prefix.slice(0, -1)) {
      response.writeHead(301, { location: prefix + url.search });
      response.end();
      return;
    }
    const notFound = async () => {
      const page = join(rootDir, "404.html");
      response.writeHead(404, { "content-type": types[".html"] });
      if (await isFile(page)) createReadStream(page).pipe(response);
      else response.end("Not found");
    };
    if (!pathname.startsWith(prefix)) return notFound();
    const relative = normalize(pathname.slice(prefix.length)).replace(/^(\.\.[/\\])+/, "");
    let file = join(rootDir, relative);
    if (!file.startsWith(rootDir)) return notFound();
    if (!(await isFile(file))) {
      if (await isFile(join(file, "index.html"))) {
        if (!pathname.endsWith("/")) {
          response.writeHead(301, { location: pathname + "/" + url.search });
          response.end();
          return;
        }
        file = join(file, "index.html");
      } else if (await isFile(`${file}.html`)) {
        file = `${file}.html`;
      } else {
        return notFound();
      }
    }
    sendFile(request, response, file);
  });
  await new Promise((done, fail) => {
    server.once("error", fail);
    server.listen(port, "127.0.0.1", done);
  });
  const address = server.address();
  const origin = `http://127.0.0.1:${typeof address === "object" && address ? address.port : port}`;
  return {
    origin,
    close: () =>
      new Promise((done) => {
        server.closeAllConnections?.();
        server.close(() => done());
      }),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const base = normalizeBase(process.env.BASE_PATH);
  const { origin } = await startServer({ root: process.env.OUT_DIR ?? "dist", base, port: Number(process.env.PORT ?? 4321) });
  console.log(`Serving ${process.env.OUT_DIR ?? "dist"} at ${origin}${base} (Ctrl+C to stop)`);
}
