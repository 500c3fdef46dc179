import { describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { findInlineCode, headersFile, insertPolicyMeta, kernelFramePolicy, nginxSnippet, pagePolicy, scriptHash } from "../../../src/site/contentSecurityPolicy";
import { headersFor, parseHeadersFile } from "../../../test/browser/serve.mjs";
import { escapeNonAscii } from "../../../src/build/asciiMarkup";

const sha = (text: string) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;

describe("the Content-Security-Policy", () => {
  const page = `<!doctype html><html><head><meta charset="utf-8"><script>theme()</script><script type="module">toc()</script><script type="module" src="/a.js"></script><script type="application/ld+json">{"x":1}</script></head><body><form onsubmit="return false"></form></body></html>`;

  it("hashes a handler as the browser reads it, once the build has written its characters as references", () => {
    const handler = `say("η = 0.1 ‘x’ & y")`;
    const written = `<body><button onclick="${handler.replace(/"/g, "&quot;").replace(/&(?!quot;)/g, "&amp;")}"></button></body>`;
    expect(findInlineCode(escapeNonAscii(written)).handlers).toEqual([handler]);
    expect(findInlineCode(`<a onclick="f('&amp;lt;')"></a>`).handlers).toEqual(["f('&lt;')"]);
    expect(findInlineCode(`<a onclick="f(&#39;a&#39;, &#955;)"></a>`).handlers).toEqual(["f('a', λ)"]);
  });

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

  it("sends the page's policy with every page and file but the build's own scripts, fonts and figures, which keep the other headers", () => {
    const rules = parseHeadersFile(headersFile("/book/", "default-src 'self'", "default-src 'none'", "_astro"));
    const policy = (path: string) => headersFor(rules, path)["content-security-policy"];
    expect(policy("/book/perceptron/")).toBe("default-src 'self'");
    expect(policy("/book/data/digits-test.bin")).toBe("default-src 'self'");
    expect(policy("/book/notebook-kernel.html")).toBe("default-src 'none'");
    for (const file of ["/book/_astro/Cell.astro_astro_type_script_index_0_lang.x1.js", "/book/_astro/KaTeX_Main-Regular-subset.x2.woff2"]) {
      expect(policy(file)).toBeUndefined();
      expect(headersFor(rules, file)["x-content-type-options"]).toBe("nosniff");
    }
    const nginx = nginxSnippet("/book/", "default-src 'self'", "default-src 'none'", "_astro");
    const assets = nginx.slice(nginx.indexOf("location /book/_astro/ {"));
    expect(assets.slice(0, assets.indexOf("}"))).toContain('add_header X-Content-Type-Options "nosniff" always;');
    expect(assets.slice(0, assets.indexOf("}"))).not.toContain("Content-Security-Policy");
  });
});
