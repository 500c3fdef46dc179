import type { AstroIntegration } from "astro";
import { readdir, readFile, writeFile } from "node:fs/promises";
import { extname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { roundSvgNumbers } from "./svgNumbers.ts";
import { compressibleTypes, precompress } from "./precompress.ts";

async function listFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

/**
 * After the build: rounds saved figures' coordinates in every page, then, when PRECOMPRESS=1, writes .gz and .br
 * copies of every text file for hosts that serve them (see the instructors page).
 */
export function lighterPages(): AstroIntegration {
  return {
    name: "lighter-pages",
    hooks: {
      "astro:build:done": async ({ dir }) => {
        const files = await listFiles(fileURLToPath(dir));
        for (const file of files.filter((path) => path.endsWith(".html"))) {
          const html = await readFile(file, "utf8");
          const rounded = roundSvgNumbers(html);
          if (rounded !== html) await writeFile(file, rounded);
        }
        if (process.env.PRECOMPRESS !== "1") return;
        for (const file of files.filter((path) => compressibleTypes.includes(extname(path)))) await precompress(file);
      },
    },
  };
}
