/**
 * Which language a page is in, as docs/i18n.md sets it: the build knows it from the page's path
 * (src/site/locale.ts); the browser reads <html lang>, which the layout sets from the same path.
 */
import type { Locale } from "../site/locale";

export type { Locale } from "../site/locale";
export { LOCALES, localeOfPath } from "../site/locale";

/** The locale of the page this script runs in; English where there is no page (a worker, a test without DOM). */
export function pageLocale(): Locale {
  return localeOfLang(typeof document === "undefined" ? undefined : document.documentElement.lang);
}

/** The locale for a language tag ("zh", "zh-CN", "zh-Hans" → "zh-CN"; anything else → "en"). */
export function localeOfLang(lang: string | undefined | null): Locale {
  return /^zh\b/i.test(lang ?? "") ? "zh-CN" : "en";
}
