import type { AstroIntegration } from "astro";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { extname, join } from "node:path";
import { roundSvgNumbers } from "./svgNumbers.ts";
import { preloadPageFonts } from "./fontPreloads.ts";
import { compressibleTypes } from "./compressibleTypes.mjs";
import { precompress } from "./precompress.ts";
import { moveSavedImages } from "./savedImages.ts";
import { moveSavedFigures } from "./savedFigures.ts";
import { classifyCodeColours } from "./codeColours.ts";
import { deferModuleScripts } from "./deferredScripts.ts";
import { escapeNonAscii } from "./asciiMarkup.ts";
import { markPartEdges } from "./partEdges.ts";
import { afterBuild, listBuiltFiles, listBuiltPages } from "./builtSite.ts";

/**
 * After the build: rounds saved figures' coordinates, moves large inline pictures and widget figures to files
 * fetched when the reader nears them, colours code by class, preloads the fonts each page's first screen uses,
 * loads the module scripts after the first paint, marks the blocks whose margins drop at the chapter parts' edges,
 * and writes each page in ASCII for the browser's fast decoder (all before the policy hashes any inline script).
 */
export function lighterPages(): AstroIntegration {
  return afterBuild("lighter-pages", async ({ root, base, assets }) => {
    const assetsFolder = join(root, assets);
    for (const file of await listBuiltPages(root)) {
      const html = await readFile(file, "utf8");
      const { html: withoutFigures, figures } = moveSavedFigures(roundSvgNumbers(html), `${base}${assets}/`);
      const { html: moved, images } = moveSavedImages(withoutFigures, `${base}${assets}/`);
      if (images.length + figures.length > 0) await mkdir(assetsFolder, { recursive: true });
      for (const image of images) await writeFile(join(assetsFolder, image.name), image.bytes);
      for (const figure of figures) await writeFile(join(assetsFolder, figure.name), figure.text);
      const lighter = escapeNonAscii(markPartEdges(deferModuleScripts(preloadPageFonts(classifyCodeColours(moved)))));
      if (lighter !== html) await writeFile(file, lighter);
    }
  });
}

/**
 * When PRECOMPRESS=1, writes .gz and .br copies of every text file for hosts that serve them (see the
 * instructors page). Listed last among the integrations, so the copies hold the pages as finally written.
 */
export function precompressedCopies(): AstroIntegration {
  return afterBuild("precompressed-copies", async ({ root }) => {
    if (process.env.PRECOMPRESS !== "1") return;
    const files = await listBuiltFiles(root);
    for (const file of files.filter((path) => compressibleTypes.includes(extname(path)))) await precompress(file);
  });
}
