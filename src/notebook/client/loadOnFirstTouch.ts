/**
 * The older lazy shell, kept only until every chapter's widgets are on components/kit/lazyWidget.ts,
 * which absorbs it (new widgets use `defineLazyWidget`). The widget shows the figure saved at build
 * time and loads its drawing code only when the reader reaches for it: the pointer comes over it,
 * focus enters it, or a link's query sets one of its params.
 */
import { addressHas } from "./paramStore";

/** Options for {@link loadOnFirstTouch}. */
export interface FirstTouchOptions {
  /** Params the widget draws from: when the page's URL sets any of them, load at once so the saved default figure is replaced. */
  params?: Iterable<string>;
}

/**
 * Returns `load()`, which imports the widget's runtime once and resolves to it; `load` is already
 * wired to the first pointer, touch or focus on `element`. A failed import is reported on the
 * element and retried on the next call, so a dropped connection does not leave the widget dead.
 */
export function loadOnFirstTouch<T>(element: HTMLElement, importRuntime: () => Promise<T>, options: FirstTouchOptions = {}): () => Promise<T> {
  let loading: Promise<T> | undefined;
  const load = (): Promise<T> =>
    (loading ??= importRuntime().then(
      (runtime) => {
        element.dataset.runtime = "loaded";
        return runtime;
      },
      (error: unknown) => {
        loading = undefined;
        element.dataset.runtime = "failed";
        element.title = `This figure's code could not be loaded (${error instanceof Error ? error.message : String(error)}); touch it again to retry.`;
        throw error;
      },
    ));
  const touch = () => void load().catch(() => undefined);
  for (const type of ["pointerenter", "touchstart", "focusin"]) element.addEventListener(type, touch, { passive: true });
  if (addressHas(options.params ?? [])) {
    // The params' values are read from the URL when their <Param> registers; a page without one has nothing to wait for.
    if (document.querySelector("nb-param")) void customElements.whenDefined("nb-param").then(touch);
    else touch();
  }
  return load;
}
