import { gzipSync } from "node:zlib";
import type { Page } from "playwright-core";

/** JavaScript a page fetched, in gzip bytes (what a host that compresses would send), per file. */
export interface ScriptWeight {
  files: { url: string; gzipBytes: number }[];
  totalGzipBytes: number;
}

/** Starts counting the JavaScript a page loads; read `weigh()` after the page has settled. */
export function countScripts(page: Page): { weigh(): Promise<ScriptWeight> } {
  const pending: Promise<{ url: string; gzipBytes: number } | null>[] = [];
  page.on("response", (response) => {
    const type = response.request().resourceType();
    const url = response.url();
    if (type !== "script" && !/\.m?js(\?|$)/.test(url)) return;
    pending.push(
      response
        .body()
        .then((body) => ({ url, gzipBytes: gzipSync(body, { level: 9 }).length }))
        .catch(() => null),
    );
  });
  return {
    async weigh() {
      const files = (await Promise.all(pending)).filter((file): file is { url: string; gzipBytes: number } => file !== null);
      return { files, totalGzipBytes: files.reduce((sum, file) => sum + file.gzipBytes, 0) };
    },
  };
}
