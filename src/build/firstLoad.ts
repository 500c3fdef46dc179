// The browser's "near" for a chapter's parts (content-visibility: auto, src/styles/sections.css) is generous: at load
// it renders every part whose top is within 2.5 screens, which on every phone is the first part, and on a few
// chapters and taller phones the second too. What the opening and the first part use is therefore laid out, and its
// fonts and pictures fetched, before the first paint; what lies after is reached only as the reader nears it.
import { PART_CLASS } from "./chapterSections.ts";

/** How many of a chapter's parts the browser renders at load on every phone. */
export const PARTS_AT_LOAD = 1;

/** Where a page's first part rendered later than at load begins in its markup (the page's length when there is none). */
export function findFirstLoadEnd(html: string): number {
  const part = `<div class="${PART_CLASS}"`;
  let end = html.indexOf(part);
  for (let count = 0; count < PARTS_AT_LOAD && end >= 0; count++) end = html.indexOf(part, end + 1);
  return end < 0 ? html.length : end;
}
