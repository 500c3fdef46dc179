// Reads which characters a TrueType/OpenType font maps to a glyph (its cmap table, formats 4 and 12).

/** The code points a font (an sfnt buffer, not woff2) has glyphs for. */
export function mappedCharacters(font) {
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
  const tables = view.getUint16(4);
  let cmap = -1;
  for (let i = 0; i < tables; i += 1) {
    const record = 12 + i * 16;
    if (String.fromCharCode(...font.subarray(record, record + 4)) === "cmap") cmap = view.getUint32(record + 8);
  }
  if (cmap < 0) throw new Error("font has no cmap table");
  const points = new Set();
  const encodings = view.getUint16(cmap + 2);
  for (let i = 0; i < encodings; i += 1) {
    const subtable = cmap + view.getUint32(cmap + 4 + i * 8 + 4);
    const format = view.getUint16(subtable);
    if (format === 4) readFormat4(view, subtable, points);
    else if (format === 12) readFormat12(view, subtable, points);
  }
  return points;
}

function readFormat4(view, at, points) {
  const segments = view.getUint16(at + 6) / 2;
  const ends = at + 14;
  const starts = ends + segments * 2 + 2;
  const deltas = starts + segments * 2;
  const rangeOffsets = deltas + segments * 2;
  for (let s = 0; s < segments; s += 1) {
    const end = view.getUint16(ends + s * 2);
    const start = view.getUint16(starts + s * 2);
    const delta = view.getInt16(deltas + s * 2);
    const rangeOffset = view.getUint16(rangeOffsets + s * 2);
    for (let point = start; point <= end && point !== 0xffff; point += 1) {
      let glyph;
      if (rangeOffset === 0) glyph = (point + delta) & 0xffff;
      else {
        const raw = view.getUint16(rangeOffsets + s * 2 + rangeOffset + (point - start) * 2);
        glyph = raw === 0 ? 0 : (raw + delta) & 0xffff;
      }
      if (glyph !== 0) points.add(point);
    }
  }
}

function readFormat12(view, at, points) {
  const groups = view.getUint32(at + 12);
  for (let g = 0; g < groups; g += 1) {
    const start = view.getUint32(at + 16 + g * 12);
    const end = view.getUint32(at + 20 + g * 12);
    const glyph = view.getUint32(at + 24 + g * 12);
    for (let point = start; point <= end; point += 1) if (glyph + (point - start) !== 0) points.add(point);
  }
}
