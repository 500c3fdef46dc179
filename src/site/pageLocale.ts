import { localeOfPath, type Locale } from "./locale";

/** The edition of the page an Astro component is rendered into, from the page's URL (any component has `Astro.url`). */
export function pageLocale(astro: { url: URL }): Locale {
  return localeOfPath(astro.url.pathname, import.meta.env.BASE_URL);
}
