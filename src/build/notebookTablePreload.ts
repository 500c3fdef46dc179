// src/i18n/notebookStrings.ts loads only the page's edition of the notebook's words, with a dynamic import that a
// browser finds only once the file importing it has run: one more round trip on a slow link before any cell, param or
// widget of the page is defined. After the build, each page whose scripts reach that file names its edition's table
// for the script loader (deferredScripts.ts) to preload with the scripts themselves.

/** A built chunk's static imports of its sibling chunks, minified (`import{a as b}from"./x.js"`, `import"./y.js"`). */
const STATIC_IMPORT = /\b(?:import|export)\s*(?:[\w$*{},\s]*?from\s*)?"\.\/([^"]+\.js)"/g;
const LOADS_TABLE = /import\("\.\/notebook\.(?:en|zh)\.[\w-]+\.js"\)/;

/** The built chunks of the site's script folder: a chunk's file name → its text. */
export type Chunks = ReadonlyMap<string, string>;

/** Whether a module, or a module it imports statically, loads the notebook's table for the page. */
function reachesTable(name: string, chunks: Chunks, seen = new Set<string>()): boolean {
  if (seen.has(name)) return false;
  seen.add(name);
  const text = chunks.get(name);
  if (text === undefined) return false;
  if (LOADS_TABLE.test(text)) return true;
  return [...text.matchAll(STATIC_IMPORT)].some(([, imported]) => reachesTable(imported, chunks, seen));
}

/**
 * The URL of the notebook table a page's scripts will load (`<folder>notebook.zh.<hash>.js` on a page in Chinese),
 * or undefined when none of them reaches it. `modules` are the page's script URLs, all in `folderUrl`.
 */
export function findNotebookTable(html: string, modules: readonly string[], folderUrl: string, chunks: Chunks): string | undefined {
  const inFolder = modules.filter((url) => url.startsWith(folderUrl)).map((url) => url.slice(folderUrl.length));
  if (!inFolder.some((name) => reachesTable(name, chunks))) return undefined;
  const edition = /<html[^>]*\slang="zh/.test(html) ? "zh" : "en";
  const table = [...chunks.keys()].find((name) => new RegExp(`^notebook\\.${edition}\\.[\\w-]+\\.js$`).test(name));
  if (!table) throw new Error(`findNotebookTable: the build has no notebook.${edition}.*.js beside the scripts that load it`);
  return `${folderUrl}${table}`;
}
