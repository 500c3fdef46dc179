import { defineConfig } from "vitest/config";

// Two projects: `unit` runs fast, DOM-free tests (the engine must not touch the DOM, so node is
// its environment); `browser` builds the site under a base path and drives Debian's Chromium.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          environment: "node",
          include: ["test/unit/**/*.test.ts"],
        },
      },
      {
        test: {
          name: "browser",
          environment: "node",
          include: ["test/browser/**/*.test.ts"],
          globalSetup: ["test/browser/globalSetup.ts"],
          testTimeout: 60_000,
          // A widget on a shared, loaded machine can take seconds to settle; polls wait for it.
          expect: { poll: { timeout: 15_000 } },
          hookTimeout: 600_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
