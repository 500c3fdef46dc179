/**
 * The book's Content-Security-Policy, computed from the built pages: every inline script and
 * inline event handler the build wrote is allowed by its SHA-256 hash and nothing else inline runs.
 * The same policy goes into each page as a <meta> and into header files for static hosts, with the
 * parts only a header can carry (frame-ancestors, and the sandbox of the kernel's frame).
 */
import { createHash } from "node:crypto";

/** The file, below the base path, of the sandboxed frame the notebook kernel runs in. */
export const KERNEL_FRAME = "notebook-kernel.html";

/** The SHA-256 source expression for a script's text, as CSP writes it. */
export function scriptHash(text: string): string {
  return `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;
}

/** What a page runs inline: the text of its inline scripts and of its inline event handlers. */
export interface InlineCode {
  scripts: string[];
  handlers: string[];
}

const NOT_JAVASCRIPT = /\btype\s*=\s*["']?(?!module|text\/javascript|application\/javascript)[^"'\s>]+/i;

/** Finds the inline scripts (those without src, and of a JavaScript type) and on…= handlers in a page. */
export function findInlineCode(html: string): InlineCode {
  const scripts: string[] = [];
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    const attributes = match[1];
    if (/\bsrc\s*=/i.test(attributes) || NOT_JAVASCRIPT.test(attributes)) continue;
    scripts.push(match[2]);
  }
  const handlers: string[] = [];
  for (const match of html.matchAll(/<[a-z][^>]*?\son[a-z]+\s*=\s*(?:"([^"]*)"|'([^']*)')/gi)) handlers.push(decodeEntities(match[1] ?? match[2]));
  return { scripts, handlers };
}

/** The references the build writes in attributes: Astro's named ones, and src/build/asciiMarkup.ts's &#xHEX; for every character past ASCII. */
const REFERENCE = /&(?:#x([0-9a-f]+)|#([0-9]+)|(quot|lt|gt|amp));/gi;
const NAMED: Record<string, string> = { quot: '"', lt: "<", gt: ">", amp: "&" };

// Attribute values are hashed as the browser sees them, after references are decoded; in one pass, so "&amp;lt;"
// stays "&lt;" as the browser reads it.
function decodeEntities(text: string): string {
  return text.replace(REFERENCE, (_reference, hex?: string, decimal?: string, name?: string) =>
    name ? NAMED[name.toLowerCase()] : String.fromCodePoint(hex ? parseInt(hex, 16) : parseInt(decimal!, 10)),
  );
}

/** The directives of the book's pages; `frameAncestors` only for a header (a <meta> may not carry it). */
export function pagePolicy(code: InlineCode, options: { header?: boolean } = {}): string {
  const scripts = [...new Set(code.scripts.map(scriptHash))].sort();
  const handlers = [...new Set(code.handlers.map(scriptHash))].sort();
  const directives = [
    "default-src 'self'",
    // The engine and Pagefind compile WebAssembly; handlers need 'unsafe-hashes' to be allowed by hash.
    ["script-src 'self' 'wasm-unsafe-eval'", ...scripts, ...(handlers.length > 0 ? ["'unsafe-hashes'", ...handlers] : [])].join(" "),
    // KaTeX and the figures position with style attributes; CSS cannot run script, and figures are cleaned.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self'",
    "frame-src 'self'",
    "child-src 'self'",
    "media-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ];
  if (options.header) directives.push("frame-ancestors 'self'");
  return directives.join("; ");
}

/**
 * The policy of the kernel's frame: its one inline script, blob: workers that inherit this policy,
 * eval for the cells (the kernel compiles each cell into a function) and WebAssembly for the
 * engine; no connection, image, style or frame of any kind.
 */
export function kernelFramePolicy(code: InlineCode, options: { header?: boolean } = {}): string {
  const directives = [
    "default-src 'none'",
    ["script-src", ...code.scripts.map(scriptHash), "blob: 'unsafe-eval' 'wasm-unsafe-eval'"].join(" "),
    "worker-src blob:",
    "connect-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ];
  // As a header, the frame is sandboxed even when opened on its own, outside the page's <iframe sandbox>.
  if (options.header) directives.push("frame-ancestors 'self'", "sandbox allow-scripts");
  return directives.join("; ");
}

/** Puts the policy right after the charset (which must stay in the first 1024 bytes), before any script it governs. */
export function insertPolicyMeta(html: string, policy: string): string {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policy.replace(/"/g, "&quot;")}">`;
  const withoutOld = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/i, "");
  if (/<meta charset=[^>]*>/i.test(withoutOld)) return withoutOld.replace(/<meta charset=[^>]*>/i, (charset) => charset + meta);
  return withoutOld.replace(/<head(\s[^>]*)?>/i, (head) => head + meta);
}

/** Security headers every response of the book should carry, besides its policy. */
export const COMMON_HEADERS: Readonly<Record<string, string>> = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "same-origin",
};

// The build's own files (scripts, fonts, saved figures and pictures, in Astro's `build.assets` folder) are sent
// without the page's policy. A policy governs a document or a worker started from its URL (the kernel's worker starts
// from a blob in its frame), never a script module, a font or an image: on these it would be about 0.7 KB of header
// on each of a chapter's twenty-odd responses.

/** The `_headers` file (Netlify, Cloudflare Pages) for a build served under `base`, its own files in `assets` (e.g. "_astro"). */
export function headersFile(base: string, page: string, frame: string, assets: string): string {
  const common = Object.entries(COMMON_HEADERS).map(([name, value]) => `  ${name}: ${value}`);
  return [
    `${base}*`,
    `  Content-Security-Policy: ${page}`,
    ...common,
    `${base}${assets}/*`,
    "  ! Content-Security-Policy",
    `${base}${KERNEL_FRAME}`,
    "  ! Content-Security-Policy",
    `  Content-Security-Policy: ${frame}`,
    "",
  ].join("\n");
}

/** The same headers as an nginx snippet, to include in the server block that serves the book. */
export function nginxSnippet(base: string, page: string, frame: string, assets: string): string {
  const common = Object.entries(COMMON_HEADERS).map(([name, value]) => `    add_header ${name} "${value}" always;`);
  return [
    "# Generated by the build: include inside the server { } block that serves the book.",
    `location ${base} {`,
    `    add_header Content-Security-Policy "${page}" always;`,
    ...common,
    "}",
    // nginx drops a block's inherited add_header lines once the inner block has any of its own.
    `location ${base}${assets}/ {`,
    ...common,
    "}",
    `location = ${base}${KERNEL_FRAME} {`,
    `    add_header Content-Security-Policy "${frame}" always;`,
    ...common,
    "}",
    "",
  ].join("\n");
}
