// A Chinese character (or full-width form or punctuation) is set about as wide as two Latin letters, in the
// prose's serif as in the code's monospace, so a line or a box holds half as many of them.
const WIDE = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/g;

/** How many Latin letters wide `text` is set: its length, each Chinese character or full-width form counting two. */
export function latinWidths(text: string): number {
  return text.length + (text.match(WIDE)?.length ?? 0);
}
