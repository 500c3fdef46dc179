// @ts-check
import { fileURLToPath } from "node:url";
import { defineConfig } from "astro/config";
import mdx from "@astrojs/mdx";
import remarkMath from "remark-math";
import rehypeKatex from "rehype-katex";
import { remarkEquationNumbers } from "./src/markdown/equationNumbers.ts";
import { remarkFailOnBadMath } from "./src/markdown/mathErrors.ts";
import { rehypeIndexMathOnce } from "./src/markdown/indexMathOnce.ts";
import { rehypeKeepPunctuation } from "./src/markdown/keepPunctuation.ts";
import { normalizeBase } from "./src/site/base.ts";
import { remarkNotebookCells } from "./src/notebook/remarkCells.ts";
import { contentSecurityPolicy } from "./src/site/cspIntegration.ts";
import { lighterPages, precompressedCopies } from "./src/build/phoneIntegration.ts";
import { rehypeEditionHeadingIds } from "./src/markdown/editionHeadingIds.ts";
import { rehypeChineseHeadings } from "./src/markdown/chineseHeadings.ts";
import { editionsMatch } from "./src/site/editionsIntegration.ts";
import { rehypeChapterSections } from "./src/build/chapterSections.ts";
import { readSiteOrigin } from "./src/build/siteOrigin.ts";

// Courses host the book under a sub-path; BASE_PATH=/course/backprop npm run build.
const base = normalizeBase(process.env.BASE_PATH);

// MDX replaces (does not extend) the markdown plugin list when given its own, so it gets both.
const remarkPlugins = [remarkMath, remarkEquationNumbers, remarkFailOnBadMath];

export default defineConfig({
  base,
  // SITE_URL=https://host makes the editions' hreflang links absolute; without it they are left out (see the instructors page).
  site: readSiteOrigin(process.env.SITE_URL),
  trailingSlash: "ignore",
  outDir: process.env.OUT_DIR ?? "./dist",
  // Styles go inside each page: a phone on a slow link then needs one round trip, not four, before first paint.
  build: { format: "directory", inlineStylesheets: "always" },
  markdown: {
    remarkPlugins,
    rehypePlugins: [rehypeEditionHeadingIds, rehypeChineseHeadings, [rehypeKatex, { strict: "error", trust: false }], rehypeIndexMathOnce, rehypeKeepPunctuation, rehypeChapterSections],
    syntaxHighlight: "shiki",
    shikiConfig: { themes: { light: "github-light-default", dark: "github-dark-default" } },
  },
  // In this order after the build: figures rounded, then the policy hashes the final inline scripts, then compressed copies.
  integrations: [editionsMatch(), mdx({ remarkPlugins: [...remarkPlugins, remarkNotebookCells] }), lighterPages(), contentSecurityPolicy(), precompressedCopies()],
  devToolbar: { enabled: false },
  prefetch: false,
  vite: {
    worker: { format: "es" },
    // Both editions' MDX (content/ and content/zh/) import components as ~/components/…, so their imports stay identical.
    resolve: { alias: { "~/": fileURLToPath(new URL("./", import.meta.url)) } },
    // Fonts stay files (never data: URLs in the CSS) so the preloaded one is the one the CSS uses.
    build: { assetsInlineLimit: (file) => (file.endsWith(".woff2") ? false : undefined) },
  },
});
