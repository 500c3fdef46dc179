// `npm run audit`: Lighthouse's mobile audit of every page of the built book, served with gzip as a static host
// would. A measurement, not a test: scores move with the machine's load, so each page is audited three times
// and the median run is reported, with the audits that cost it most.
//
// The book is built with SITE_URL set to the origin it is served on, as a host would set it, so its hreflang links
// are whole URLs, and with PRECOMPRESS=1, so each file is sent as its .gz copy: compressed as it is sent, a page
// would be compressed on the cores the browser is loading it with (two, here), which a host's server never does on
// a reader's phone. AUDIT_SITE_DIR=dir reuses a build there (skips building; build it with SITE_URL set for the SEO
// score to count the alternates, and PRECOMPRESS=1); AUDIT_RUNS=n changes the number of runs;
// AUDIT_PAGES=perceptron/,chain-rule/ audits only those pages; AUDIT_JSON=file writes every median report.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import lighthouse from "lighthouse";
import * as chromeLauncher from "chrome-launcher";
import { startServer } from "../test/browser/serve.mjs";
import { chromiumFlags } from "../test/browser/chromiumFlags.mjs";

const base = "/course/backprop/";
const siteDir = process.env.AUDIT_SITE_DIR ?? "test-results/audit";
const runs = Number(process.env.AUDIT_RUNS ?? 3);

// The flags the browser tests use, headless; never a downloaded browser.
const chromeFlags = ["--headless=new", ...chromiumFlags];

/** Builds the book under the base path for `origin`, one build at a time on this shared machine. */
function build(origin) {
  const command = `PRECOMPRESS=1 SITE_URL=${origin} BASE_PATH=${base} OUT_DIR=${siteDir} npx astro build --silent && npx pagefind --site ${siteDir} --silent`;
  const result = spawnSync("flock", ["/tmp/build.lock", "sh", "-c", command], { stdio: "inherit" });
  if (result.status !== 0) throw new Error(`build failed (exit ${result.status})`);
}

/** Every page of the build, as a path below the base: "" for home, "perceptron/" and so on. */
function findPages(dir) {
  const pages = [];
  const walk = (folder) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory() && !entry.name.startsWith("_") && entry.name !== "pagefind") walk(path);
      else if (entry.name === "index.html") pages.push(relative(dir, folder) ? `${relative(dir, folder)}/` : "");
    }
  };
  walk(dir);
  return pages.sort((a, b) => (a === "" ? -1 : b === "" ? 1 : a.localeCompare(b)));
}

/** One Lighthouse mobile run (its default: a mid-range phone on slow 4G, simulated) in a fresh Chromium. */
async function audit(url) {
  const chrome = await chromeLauncher.launch({ chromePath: "/usr/bin/chromium", chromeFlags });
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: "json",
      logLevel: "error",
      onlyCategories: ["performance", "accessibility", "best-practices", "seo"],
    });
    return result.lhr;
  } finally {
    await chrome.kill();
  }
}

const score = (lhr, id) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
const value = (lhr, id) => lhr.audits[id]?.numericValue ?? NaN;

/** The numbers the table shows, from one report. */
function summarise(lhr) {
  return {
    performance: score(lhr, "performance"),
    accessibility: score(lhr, "accessibility"),
    bestPractices: score(lhr, "best-practices"),
    seo: score(lhr, "seo"),
    lcp: value(lhr, "largest-contentful-paint"),
    cls: value(lhr, "cumulative-layout-shift"),
    tbt: value(lhr, "total-blocking-time"),
    bytes: value(lhr, "total-byte-weight"),
    domNodes: value(lhr, "dom-size"),
    // Lighthouse's measure of this machine's speed during the run; on a busy machine it falls and TBT rises.
    benchmarkIndex: lhr.environment.benchmarkIndex,
  };
}

/** The file a URL in a report names, "(page)" for the page itself (a long task Lighthouse cannot place stays "Unattributable"). */
const fileName = (url) => url.split("/").pop() || "(page)";

