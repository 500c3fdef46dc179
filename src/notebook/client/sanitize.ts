/**
 * Makes rendered outputs safe to insert: figure markup comes from reader code in the worker, and
 * without this an <img onerror> in it would reach the page the worker is kept away from.
 */
const BLOCKED = "script, iframe, object, embed, link, meta, base, form, foreignObject, style";

/** Parses HTML inertly and strips scripts, event handlers and javascript: URLs. */
export function sanitizeMarkup(html: string): DocumentFragment {
  const template = document.createElement("template");
  template.innerHTML = html; // template content is inert: nothing loads or runs here
  const fragment = template.content;
  for (const element of fragment.querySelectorAll(BLOCKED)) element.remove();
  for (const element of fragment.querySelectorAll("*")) {
    for (const attribute of [...element.attributes]) {
      const name = attribute.name.toLowerCase();
      const url = /^(href|xlink:href|src|action|formaction)$/.test(name);
      if (name.startsWith("on") || (url && !/^(#|https?:|data:image\/(png|svg\+xml))/i.test(attribute.value.trim()))) element.removeAttribute(attribute.name);
    }
  }
  return fragment;
}
