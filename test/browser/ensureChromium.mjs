// The browser tests drive Debian's Chromium, and the Chinese edition's need a Chinese font (without one every
// character is the same missing-glyph box, and no title wraps as a reader's does). If either is missing, install it
// with apt-get when we are root; never download a browser build (that fails on these machines).
import { existsSync } from "node:fs";
import { spawnSync } from "node:child_process";

const chromium = "/usr/bin/chromium";
const hasChineseFont = () => spawnSync("sh", ["-c", "fc-list :lang=zh | grep -q ."]).status === 0;

if (!existsSync(chromium) || !hasChineseFont()) {
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  const hasApt = spawnSync("sh", ["-c", "command -v apt-get"]).status === 0;
  if (!isRoot || !hasApt) {
    console.error(`Browser tests need Chromium at ${chromium} and a Chinese font: run "sudo apt-get install chromium fonts-wqy-microhei" and try again.`);
    process.exit(1);
  }
  console.log("Chromium or a Chinese font is missing: installing Debian's chromium and fonts-wqy-microhei with apt-get…");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  for (const args of [["update", "-qq"], ["install", "-y", "-qq", "chromium", "fonts-wqy-microhei"]]) {
    const result = spawnSync("apt-get", args, { stdio: "inherit", env });
    if (result.status !== 0) {
      console.error(`"apt-get ${args.join(" ")}" failed; install them with "apt-get install chromium fonts-wqy-microhei" and try again.`);
      process.exit(1);
    }
  }
}
