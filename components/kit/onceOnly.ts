/** The one once-only guard of every widget element: connectedCallback runs again when an element moves. */

/** True the first time it is called for `element`, false ever after (marks `data-widget="ready"`). */
export function claimOnce(element: { dataset: DOMStringMap }): boolean {
  if (element.dataset.widget) return false;
  element.dataset.widget = "ready";
  return true;
}
