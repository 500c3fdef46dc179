/** Chromium's command-line flags, without --headless (playwright adds it; the audit asks for it). */
export const chromiumFlags: string[];
