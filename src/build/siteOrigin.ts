// Search engines pair the two editions through <link rel="alternate" hreflang> only when its href is a whole URL.
// The book builds for any host under any path, so only the one building it knows the host: SITE_URL says it.

/** The origin given as SITE_URL (e.g. "https://courses.example.edu"), or undefined when none is given; a bad value fails the build with what is wrong. */
export function readSiteOrigin(raw: string | undefined): string | undefined {
  const value = raw?.trim();
  if (!value) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`SITE_URL="${value}" is not a URL; give the host's origin, e.g. SITE_URL=https://courses.example.edu`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new Error(`SITE_URL="${value}" must start with https:// or http://`);
  if (url.pathname !== "/" || url.search || url.hash) {
    throw new Error(`SITE_URL="${value}" must be an origin only (https://host); the path under it goes in BASE_PATH`);
  }
  return url.origin;
}
