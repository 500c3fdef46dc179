import { describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { findInlineCode, insertPolicyMeta, kernelFramePolicy, pagePolicy, scriptHash } from "../../../src/site/contentSecurityPolicy";

const sha = (text: string) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;

describe("the Content-Security-Policy", () => {
  const page = `<!doctype html><html><head><meta charset="utf-8"><script>theme()</script><script type="module">toc()</script><script type="module" src="/a.js"></script><script type="application/ld+json">{"x":1}</script></head><body><form onsubmit="return false"></form></body></html>`;

  it("allows exactly the inline scripts and handlers the build wrote, by hash", () => {
    const code = findInlineCode(page);
    expect(code).toEqual({ scripts: ["theme()", "toc()"], handlers: ["return false"] });
    const policy = pagePolicy(code);
    expect(policy).toContain(`script-src 'self' 'wasm-unsafe-eval' ${[sha("theme()"), sha("toc()")].sort().join(" ")} 'unsafe-hashes' ${sha("return false")}`);
    expect(policy).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
    for (const directive of ["connect-src 'self'", "object-src 'none'", "base-uri 'none'", "form-action 'none'"]) expect(policy).toContain(directive);
    expect(policy).not.toContain("frame-ancestors");
    expect(pagePolicy(code, { header: true })).toContain("frame-ancestors 'self'");
    expect(scriptHash("theme()")).toBe(sha("theme()"));
  });

  it("gives the kernel's frame no connection, and as a header a sandbox", () => {
    const policy = kernelFramePolicy({ scripts: ["boot()"], handlers: [] }, { header: true });
    expect(policy).toContain("connect-src 'none'");
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain(`script-src ${sha("boot()")} blob: 'unsafe-eval'`);
    expect(policy).toContain("sandbox allow-scripts");
  });

  it("puts the <meta> right after the charset, once", () => {
    const once = insertPolicyMeta(page, "default-src 'self'");
    const twice = insertPolicyMeta(once, "default-src 'none'");
    expect(twice.match(/Content-Security-Policy/g)).toHaveLength(1);
    expect(twice).toContain(`<meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'">`);
  });
});
