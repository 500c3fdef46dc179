/** Where the reader's choice of edition is kept; read by the English home page's offer of the Chinese one. */
export const LANGUAGE_KEY = "bn-lang";
/** Set once the reader has closed the offer of the Chinese edition. */
export const OFFER_DISMISSED_KEY = "bn-lang-offer-dismissed";

/** The counterpart link with the current page's query (params, settings) and section carried over. */
export function switchTarget(counterpart: string, current: string): string {
  const target = new URL(counterpart, current);
  const here = new URL(current);
  target.search = here.search;
  target.hash = here.hash;
  return target.href;
}

/** Remembers which edition the reader chose; storage may be refused, and then nothing is remembered. */
export function rememberLanguage(locale: string): void {
  try {
    localStorage.setItem(LANGUAGE_KEY, locale);
  } catch {
    // Private browsing may refuse storage; the link still works.
  }
}

/** Whether the browser's languages put Chinese before English (["zh-CN", "en"] yes; ["en", "zh"] no). */
export function prefersChinese(languages: readonly string[]): boolean {
  const zh = languages.findIndex((tag) => /^zh\b/i.test(tag));
  const en = languages.findIndex((tag) => /^en\b/i.test(tag));
  return zh >= 0 && (en < 0 || zh < en);
}

/** Whether the English home page offers the Chinese edition: the reader prefers or chose it, and has not closed the offer. */
export function shouldOfferChinese(languages: readonly string[], chosen: string | null, dismissed: boolean): boolean {
  if (dismissed || chosen === "en") return false;
  return chosen === "zh-CN" || prefersChinese(languages);
}
