/** Starts serving `root` under `base` on 127.0.0.1. */
export function startServer(options: { root: string; base?: string; port?: number }): Promise<{ origin: string; close(): Promise<void> }>;
