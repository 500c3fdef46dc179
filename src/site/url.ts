import { joinBase } from "./base";

/** A path inside the site, prefixed with the base path the book is built for. */
export function siteUrl(path = ""): string {
  return joinBase(import.meta.env.BASE_URL, path);
}
