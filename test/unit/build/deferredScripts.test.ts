import { describe, expect, it } from "vitest";
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
