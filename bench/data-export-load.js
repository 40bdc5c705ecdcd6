// Does the server still answer other users while the full JSON export runs (docs/decisions/017)? Starts
// the built server as `npm start` does on a copy of a generated database (bench/generate.js), loads one
// page again and again, signed in as staff — first alone, then while an administrator's export of the
// whole database runs — and prints the page's times in both cases as a ratio, with the server's peak memory.
// A measurement to read, not a pass/fail check (the shared machine's load moves the figures).
//
//   npm run bench:data-export-load                          # medium scale, /demands
//   npm run bench:data-export-load -- --scale large --page /status-board
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import bcrypt from "bcryptjs";
import Database from "better-sqlite3";
import { BENCH_USER, dataDir } from "./generate.js";
import { ensureBuild, freePort, peakMemoryMb, root, signIn, startServer } from "./server.js";

const { values: args } = parseArgs({ options: { scale: { type: "string", default: "medium" }, page: { type: "string", default: "/demands" }, alone: { type: "string", default: "40" } } });
const scale = args.scale ?? "medium";
const page = args.page ?? "/demands";
const say = (/** @type {string} */ line = "") => process.stdout.write(line + "\n");
const ADMIN = { email: "bench-admin@example.org", password: "bench-admin-password-2026" };

const source = path.join(dataDir, `${scale}.db`);
if (!fs.existsSync(source)) execFileSync(process.execPath, [path.join(root, "bench", "generate.js"), "--scale", scale], { cwd: root, stdio: "inherit" });
const work = path.join(dataDir, "export-load");
fs.rmSync(work, { recursive: true, force: true });
fs.mkdirSync(work, { recursive: true });
const file = path.join(work, "tracker.db");
// A consistent copy (the source may be in WAL mode), with an administrator to start the export.
const src = new Database(source, { readonly: true });
await src.backup(file);
src.close();
const conn = new Database(file);
conn.prepare('INSERT INTO "User" ("id", "email", "name", "passwordHash", "role", "updatedAt") VALUES (?, ?, ?, ?, ?, ?)').run("bench-admin", ADMIN.email, "Bench Admin", bcrypt.hashSync(ADMIN.password, 10), "admin", Date.now());
conn.close();

ensureBuild();
const port = await freePort();
const { child, base } = await startServer(file, port);
/** @param {number[]} xs @param {number} q */
const quantile = (xs, q) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];
try {
  const staff = await signIn(base, BENCH_USER);
  const admin = await signIn(base, ADMIN);
  const load = async () => {
    const started = performance.now();
    const response = await fetch(`${base}${page}`, { headers: { Cookie: staff } });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`${page} answered ${response.status}`);
    return performance.now() - started;
  };
  for (let i = 0; i < 5; i++) await load();
  const alone = [];
  for (let i = 0; i < Number(args.alone); i++) alone.push(await load());

  const db = new Database(file, { readonly: true });
  const status = () => /** @type {{ status: string } | undefined} */ (db.prepare('SELECT "status" FROM "DataJob" ORDER BY "createdAt" DESC LIMIT 1').get())?.status;
  const started = performance.now();
  const response = await fetch(`${base}/admin/data`, { method: "POST", headers: { Cookie: admin }, body: new URLSearchParams({ intent: "export" }), redirect: "manual" });
  if (response.status !== 302) throw new Error(`starting the export answered ${response.status}`);
  const during = [];
  while (status() === "running") during.push(await load());
  const exportSeconds = (performance.now() - started) / 1000;
  const ended = status();
  db.close();
  if (ended !== "done") throw new Error(`the export ended ${ended}`);

  const fmt = (/** @type {number} */ ms) => `${ms.toFixed(0)} ms`;
  say(`Scale ${scale}, ${page}, signed in as staff; the export of the whole database took ${exportSeconds.toFixed(1)} s`);
  say("| | requests | median | p95 |");
  say("| --- | --- | --- | --- |");
  say(`| alone | ${alone.length} | ${fmt(quantile(alone, 0.5))} | ${fmt(quantile(alone, 0.95))} |`);
  say(`| during the export | ${during.length} | ${during.length ? fmt(quantile(during, 0.5)) : "-"} | ${during.length ? fmt(quantile(during, 0.95)) : "-"} |`);
  if (during.length) say(`During / alone: median ×${(quantile(during, 0.5) / quantile(alone, 0.5)).toFixed(2)}, p95 ×${(quantile(during, 0.95) / quantile(alone, 0.95)).toFixed(2)}`);
  say(`The server's peak memory: ${peakMemoryMb(child.pid ?? 0).toFixed(0)} MB`);
} finally {
  child.kill("SIGTERM");
  await new Promise((resolve) => child.once("exit", resolve));
  fs.rmSync(work, { recursive: true, force: true });
}
