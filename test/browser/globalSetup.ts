import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import type { TestProject } from "vitest/node";
import { startServer } from "./serve.mjs";

/** Where the browser tests build the book, the sub-path they build it for, and the host's origin it is told (SITE_URL). */
export const testSite = { outDir: process.env.TEST_SITE_DIR ?? "test-results/site", base: "/course/backprop/", origin: "https://book.example" };

declare module "vitest" {
  export interface ProvidedContext {
    siteOrigin: string;
  }
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { stdio: ["ignore", "inherit", "inherit"], env });
    child.on("error", fail);
    child.on("exit", (code) => (code === 0 ? done() : fail(new Error(`${command} ${args.join(" ")} exited with ${code}`))));
  });
}

/**
 * The environment for a production build. Vitest puts its own import.meta.env values (BASE_URL,
 * MODE, DEV, PROD, SSR, NODE_ENV=test) into process.env, and Astro would bake them into the pages:
 * every link would miss the base path. They are left out.
 */
function buildEnvironment(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (/^(BASE_URL|MODE|DEV|PROD|SSR|NODE_ENV|TEST|VITEST.*)$/.test(name)) continue;
    env[name] = value;
  }
  return { ...env, BASE_PATH: testSite.base, OUT_DIR: testSite.outDir, SITE_URL: testSite.origin };
}

/** Builds the book under a base path (as a course would host it), serves it, and stops the server afterwards. */
export default async function setup(project: TestProject) {
  // REUSE_SITE=1 skips the build while iterating on tests; CI always builds.
  if (!(process.env.REUSE_SITE === "1" && existsSync(`${testSite.outDir}/index.html`))) {
    const env = buildEnvironment();
    await run("npx", ["astro", "build", "--silent"], env);
    await run("npx", ["pagefind", "--site", testSite.outDir, "--silent"], env);
  }
  const server = await startServer({ root: testSite.outDir, base: testSite.base });
  project.provide("siteOrigin", server.origin);
  return async () => {
    await server.close();
  };
}
