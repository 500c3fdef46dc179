import { joinBase } from "./base";

/** A language the book is written in, as `<html lang>` names it. */
export type Locale = "en" | "zh-CN";

/** Every edition, English first (it is the default and the x-default alternate). */
export const LOCALES: readonly Locale[] = ["en", "zh-CN"];

/** The edition served at the base path itself. */
export const DEFAULT_LOCALE: Locale = "en";

/** The folder an edition lives in under the base path: "" for English, "zh/" for Chinese. */
export function localeFolder(locale: Locale): string {
  return locale === "zh-CN" ? "zh/" : "";
}

/** The path after the base with the edition's folder removed: "/b/zh/perceptron/" → "perceptron/". */
export function pathInEdition(pathname: string, base: string): string {
  const head = base.endsWith("/") ? base : `${base}/`;
  const inside = pathname.startsWith(head) ? pathname.slice(head.length) : pathname.replace(/^\/+/, "");
  return inside === "zh" ? "" : inside.replace(/^zh\//, "");
}

/** The edition a page belongs to, from its path: under `<base>/zh/` it is Chinese. */
export function localeOfPath(pathname: string, base: string): Locale {
  const head = base.endsWith("/") ? base : `${base}/`;
  const inside = pathname.startsWith(head) ? pathname.slice(head.length) : pathname.replace(/^\/+/, "");
  return inside === "zh" || inside.startsWith("zh/") ? "zh-CN" : "en";
}

/** The same page in another edition: "/b/zh/perceptron/" → "/b/perceptron/" for English. */
export function counterpartPath(pathname: string, base: string, locale: Locale): string {
  return joinBase(base, localeFolder(locale) + pathInEdition(pathname, base));
}
