import type { AstroIntegration } from "astro";
import { readdir, readFile, writeFile } from "node:fs/promises";
import { extname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { roundSvgNumbers } from "./svgNumbers.ts";
import { preloadPageFonts } from "./fontPreloads.ts";
import { compressibleTypes, precompress } from "./precompress.ts";

async function listFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

/** After the build: rounds saved figures' coordinates and preloads the fonts each page uses (before the policy hashes any inline script). */
export function lighterPages(): AstroIntegration {
  return {
    name: "lighter-pages",
    hooks: {
      "astro:build:done": async ({ dir }) => {
        const files = await listFiles(fileURLToPath(dir));
        for (const file of files.filter((path) => path.endsWith(".html"))) {
          const html = await readFile(file, "utf8");
          const rounded = preloadPageFonts(roundSvgNumbers(html));
          if (rounded !== html) await writeFile(file, rounded);
        }
      },
    },
  };
}

/**
 * When PRECOMPRESS=1, writes .gz and .br copies of every text file for hosts that serve them (see the
 * instructors page). Listed last among the integrations, so the copies hold the pages as finally written.
 */
export function precompressedCopies(): AstroIntegration {
  return {
    name: "precompressed-copies",
    hooks: {
      "astro:build:done": async ({ dir }) => {
        if (process.env.PRECOMPRESS !== "1") return;
        const files = await listFiles(fileURLToPath(dir));
        for (const file of files.filter((path) => compressibleTypes.includes(extname(path)))) await precompress(file);
      },
    },
  };
}
