// A saved picture written into the page as a data: URL (the digits widget's 30 weight images, 57 KB of base64)
// travels with the HTML, which gzip cannot shrink, before the reader has seen a line of the chapter. It is written
// to a file of its own and fetched only when the reader comes near it (src/site/savedPictures.ts), so a phone on a
// slow connection spends nothing on it at load; its width and height stay on the <img>, so the box it fills is the
// same size before and after it arrives. Not loading="lazy": Chromium never starts a lazy image inside a part
// rendered on approach (content-visibility), even once it is on screen. Without scripts, a <noscript> copy shows it.
// A small picture in the opening or the first part, which the browser draws at load, stays inline: there a request
// costs more than the bytes. After them it moves whatever its size: inline, it would be on the slow link before the
// first paint for every reader (real-data's nine small digit pictures, about 6 KB of base64, all far down the
// chapter, each of them also a request before the first paint in Lighthouse's simulation); as a file it costs one
// small request, a screen ahead of a reader who gets there.
import { contentName } from "./contentName.ts";
import { findFirstLoadEnd } from "./firstLoad.ts";

/** Pictures drawn at load smaller than this stay inline: a request costs more than the bytes. */
const INLINE_LIMIT = 8 * 1024;

const DATA_IMAGE = /<img\b([^>]*?)\ssrc="data:image\/(png|jpeg|webp);base64,([A-Za-z0-9+/=]+)"([^>]*)>/g;

/** A picture moved out of a page: its file name (by content, so one picture is stored once) and its bytes. */
export interface SavedImage {
  name: string;
  bytes: Buffer;
}

/**
 * Replaces each data: URL picture of a page's `<img>` elements that is large, or lies after the parts drawn at load,
 * by a file under `folderUrl` (e.g. "/course/backprop/_astro/") named in `data-saved-src`, fetched when the reader
 * nears it, at low priority; returns the page and the files to write there.
 */
export function moveSavedImages(html: string, folderUrl: string): { html: string; images: SavedImage[] } {
  const images: SavedImage[] = [];
  const firstLoadEnd = findFirstLoadEnd(html);
  const moved = html.replace(DATA_IMAGE, (tag, before: string, type: string, data: string, after: string, at: number) => {
    if (data.length < INLINE_LIMIT && at < firstLoadEnd) return tag;
    const bytes = Buffer.from(data, "base64");
    const name = contentName("saved", bytes, type === "jpeg" ? "jpg" : type);
    images.push({ name, bytes });
    const attributes = `${before}${after}`;
    const priority = /\sfetchpriority=/.test(attributes) ? "" : ' fetchpriority="low"';
    const decoding = /\sdecoding=/.test(attributes) ? "" : ' decoding="async"';
    const url = `${folderUrl}${name}`;
    return `<img${before} data-saved-src="${url}"${priority}${decoding}${after}><noscript><img${before} src="${url}"${decoding}${after}></noscript>`;
  });
  return { html: moved, images };
}
