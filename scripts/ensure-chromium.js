// Browser tests drive Debian's Chromium (never a browser downloaded by Playwright). When it is
// missing, install it with apt-get if we run as root, otherwise stop with a one-line instruction.
// Japanese fonts are needed too, or screenshots show empty boxes instead of kana and kanji.
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";

export function findChromium() {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].filter(Boolean);
  return candidates.find((p) => fs.existsSync(p)) ?? null;
}

function hasJapaneseFont() {
  const result = spawnSync("fc-list", [":lang=ja"], { encoding: "utf8" });
  return result.status === 0 && result.stdout.trim() !== "";
}

const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
const hasApt = spawnSync("sh", ["-c", "command -v apt-get"]).status === 0;

const missing = [];
if (!findChromium()) missing.push("chromium");
if (!hasJapaneseFont()) missing.push("fonts-noto-cjk");

if (missing.length > 0) {
  if (!isRoot || !hasApt) {
    console.error(`Browser tests need Debian's ${missing.join(" and ")}: run \`sudo apt-get install -y ${missing.join(" ")}\` (or set CHROMIUM_PATH), then npm test again.`);
    process.exit(1);
  }
  console.log(`Installing ${missing.join(", ")} with apt-get…`);
  // Wait for another apt-get (a second test run on the machine) rather than fail on its lock.
  const wait = ["-o", "DPkg::Lock::Timeout=600"];
  execFileSync("apt-get", [...wait, "update", "-qq"], { stdio: "inherit" });
  execFileSync("apt-get", [...wait, "install", "-y", "-qq", "--no-install-recommends", ...missing], {
    stdio: "inherit",
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
  if (!findChromium()) {
    console.error("apt-get finished but no chromium binary was found; set CHROMIUM_PATH.");
    process.exit(1);
  }
}
