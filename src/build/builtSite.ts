import type { AstroConfig, AstroIntegration, AstroIntegrationLogger } from "astro";
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** Where a built site's pages and assets sit: its base path (ending in "/") and its assets folder below it. */
export interface SitePaths {
  base: string;
  assets: string;
}

/** The paths the integrations rewrite pages against, from Astro's resolved config (`base` may lack its final "/"). */
export function readSitePaths(config: AstroConfig): SitePaths {
  return { base: config.base.endsWith("/") ? config.base : `${config.base}/`, assets: config.build.assets };
}

/** A built site: the folder it was written to, and the paths its pages are served under. */
export interface BuiltSite extends SitePaths {
  root: string;
}

/** An integration that, once Astro has written the site, hands `rewrite` the built folder and its paths. */
export function afterBuild(name: string, rewrite: (site: BuiltSite, logger: AstroIntegrationLogger) => Promise<void>): AstroIntegration {
  // The paths are known when the config is resolved, the folder only when the build is done.
  let paths: SitePaths = { base: "/", assets: "_astro" };
  return {
    name,
    hooks: {
      "astro:config:done": ({ config }) => {
        paths = readSitePaths(config);
      },
      "astro:build:done": ({ dir, logger }) => rewrite({ root: fileURLToPath(dir), ...paths }, logger),
    },
  };
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
