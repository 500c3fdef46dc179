// Plain JavaScript so that the preview server (test/browser/serve.mjs, run by Node as it is) and the build's
// precompress step read one list: a type the build writes a .gz copy of is a type the server compresses.

/** File types worth compressing: text. Fonts, images and the search index are compressed already. */
export const compressibleTypes = [".html", ".css", ".js", ".mjs", ".json", ".svg", ".txt", ".wasm", ".xml"];
