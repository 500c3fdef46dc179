// A small static file server for the built book: `npm run preview` uses it, and so do the browser
// tests, which start and stop it themselves. It serves only below the base path, as a course host would.
import { createServer } from "node:http";
import { createReadStream } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { createGzip } from "node:zlib";
import { compressibleTypes } from "../../src/build/compressibleTypes.mjs";

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
  ".xml": "application/xml; charset=utf-8",
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

/**
 * Reads the build's `_headers` file (the format Netlify and Cloudflare Pages use) into rules, so the
 * preview sends the same Content-Security-Policy a course's host would.
 */
export function parseHeadersFile(text) {
  const rules = [];
  for (const line of text.split("\n")) {
    if (line.trim() === "" || line.trim().startsWith("#")) continue;
    if (!/^\s/.test(line)) {
      rules.push({ pattern: line.trim(), headers: [], detach: [] });
      continue;
    }
    const rule = rules.at(-1);
    const detached = /^\s*!\s*(.+)$/.exec(line);
    const colon = line.indexOf(":");
    if (rule && detached) rule.detach.push(detached[1].trim().toLowerCase());
    else if (rule && colon > 0) rule.headers.push([line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim()]);
  }
  return rules;
}

/** The headers the rules give a path: later matching rules add to (or, with `! Name`, remove) earlier ones. */
export function headersFor(rules, pathname) {
  const headers = {};
  for (const rule of rules) {
    const matches = rule.pattern.endsWith("*") ? pathname.startsWith(rule.pattern.slice(0, -1)) : pathname === rule.pattern;
    if (!matches) continue;
    for (const name of rule.detach) delete headers[name];
    for (const [name, value] of rule.headers) headers[name] = value;
  }
  return headers;
}

async function readHeaderRules(rootDir) {
  try {
    return parseHeadersFile(await readFile(join(rootDir, "_headers"), "utf8"));
  } catch {
    return []; // a build without the file (an older one) is served without a policy
  }
}

/** A Location header for a path on this server: percent-encoded, and never `//host` (which would leave the origin). */
export function safeLocation(path) {
  const encoded = encodeURI(path).replace(/[?#]/g, (c) => encodeURIComponent(c));
  return "/" + encoded.replace(/^[/\\]+/, "");
}

// The types the build writes .gz copies of: text compresses several-fold, fonts and images are compressed already.
const compressible = new Set(compressibleTypes);

/** Starts serving `root` under `base` on 127.0.0.1; resolves to { origin, close }. */
export async function startServer({ root, base = "/", port = 0 }) {
  const rootDir = resolve(root);
  const prefix = normalizeBase(base);
  const rules = await readHeaderRules(rootDir);
  const handle = async (request, response) => {
    if (request.method !== "GET" && request.method !== "HEAD") {
      response.writeHead(405, { allow: "GET, HEAD", "content-type": types[".txt"] });
      response.end("Method not allowed");
      return;
    }
    let url;
    let pathname;
    try {
      // Parsed as a path only: a request for "//host/x" names no host here.
      url = new URL(`http://localhost/${(request.url ?? "/").replace(/^\/+/, "")}`);
      pathname = decodeURIComponent(url.pathname);
    } catch {
      response.writeHead(400, { "content-type": types[".txt"] });
      response.end("Bad request: the path is not valid percent-encoding");
      return;
    }
    if (pathname.includes("\0")) {
      response.writeHead(400, { "content-type": types[".txt"] });
      response.end("Bad request");
      return;
    }
    const redirect = (to) => {
      response.writeHead(301, { location: safeLocation(to) + url.search });
      response.end();
    };
    // Gzipped when the browser accepts it, as a static host would. A build's own .gz copy (PRECOMPRESS=1) is sent as
    // it is, as nginx's gzip_static and Caddy's precompressed do: compressed here, on the fly, a page would take CPU
    // from the browser loading it on this machine, which a host's server never takes from a reader's phone.
    const send = async (status, file) => {
      const type = extname(file);
      const gzip = compressible.has(type) && /\bgzip\b/.test(String(request.headers["accept-encoding"] ?? ""));
      const gzipped = gzip && (await isFile(`${file}.gz`)) ? `${file}.gz` : undefined;
      response.writeHead(status, {
        "content-type": types[type] ?? "application/octet-stream",
        "cache-control": "no-cache",
        ...headersFor(rules, pathname),
        ...(gzip ? { "content-encoding": "gzip", vary: "Accept-Encoding" } : {}),
      });
      if (request.method === "HEAD") response.end();
      else if (gzipped) createReadStream(gzipped).pipe(response);
      else if (gzip) createReadStream(file).pipe(createGzip()).pipe(response);
      else createReadStream(file).pipe(response);
    };
    if (pathname === prefix.slice(0, -1)) return redirect(prefix);
    const notFound = async () => {
      const page = join(rootDir, "404.html");
      if (await isFile(page)) return send(404, page);
      response.writeHead(404, { "content-type": types[".html"] });
      response.end("Not found");
    };
    if (!pathname.startsWith(prefix)) return notFound();
    const relative = normalize(pathname.slice(prefix.length)).replace(/^(\.\.[/\\])+/, "");
    let file = join(rootDir, relative);
    if (!file.startsWith(rootDir)) return notFound();
    if (!(await isFile(file))) {
      if (await isFile(join(file, "index.html"))) {
        if (!pathname.endsWith("/")) return redirect(pathname + "/");
        file = join(file, "index.html");
      } else if (await isFile(`${file}.html`)) {
        file = `${file}.html`;
      } else {
        return notFound();
      }
    }
    return send(200, file);
  };
  const server = createServer((request, response) => {
    handle(request, response).catch(() => {
      // One bad request must never take the server down.
      if (!response.headersSent) response.writeHead(500, { "content-type": types[".txt"] });
      response.end();
    });
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
