/**
 * Astro integration: after the build, writes the Content-Security-Policy into every page (as a
 * <meta>) and the header files for static hosts (`_headers`, `csp-nginx.conf`), all from the
 * inline code the build actually produced, so a new inline script cannot be forgotten.
 */
import type { AstroIntegration } from "astro";
import { readFile, writeFile } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { afterBuild, listBuiltPages } from "../build/builtSite.ts";
import { findInlineCode, headersFile, insertPolicyMeta, kernelFramePolicy, KERNEL_FRAME, nginxSnippet, pagePolicy, type InlineCode } from "./contentSecurityPolicy";

/** The integration; add it last, after everything that writes HTML. */
export function contentSecurityPolicy(): AstroIntegration {
  return afterBuild("backprop-content-security-policy", async ({ root, base, assets }, logger) => {
    const pages = new Map<string, string>();
    for (const file of await listBuiltPages(root)) pages.set(file, await readFile(file, "utf8"));
    const frameFile = join(root, KERNEL_FRAME);
    const site: InlineCode = { scripts: [], handlers: [] };
    for (const [file, html] of pages) {
      if (file === frameFile) continue;
      const code = findInlineCode(html);
      site.scripts.push(...code.scripts);
      site.handlers.push(...code.handlers);
    }
    const frameCode = findInlineCode(pages.get(frameFile) ?? "");
    for (const [file, html] of pages) {
      const policy = file === frameFile ? kernelFramePolicy(frameCode) : pagePolicy(site);
      await writeFile(file, insertPolicyMeta(html, policy));
    }
    const pageHeader = pagePolicy(site, { header: true });
    const frameHeader = kernelFramePolicy(frameCode, { header: true });
    await writeFile(join(root, "_headers"), headersFile(base, pageHeader, frameHeader, assets));
    await writeFile(join(root, "csp-nginx.conf"), nginxSnippet(base, pageHeader, frameHeader, assets));
    const shown = [...pages.keys()].map((file) => relative(root, file).split(sep).join("/"));
    logger.info(`Content-Security-Policy written into ${shown.length} pages; ${new Set(site.scripts).size} inline scripts and ${new Set(site.handlers).size} inline handlers allowed by hash.`);
  });
}
