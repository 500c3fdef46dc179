/** Normalises a base path from the environment: "" or undefined → "/", "course/x/" → "/course/x/". */
export function normalizeBase(raw: string | undefined): string {
  const trimmed = (raw ?? "").trim().replace(/^\/+|\/+$/g, "");
  return trimmed === "" ? "/" : `/${trimmed}/`;
}

/** Joins the site's base path and a path inside the site with exactly one slash between them. */
export function joinBase(base: string, path: string): string {
  const head = base.endsWith("/") ? base : `${base}/`;
  return head + path.replace(/^\/+/, "");
}
