/** Starts serving `root` under `base` on 127.0.0.1. */
export function startServer(options: { root: string; base?: string; port?: number }): Promise<{ origin: string; close(): Promise<void> }>;

/** One rule of a `_headers` file. */
export interface HeaderRule {
  pattern: string;
  headers: [string, string][];
  detach: string[];
}

/** Reads a `_headers` file into rules. */
export function parseHeadersFile(text: string): HeaderRule[];

/** The headers the rules give a path. */
export function headersFor(rules: HeaderRule[], pathname: string): Record<string, string>;

/** A percent-encoded Location for a path on this server, never `//host`. */
export function safeLocation(path: string): string;
