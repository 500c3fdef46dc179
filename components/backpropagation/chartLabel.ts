/** Gives an Observable Plot figure one accessible name, instead of the per-mark labels Plot adds. */

/** Marks the chart's svg as an image named `description` and drops Plot's aria-label on plain groups (not allowed there). */
export function labelChart<T extends Element>(chart: T, description: string): T {
  // With a legend Plot returns a figure whose first svgs are the swatches; the chart is the last.
  const svgs = chart.tagName.toLowerCase() === "svg" ? [chart] : [...chart.querySelectorAll("svg")];
  const svg = svgs[svgs.length - 1];
  if (svg) {
    svg.setAttribute("role", "img");
    svg.setAttribute("aria-label", description);
    for (const group of svg.querySelectorAll("[aria-label]")) if (group !== svg) group.removeAttribute("aria-label");
  }
  return chart;
}
