// Saved pictures and figures moved out of the page (src/build/savedImages.ts, savedFigures.ts) carry their address
// in data-saved-src and are fetched when the reader comes within a screen of them. The observer sees one only once
// the part of the chapter around it renders (content-visibility), which is what keeps it off a phone's first load.
const selector = "img[data-saved-src], svg[data-saved-src]";

/** Draws a saved figure's file inside its empty <svg>, unless a widget has replaced that <svg> meanwhile. */
async function fillFigure(figure: SVGSVGElement, url: string): Promise<void> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  // Parsed as HTML, as the page's own figures were: the same parser turns the same markup into the same nodes.
  const parsed = new DOMParser().parseFromString(await response.text(), "text/html").querySelector("svg");
  if (!parsed || !figure.isConnected || figure.hasChildNodes()) return;
  figure.replaceChildren(...[...parsed.childNodes].map((node) => document.importNode(node, true)));
}

function fetchSaved(element: Element): void {
  const url = (element as HTMLElement | SVGElement).dataset.savedSrc!;
  if (element instanceof HTMLImageElement) {
    // A widget that has already drawn its own picture here (the reader trained the network) keeps it.
    if (!element.getAttribute("src")) element.src = url;
  } else if (element instanceof SVGSVGElement) {
    fillFigure(element, url).catch((error: unknown) => console.warn("A saved figure could not be loaded:", error));
  }
}

/** Starts fetching each saved picture and figure under `root` once it is within a screen of the viewport. */
export function watchSavedPictures(root: ParentNode = document): void {
  const saved = [...root.querySelectorAll(selector)];
  if (saved.length === 0) return;
  const observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        observer.unobserve(entry.target);
        fetchSaved(entry.target);
      }
    },
    { rootMargin: "100% 0px" },
  );
  for (const element of saved) observer.observe(element);
}
