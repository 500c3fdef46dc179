/**
 * The playground's formulas in the page: the saved view already shows the default run's, typeset at
 * build time, so KaTeX (75 KiB) is loaded only when a setting changes what one of them says.
 */
import type { PlaygroundConfig } from "./config";
import { writeFormulas } from "./formula";

/** Typesets each formula box whose TeX differs from what it shows (its data-tex), loading KaTeX the first time. */
export function showFormulas(element: HTMLElement, config: PlaygroundConfig): void {
  const changed: HTMLElement[] = [];
  for (const [name, tex] of writeFormulas(config)) {
    const box = element.querySelector<HTMLElement>(`[data-formula="${name}"]`)!;
    if (box.dataset.tex === tex) continue;
    box.dataset.tex = tex;
    changed.push(box);
  }
  if (changed.length === 0) return;
  // The module loader keeps KaTeX once loaded; a failed load is tried again on the next change.
  import("katex").then(
    // Each box gets the TeX it holds by then: a later change may have replaced it while KaTeX loaded.
    ({ default: katex }) => changed.forEach((box) => katex.render(box.dataset.tex!, box, { displayMode: true, throwOnError: false })),
    // Meanwhile the box shows its TeX rather than a stale formula.
    () => changed.forEach((box) => (box.textContent = box.dataset.tex!)),
  );
}
