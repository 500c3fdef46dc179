import type { Locale } from "./locale";

/** The edition of the page this script runs on, from `<html lang>` (the layout sets it at build time). */
export function currentLocale(): Locale {
  return document.documentElement.lang === "zh-CN" ? "zh-CN" : "en";
}
