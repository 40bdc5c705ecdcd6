// The JSON import's memory and time, before and after it streamed the file (docs/decisions/017):
// exports a generated database (bench/generate.js), then imports the file into an empty installation
// with the previous import (the whole file read and parsed in memory) and with the current one (streamed),
// each in a process of its own, first without a heap limit (peak RSS, duration), then with the server's
// heap limit (`npm start`'s --max-old-space-size) to show which one still finishes there.
//
//   npm run bench:data-import                      # the medium scale (generated when missing)
//   npm run bench:data-import -- --scale large     # bench/.data/large.db (about 10 minutes on 2 cores)
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { migrate } from "../server/database.js";
import { dataDir } from "./generate.js";
import { root, startOptions } from "./server.js";

/** The last commit whose import read the whole file into memory. */
const PREVIOUS = "e1bd45b";

const { values: args } = parseArgs({ options: { scale: { type: "string", default: "medium" } } });
const scale = args.scale ?? "medium";
const say = (/** @type {string} */ line = "") => process.stdout.write(line + "\n");
const source = path.join(dataDir, `${scale}.db`);
if (!fs.existsSync(source)) {
  say(`Generating the ${scale} scale…`);
  execFileSync(process.execPath, [path.join(root, "bench", "generate.js"), "--scale", scale], { cwd: root, stdio: "inherit" });
}

const work = path.join(dataDir, "data-import");
fs.rmSync(work, { recursive: true, force: true });
fs.mkdirSync(work, { recursive: true });
const scratch = path.join(work, "scratch.db");
const template = path.join(work, "empty.db");
migrate(`file:${scratch}`);
fs.copyFileSync(scratch, template);

// The previous module, as it was, with its relative import made absolute (it lives elsewhere now).
// `.mts`, so that the type check of the project (which includes **/*.ts) does not see it.
const previous = path.join(work, "previous-data-export.server.mts");
const text = execFileSync("git", ["show", `${PREVIOUS}:app/models/data-export.server.ts`], { cwd: root, encoding: "utf8" });
fs.writeFileSync(previous, text.replace('"../../server/database-url.js"', JSON.stringify(path.join(root, "server", "database-url.js"))));

/** @param {string[]} stepArgs @param {string[]} [nodeOptions] */
function step(stepArgs, nodeOptions = []) {
  const result = spawnSync(process.execPath, [...nodeOptions, "--import", "tsx", path.join(root, "bench", "data-import-step.ts"), ...stepArgs], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: `file:${scratch}`, NODE_ENV: "production", SESSION_SECRET: "bench-data-import-secret-0123456789abcdef", LOG_LEVEL: "warn" },
    maxBuffer: 1 << 20,
  });
  const line = result.stdout.trim().split("\n").at(-1) ?? "";
  if (result.status !== 0 || !line.startsWith("{")) return { ok: false, error: (result.stderr.match(/(heap out of memory|Error[^\n]*)/)?.[0] ?? `exit ${result.status ?? result.signal}`).slice(0, 120) };
  return { ok: true, .../** @type {{ ms: number, peakRssMb: number, rows: number, file?: string, bytes?: number }} */ (JSON.parse(line)) };
}

const mb = (/** @type {number} */ bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const heap = startOptions().find((o) => o.startsWith("--max-old-space-size")) ?? "--max-old-space-size=192";

say(`Exporting ${path.relative(root, source)} (${mb(fs.statSync(source).size)})…`);
const exported = step(["export", source, work]);
if (!exported.ok || !exported.file) throw new Error(`the export failed: ${"error" in exported ? exported.error : ""}`);
say(`  ${exported.rows.toLocaleString("en")} rows, ${mb(exported.bytes ?? 0)} of JSON in ${(exported.ms / 1000).toFixed(1)} s, peak RSS ${exported.peakRssMb} MB`);

const idle = step(["idle"]);
/** @type {Record<string, ReturnType<typeof step>>} */
const results = {};
for (const [name, module] of /** @type {const} */ ([["previous", previous], ["streamed", path.join(root, "app", "models", "data-export.server.ts")]])) {
  for (const limited of [false, true]) {
    const target = path.join(work, `${name}${limited ? "-limited" : ""}.db`);
    fs.copyFileSync(template, target);
    say(`Importing with the ${name} import${limited ? ` under ${heap}` : ""}…`);
    const result = step(["import", module, exported.file, target, path.join(work, "attachments")], limited ? [heap] : []);
    results[`${name}${limited ? "-limited" : ""}`] = result;
    say(result.ok ? `  ${result.rows.toLocaleString("en")} rows in ${(result.ms / 1000).toFixed(1)} s, peak RSS ${result.peakRssMb} MB` : `  failed: ${"error" in result ? result.error : ""}`);
    fs.rmSync(target, { force: true });
    for (const suffix of ["-wal", "-shm", "-journal"]) fs.rmSync(target + suffix, { force: true });
  }
}

const before = results.previous;
const after = results.streamed;
say();
say(`Scale ${scale}: ${exported.rows.toLocaleString("en")} rows, export file ${mb(exported.bytes ?? 0)}; a process that only loads the module peaks at ${idle.ok ? idle.peakRssMb : "?"} MB`);
say("| import | peak RSS | duration | under " + heap + " |");
say("| --- | --- | --- | --- |");
for (const name of ["previous", "streamed"]) {
  const r = results[name];
  const l = results[`${name}-limited`];
  say(`| ${name} | ${r.ok ? `${r.peakRssMb} MB` : "failed"} | ${r.ok ? `${(r.ms / 1000).toFixed(1)} s` : "-"} | ${l.ok ? `finished (${l.peakRssMb} MB, ${(l.ms / 1000).toFixed(1)} s)` : `failed: ${"error" in l ? l.error : ""}`} |`);
}
if (before.ok && after.ok) say(`Streamed / previous: peak RSS ×${(after.peakRssMb / before.peakRssMb).toFixed(2)}, duration ×${(after.ms / before.ms).toFixed(2)}`);
fs.rmSync(work, { recursive: true, force: true });
