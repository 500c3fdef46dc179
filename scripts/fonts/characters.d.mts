/** Code points the book's sources and the base set contain. */
export function bookCharacters(): Set<number>;
/** Parses "U+0000-00FF,U+0131" into [from, to] pairs. */
export function parseRange(text: string): [number, number][];
/** Writes code points as a compact unicode-range. */
export function formatRange(points: Iterable<number>): string;
/** The @font-face blocks of a Fontsource stylesheet. */
export function parseFaces(cssPath: string): { family: string; style: string; weight: string; file: string; range: [number, number][] }[];
