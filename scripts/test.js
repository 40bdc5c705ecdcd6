// `npm test`: typecheck, lint, unit and integration tests (Vitest, real SQLite files), then browser
// tests (Playwright driving Debian's Chromium against the built server). Stops at the first
// failing stage and prints one closing line with the counts.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { projectRoot } from "../server/database-url.js";

const resultsDir = path.join(projectRoot, "test-results");
fs.mkdirSync(resultsDir, { recursive: true });
const bin = (name) => path.join(projectRoot, "node_modules", ".bin", name);

const stages = [
  ["typecheck", bin("tsc"), ["--noEmit"]],
  ["lint", bin("eslint"), ["."]],
  ["unit and integration tests", bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${path.join(resultsDir, "vitest.json")}`]],
  ["chromium check", process.execPath, [path.join(projectRoot, "scripts", "ensure-chromium.js")]],
  ["build", bin("remix"), ["build"]],
  // bench/writes.js, shortened: 50 writers against the built server, steady and killed (SIGKILL) a third of the way in.
  ["writes under load and a kill", process.execPath, [path.join(projectRoot, "bench", "writes.js"), "--duration", "45", "--connections", "50"]],
  ["browser tests", bin("playwright"), ["test"]],
];

function readCounts() {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  try {
    const v = JSON.parse(fs.readFileSync(path.join(resultsDir, "vitest.json"), "utf8"));
    passed += v.numPassedTests;
    failed += v.numFailedTests;
    skipped += v.numPendingTests + (v.numTodoTests ?? 0);
  } catch {
    // stage did not run
  }
  try {
    const p = JSON.parse(fs.readFileSync(path.join(resultsDir, "e2e.json"), "utf8"));
    passed += p.stats.expected + (p.stats.flaky ?? 0);
    failed += p.stats.unexpected;
    skipped += p.stats.skipped;
  } catch {
    // stage did not run
  }
  return { passed, failed, skipped };
}

for (const f of ["vitest.json", "e2e.json"]) fs.rmSync(path.join(resultsDir, f), { force: true });
const started = Date.now();
let failedStage = null;
for (const [name, command, args] of stages) {
  const t0 = Date.now();
  console.log(`\n▶ ${name}`);
  const result = spawnSync(command, args, { cwd: projectRoot, stdio: "inherit", env: { ...process.env, FORCE_COLOR: process.env.CI ? "0" : "1" } });
  console.log(`  ${name}: ${result.status === 0 ? "ok" : "FAILED"} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  if (result.status !== 0) {
    failedStage = name;
    break;
  }
}
const { passed, failed, skipped } = readCounts();
console.log(`\n${failedStage ? `Stopped at: ${failedStage}. ` : ""}Total time ${((Date.now() - started) / 1000).toFixed(0)} s.`);
console.log(`${passed} passed, ${failedStage && failed === 0 ? 1 : failed} failed, ${skipped} skipped`);
process.exit(failedStage ? 1 : 0);
