import type { AstroConfig } from "astro";
import { readdir } from "node:fs/promises";
import { join } from "node:path";

/** Where a built site's pages and assets sit: its base path (ending in "/") and its assets folder below it. */
export interface SitePaths {
  base: string;
  assets: string;
}

/** The paths the integrations rewrite pages against, from Astro's resolved config (`base` may lack its final "/"). */
export function readSitePaths(config: AstroConfig): SitePaths {
  return { base: config.base.endsWith("/") ? config.base : `${config.base}/`, assets: config.build.assets };
}

/** Every file below a built site's folder, as full paths. */
export async function listBuiltFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

/** Every page (.html file) below a built site's folder, as full paths. */
export async function listBuiltPages(folder: string): Promise<string[]> {
  return (await listBuiltFiles(folder)).filter((path) => path.endsWith(".html"));
}
