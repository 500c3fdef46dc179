// A chapter's module scripts (the header's search, the cells, the widgets' shells: 15 to 20 files, about 40 KB)
// were fetched as the page was parsed, sharing a slow phone link with the HTML and the first screen's fonts, though
// nothing they do is needed to read the first screen. After the build, each page's <script type="module" src> tags
// become one list that a small inline loader fetches once the browser reports the first contentful paint, at once
// when the reader touches the page sooner, and in any case soon after load. The files, and their order of running,
// are the same; only the moment changes. A click on a button, or on a cell's code (which opens its editor), inside
// an element that has not been defined yet is held and replayed once the scripts have run, so nothing the reader
// does in that moment is lost.

const MODULE_SCRIPT = /<script type="module" src="([^"]+)"><\/script>/g;

/**
 * The loader, the same text on every page so the policy allows it by one hash. `data-modules` on its own tag lists
 * the files. All are preloaded, one request a task, and then imported in page order, as the tags ran. A hidden page
 * never paints, so it loads at once; a browser without paint timing waits for load. One request a task, because under
 * an inspector (as in Lighthouse's audit) each request records its stack: twenty in one task held the main thread
 * for 17 ms, about 70 at the audit's four-fold slowdown.
 */
export const LOADER = `(() => {
  const modules = JSON.parse(document.currentScript.dataset.modules);
  const held = [];
  let started = false;
  const pause = () => (globalThis.scheduler && scheduler.yield ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve)));
  const hold = (event) => {
    const control = event.target instanceof Element ? event.target.closest("button, [data-nb-input]") : null;
    if (!control || !control.closest(":not(:defined)")) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    held.push(control);
    start();
  };
  const start = async () => {
    if (started) return;
    started = true;
    for (const src of modules) {
      const link = document.createElement("link");
      link.rel = "modulepreload";
      link.href = src;
      document.head.append(link);
      await pause();
    }
    for (const src of modules) await import(src).catch((error) => console.error(error));
    removeEventListener("click", hold, true);
    for (const control of held) control.click();
  };
  addEventListener("click", hold, true);
  for (const type of ["pointerdown", "keydown", "touchstart", "focusin", "scroll", "visibilitychange"]) addEventListener(type, start, { once: true, passive: true, capture: true });
  const paints = typeof PerformanceObserver === "function" && (PerformanceObserver.supportedEntryTypes || []).includes("paint");
  addEventListener("load", () => setTimeout(start, paints ? 2000 : 0), { once: true });
  if (!paints) return;
  if (document.visibilityState === "hidden" || performance.getEntriesByType("paint").length > 0) start();
  else new PerformanceObserver((list, observer) => { observer.disconnect(); start(); }).observe({ type: "paint" });
})();`;

/** Replaces a page's module script tags by the loader (just before </body>) listing them in page order; a page without any is returned as it was. */
export function deferModuleScripts(html: string): string {
  const modules = [...html.matchAll(MODULE_SCRIPT)].map((match) => match[1]);
  if (modules.length === 0) return html;
  const unique = [...new Set(modules)];
  const list = JSON.stringify(unique).replace(/&/g, "&amp;").replace(/'/g, "&#39;");
  const loader = `<script data-modules='${list}'>${LOADER}</script>`;
  const without = html.replace(MODULE_SCRIPT, "");
  const end = without.lastIndexOf("</body>");
  if (end < 0) throw new Error("deferModuleScripts: the page has no </body>");
  return `${without.slice(0, end)}${loader}${without.slice(end)}`;
}
