import { isDrawn } from "./whenDrawn";

// Wide equations and tables scroll sideways on a narrow screen; a keyboard reader can scroll only what can take
// focus, so each block that actually overflows gets tabindex="0" (and loses it when a wider screen fits it).
const wideBlocks = ".equation, .katex-display, .prose table";
const marker = "scrollFocus";

/** Gives keyboard focus to the wide blocks under `root` that overflow now, and takes it from those that fit. */
export function markScrollableRegions(root: ParentNode, budgetMs = 4): Promise<void> {
  const blocks = [...root.querySelectorAll<HTMLElement>(wideBlocks)];
  // Measuring a block forces layout, so the work waits for idle time, in short slices.
  const later = (work: () => void) => ("requestIdleCallback" in window ? requestIdleCallback(work, { timeout: 2000 }) : setTimeout(work, 0));
  return new Promise((done) => {
    const slice = () => {
      const end = performance.now() + budgetMs;
      while (blocks.length > 0 && performance.now() < end) mark(blocks.shift()!);
      if (blocks.length > 0) later(slice);
      else done();
    };
    later(slice);
  });
}

// A block in a part of the chapter the browser has not drawn yet (content-visibility) is measured when the part
// is drawn: measuring it now would make the browser lay out the whole part, the work the part exists to skip.
// Until then it may overflow, so it takes focus: a keyboard reader tabbing into the part can still reach it.
function mark(block: HTMLElement): void {
  const overflows = !isDrawn(block) || block.scrollWidth > block.clientWidth + 1;
  if (overflows && !block.hasAttribute("tabindex")) {
    block.tabIndex = 0;
    block.dataset[marker] = "";
  } else if (!overflows && block.dataset[marker] !== undefined) {
    block.removeAttribute("tabindex");
    delete block.dataset[marker];
  }
}

/** Marks the page once it has loaded, again after the window is resized, and in blocks added later (cell outputs). */
export function watchScrollableRegions(): void {
  const main = document.querySelector("main");
  if (!main) return;
  const run = () => void markScrollableRegions(main);
  if (document.readyState === "complete") run();
  else addEventListener("load", run, { once: true });
  // Fired at a content-visibility: auto element when the browser starts (or stops) rendering it; it does not bubble.
  document.addEventListener(
    "contentvisibilityautostatechange",
    (event) => {
      if (!(event as ContentVisibilityAutoStateChangeEvent).skipped && event.target instanceof Element) void markScrollableRegions(event.target);
    },
    { capture: true },
  );
  let resized: ReturnType<typeof setTimeout> | undefined;
  addEventListener("resize", () => {
    clearTimeout(resized);
    resized = setTimeout(run, 200);
  });
  new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node instanceof Element && (node.matches(wideBlocks) || node.querySelector(wideBlocks))) {
          void markScrollableRegions(node.parentElement ?? main);
          return;
        }
      }
    }
  }).observe(main, { childList: true, subtree: true });
}
