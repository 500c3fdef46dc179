// Flags for Debian's Chromium wherever the project starts it (browser tests, screenshots, the phone audit): no
// sandbox (CI runs as root), no GPU, and none of the background connections this machine's closed network refuses.

/** Chromium's command-line flags, without --headless (playwright adds it; the audit asks for it). */
export const chromiumFlags = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];
