// The browser tests drive Debian's Chromium. If it is missing, install it with apt-get when we are
// root; never download a browser build (that fails on these machines).
import { existsSync } from "node:fs";
import { spawnSync } from "node:child_process";

const chromium = "/usr/bin/chromium";

if (!existsSync(chromium)) {
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  const hasApt = spawnSync("sh", ["-c", "command -v apt-get"]).status === 0;
  if (!isRoot || !hasApt) {
    console.error(`Browser tests need Chromium at ${chromium}: run "sudo apt-get install chromium" and try again.`);
    process.exit(1);
  }
  console.log("Chromium is missing: installing Debian's chromium with apt-get…");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  for (const args of [["update", "-qq"], ["install", "-y", "-qq", "chromium"]]) {
    const result = spawnSync("apt-get", args, { stdio: "inherit", env });
    if (result.status !== 0) {
      console.error(`"apt-get ${args.join(" ")}" failed; install Chromium with "apt-get install chromium" and try again.`);
      process.exit(1);
    }
  }
}
