// A chapter's parts (src/build/chapterSections.ts) are drawn only as the reader nears them (content-visibility:
// auto). Work that would make the browser lay out a part early, measuring a block or writing a text field into
// it, waits here until the browser draws that part anyway.

/** Whether `element` is drawn now: not inside a part the browser skips. Browsers without the check draw everything. */
export const isDrawn = (element: Element): boolean => !("checkVisibility" in element) || element.checkVisibility({ contentVisibilityAuto: true });

/**
 * Calls `draw` once, as soon as `element` is drawn: at once if it is (or the browser cannot say when it will be),
 * otherwise when its part starts being drawn or `element` takes focus (a keyboard reader tabbing in).
 */
export function whenDrawn(element: HTMLElement, draw: () => void): void {
  const part = element.closest<HTMLElement>(".chapter-part");
  if (!part || !("oncontentvisibilityautostatechange" in part) || isDrawn(element)) {
    draw();
    return;
  }
  const done = () => {
    part.removeEventListener("contentvisibilityautostatechange", onStateChange);
    element.removeEventListener("focus", done);
    draw();
  };
  const onStateChange = (event: Event) => {
    if (!(event as ContentVisibilityAutoStateChangeEvent).skipped) done();
  };
  part.addEventListener("contentvisibilityautostatechange", onStateChange);
  element.addEventListener("focus", done);
}
