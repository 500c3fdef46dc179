/**
 * The strings tables: every word a widget or the notebook shows comes from here. `stringsFor`
 * serves the build (Astro knows the page's locale); `pageStrings` serves the browser, which reads
 * the language of the page it is running in.
 */
import { en } from "./en";
import { zh } from "./zh";
import { localeOfLang, localeOfPath, type Locale } from "./locale";
import type { Strings } from "./types";

export type { Strings } from "./types";
export type { Locale } from "./locale";
export { localeOfLang, localeOfPath, LOCALES } from "./locale";

/** The table for one locale. */
export function stringsFor(locale: Locale): Strings {
  return locale === "zh-CN" ? zh : en;
}

/** The table for a page at this URL path (at build time, from `Astro.url.pathname`; the Chinese book is under `<base>/zh/`). */
export function stringsForPath(pathname: string): Strings {
  return stringsFor(localeOfPath(pathname, import.meta.env.BASE_URL));
}

/** The locale of the page this script runs in; English where there is no page (a worker, a test without DOM). */
export function pageLocale(): Locale {
  return localeOfLang(typeof document === "undefined" ? undefined : document.documentElement.lang);
}

/** The table for the page this script runs in. */
export function pageStrings(): Strings {
  return stringsFor(pageLocale());
}
