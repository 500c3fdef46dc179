import { createHash } from "node:crypto";

/** A file name fixed by its content (`<prefix>-<first 12 hex of SHA-256>.<extension>`), so one content is stored once and a changed one gets a new name. */
export function contentName(prefix: string, content: string | Buffer, extension: string): string {
  return `${prefix}-${createHash("sha256").update(content).digest("hex").slice(0, 12)}.${extension}`;
}
