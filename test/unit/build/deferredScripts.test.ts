import { describe, expect, it, vi } from "vitest";
import { deferModuleScripts, LOADER } from "../../../src/build/deferredScripts";
import { findInlineCode } from "../../../src/site/contentSecurityPolicy";

const tag = (src: string) => `<script type="module" src="${src}"></script>`;

describe("deferModuleScripts", () => {
  it("replaces every module script tag by one loader before </body> that lists them in page order, once each", () => {
    const page = `<html><head>${tag("/b/_astro/Search.js")}</head><body><header>${tag("/b/_astro/Sidebar.js")}</header><p>Text</p>${tag("/b/_astro/Cell.js")}${tag("/b/_astro/Search.js")}</body></html>`;
    const deferred = deferModuleScripts(page);
    expect(deferred).not.toMatch(/<script type="module"/);
    expect(deferred.match(/<script\b/g)).toHaveLength(1);
    expect(deferred).toBe(
      `<html><head></head><body><header></header><p>Text</p><script data-modules='["/b/_astro/Search.js","/b/_astro/Sidebar.js","/b/_astro/Cell.js"]'>${LOADER}</script></body></html>`,
    );
  });

  it("leaves inline module scripts, other scripts and a page without module files as they were", () => {
    const page = `<html><head><script>theme()</script><script type="module">toc()</script><script type="application/json">{}</script></head><body></body></html>`;
    expect(deferModuleScripts(page)).toBe(page);
  });

  it("writes the same loader on every page, so the policy allows it by one hash whatever the page loads", () => {
    const one = findInlineCode(deferModuleScripts(`<body>${tag("/a.js")}</body>`));
    const other = findInlineCode(deferModuleScripts(`<body>${tag("/b.js")}${tag("/c.js")}</body>`));
    expect(one.scripts).toEqual([LOADER]);
    expect(other.scripts).toEqual([LOADER]);
  });

  it("escapes the list for its attribute", () => {
    const deferred = deferModuleScripts(`<body>${tag("/it's&/a.js")}</body>`);
    expect(deferred).toContain(`data-modules='["/it&#39;s&amp;/a.js"]'`);
  });

  it("refuses a page with module scripts but no </body> rather than lose them", () => {
    expect(() => deferModuleScripts(tag("/a.js"))).toThrow(/no <\/body>/);
  });
});

describe("LOADER", () => {
  it("asks for one preload a task, so twenty files never hold the main thread in one long task", async () => {
    const listeners = new Map<string, () => void>();
    const appended: string[] = [];
    const modules = ["/b/_astro/Search.js", "/b/_astro/Sidebar.js", "/b/_astro/Cell.js", "/b/_astro/Param.js"];
    vi.stubGlobal("document", {
      currentScript: { dataset: { modules: JSON.stringify(modules) } },
      createElement: () => ({}),
      head: { append: (link: { href: string }) => appended.push(link.href) },
    });
    vi.stubGlobal("addEventListener", (type: string, listener: () => void) => listeners.set(type, listener));
    vi.stubGlobal("removeEventListener", () => undefined);
    vi.stubGlobal("PerformanceObserver", undefined);
    // new Function has no module loader for import(); the loader reports each failed import, which is not under test.
    const reported = vi.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      new Function(LOADER)();
      listeners.get("pointerdown")!();
      expect(appended).toEqual(modules.slice(0, 1));
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(appended).toEqual(modules);
    } finally {
      reported.mockRestore();
      vi.unstubAllGlobals();
    }
  });
});
