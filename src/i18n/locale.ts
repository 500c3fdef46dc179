/**
 * Which language a page is in. The build knows it from the page's path (the Chinese book lives
 * under <base>/zh/); the browser reads it from <html lang>, which the layout sets from the same path.
 */

/** The languages the book is written in, as <html lang> spells them. */
export type Locale = "en" | "zh-CN";

/** Every locale, English first (it is the source every other table must match). */
export const LOCALES: readonly Locale[] = ["en", "zh-CN"];

/** The locale for a language tag ("zh", "zh-CN", "zh-Hans" → "zh-CN"; anything else → "en"). */
export function localeOfLang(lang: string | undefined | null): Locale {
  return /^zh\b/i.test(lang ?? "") ? "zh-CN" : "en";
}

/** The locale of a page from its URL path: a `zh` segment marks the Chinese book. */
export function localeOfPath(pathname: string): Locale {
  return /(^|\/)zh(\/|$)/.test(pathname) ? "zh-CN" : "en";
}
