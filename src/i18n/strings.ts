/**
 * The strings tables: every word a widget or the notebook shows comes from here. `stringsFor`
 * serves the build (Astro knows the page's locale); `pageStrings` serves the browser, which reads
 * the language of the page it is running in.
 */
import { en } from "./en";
import { zh } from "./zh";
import { localeOfPath, pageLocale, type Locale } from "./locale";
import type { Strings } from "./types";

export type { Strings } from "./types";
export type { Locale } from "./locale";
export { localeOfLang, localeOfPath, pageLocale, LOCALES } from "./locale";

/** The table for one locale. */
export function stringsFor(locale: Locale): Strings {
  return locale === "zh-CN" ? zh : en;
}

/** The table for a page at this URL path (at build time, from `Astro.url.pathname`; the Chinese book is under `<base>/zh/`). */
export function stringsForPath(pathname: string): Strings {
  return stringsFor(localeOfPath(pathname, import.meta.env.BASE_URL));
}

/** The table for the page this script runs in. */
export function pageStrings(): Strings {
  return stringsFor(pageLocale());
}