/** The audits that cost a report most: failing ones of each category, heaviest first, and the largest transfers. */
function offenders(lhr) {
  const lines = [];
  for (const category of Object.values(lhr.categories)) {
    const failing = category.auditRefs
      .map((ref) => ({ ref, audit: lhr.audits[ref.id] }))
      .filter(({ audit }) => audit && audit.score !== null && audit.score < 0.9 && audit.scoreDisplayMode !== "informative")
      .sort((a, b) => b.ref.weight - a.ref.weight || a.audit.score - b.audit.score);
    for (const { audit } of failing.slice(0, 4)) {
      lines.push(`  ${category.title}: ${audit.title}${audit.displayValue ? ` (${audit.displayValue})` : ""}`);
      const items = audit.details?.items ?? [];
      for (const item of items.slice(0, 3)) {
        const what = item.url ?? item.node?.selector ?? item.node?.snippet ?? item.label ?? item.source ?? "";
        if (what) lines.push(`    - ${String(what).slice(0, 110)}`);
      }
    }
  }
  const shifts = lhr.audits["layout-shifts"]?.details?.items ?? [];
  for (const shift of shifts.slice(0, 3)) {
    lines.push(`  layout shift ${shift.score?.toFixed(3)}: ${(shift.node?.selector ?? shift.node?.snippet ?? "?").slice(0, 100)}`);
  }
  // What Total Blocking Time sums: the main thread's long tasks that end after the first contentful paint, in the
  // same simulated timeline as TBT. A task that began before the paint counts only from it, so it is marked. The
  // simulation puts before that paint only what blocks rendering and the trace's first layout and first paint tasks
  // (tiny ones, as the document starts), so holding the real first paint until more is laid out (tried: a
  // <link rel="expect" blocking="render"> on a chapter's first part) moves the big first layout in the browser but
  // not here.
  const paint = value(lhr, "first-contentful-paint");
  const late = (lhr.audits["long-tasks"]?.details?.items ?? []).filter((task) => task.startTime + task.duration > paint);
  if (late.length > 0) {
    const task = ({ startTime, duration, url }) =>
      `${Math.round(duration)} ms ${startTime < paint ? "begun before it" : `at ${Math.round(startTime)} ms`}, ${fileName(url)}`;
    lines.push(`  long tasks ending after the first contentful paint (${Math.round(paint)} ms): ${late.sort((a, b) => a.startTime - b.startTime).map(task).join("; ")}`);
  }
  const transfers = (lhr.audits["total-byte-weight"]?.details?.items ?? []).slice(0, 4);
  if (transfers.length > 0) {
    lines.push(
      `  largest transfers: ${transfers.map((item) => `${fileName(item.url)} ${(item.totalBytes / 1024).toFixed(0)} KiB`).join(", ")}`,
    );
  }
  return lines;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

// A free port is taken first, for the build to know its origin; the server then restarts on it to read the build's _headers.
let server = await startServer({ root: siteDir, base });
if (!process.env.AUDIT_SITE_DIR) {
  await server.close();
  build(server.origin);
  server = await startServer({ root: siteDir, base, port: Number(new URL(server.origin).port) });
}
if (!existsSync(join(siteDir, "index.html"))) throw new Error(`no build in ${siteDir}`);
if (!existsSync(join(siteDir, "index.html.gz"))) console.warn(`${siteDir} has no .gz copies (build it with PRECOMPRESS=1): its pages are compressed as they are sent, beside the browser`);
const pages = process.env.AUDIT_PAGES ? process.env.AUDIT_PAGES.split(",").map((page) => page.trim()) : findPages(siteDir);
const rows = [];
const medians = {};
try {
  for (const page of pages) {
    const reports = [];
    for (let run = 0; run < runs; run += 1) {
      const lhr = await audit(`${server.origin}${base}${page}`);
      reports.push(lhr);
      // TBT and LCP of each run too: the median alone hides how far one page's runs spread on a busy machine.
      const timing = `TBT ${Math.round(value(lhr, "total-blocking-time"))} ms, LCP ${(value(lhr, "largest-contentful-paint") / 1000).toFixed(2)} s`;
      process.stderr.write(`${page || "home"} run ${run + 1}: performance ${score(lhr, "performance")}, ${timing}\n`);
    }
    // The median run by performance score stands for the page, so its offenders match its numbers.
    const middle = [...reports].sort((a, b) => score(a, "performance") - score(b, "performance"))[Math.floor(runs / 2)];
    const summaries = reports.map(summarise);
    const row = { page: page.replace(/\/$/, "") || "home" };
    for (const key of Object.keys(summaries[0])) row[key] = median(summaries.map((summary) => summary[key]));
    rows.push({ row, offenders: offenders(middle) });
    medians[row.page] = middle;
  }
} finally {
  await server.close();
}

const columns = ["page", "performance", "accessibility", "best practices", "SEO", "LCP", "CLS", "TBT", "bytes", "DOM nodes", "CPU index"];
console.log(`\nLighthouse ${medians[rows[0].row.page].lighthouseVersion} mobile, median of ${runs} runs, ${new Date().toISOString()}\n`);
console.log(`| ${columns.join(" | ")} |`);
console.log(`|${columns.map(() => "---").join("|")}|`);
for (const { row } of rows) {
  const cells = [
    row.page,
    row.performance,
    row.accessibility,
    row.bestPractices,
    row.seo,
    `${(row.lcp / 1000).toFixed(1)} s`,
    row.cls.toFixed(3),
    `${Math.round(row.tbt)} ms`,
    `${Math.round(row.bytes / 1024)} KiB`,
    Math.round(row.domNodes).toLocaleString("en"),
    Math.round(row.benchmarkIndex),
  ];
  console.log(`| ${cells.join(" | ")} |`);
}
console.log("\nCPU index: Lighthouse's benchmark of the machine during the runs (higher is faster); TBT and LCP grow as it falls.");
// Lighthouse's docs (throttling.md, "Calibrating the CPU slowdown") place a high-end desktop at 1,500-2,000, the host
// its fixed 4x slowdown turns into a mid-tier phone; on a slower host the same 4x stands for a slower phone.
const slowest = Math.min(...rows.map(({ row }) => row.benchmarkIndex));
if (slowest < 1500) {
  console.log(`The lowest CPU index above, ${Math.round(slowest)}, is below the 1,500-2,000 that Lighthouse's 4x CPU slowdown assumes: on that page TBT is a slower phone's than a mid-tier one's.`);
}
// Issue #15's targets for every page, against each page's medians.
const targets = [
  [(row) => row.performance >= 95, (row) => `performance ${row.performance} < 95`],
  [(row) => row.accessibility === 100, (row) => `accessibility ${row.accessibility} < 100`],
  [(row) => row.bestPractices === 100, (row) => `best practices ${row.bestPractices} < 100`],
  [(row) => row.seo === 100, (row) => `SEO ${row.seo} < 100`],
  [(row) => row.lcp <= 2000, (row) => `LCP ${(row.lcp / 1000).toFixed(2)} s > 2.0 s`],
  [(row) => row.cls <= 0.02, (row) => `CLS ${row.cls.toFixed(3)} > 0.02`],
  [(row) => row.tbt <= 100, (row) => `TBT ${Math.round(row.tbt)} ms > 100 ms`],
  [(row) => row.bytes <= 250 * 1024, (row) => `${Math.round(row.bytes / 1024)} KiB > 250 KiB`],
];
const misses = rows.flatMap(({ row }) => targets.filter(([met]) => !met(row)).map(([, say]) => `${row.page}: ${say(row)}`));
console.log(`\nTargets (performance ≥ 95, accessibility, best practices and SEO 100, LCP ≤ 2.0 s, CLS ≤ 0.02, TBT ≤ 100 ms, ≤ 250 KiB): ${misses.length === 0 ? `met on all ${rows.length} pages.` : `missed ${misses.length} times:`}`);
for (const miss of misses) console.log(`  ${miss}`);
console.log("\nWorst offenders (median run of each page):");
for (const { row, offenders: lines } of rows) {
  console.log(`\n${row.page}`);
  console.log(lines.length > 0 ? lines.join("\n") : "  (none)");
}
if (process.env.AUDIT_JSON) writeFileSync(process.env.AUDIT_JSON, JSON.stringify(medians));
