// The benchmark: starts the built production server on 127.0.0.1 against a generated database,
// drives each page of bench/pages.js with autocannon at 1, 10 and 50 connections, and prints p50,
// p95, requests per second, each page's p95 as a ratio to the floor's, the server's peak memory, the
// SQL statements per page (from test/integration/query-budget.test.ts), and the budgets' verdicts.
//
//   npm run bench                          # scale large, 5 s per page and connection level
//   npm run bench -- --scale medium --duration 3 --only floor,timeline
//
// Builds first when the build is older than the sources, and generates bench/.data/<scale>.db when it
// is missing or was made by an older generator. Exits 1 when a budget fails.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import Database from "better-sqlite3";
import { GENERATOR_VERSION, dataDir, generate, metaFile } from "./generate.js";
import { ensureBuild, freePort, peakMemoryMb, root, signIn, startOptions, startServer } from "./server.js";
import { PAGES } from "./pages.js";

export const BUDGETS = {
  /** at this many connections, every page's p95 is within `ratio` × the floor's p95 */
  connections: 10,
  ratio: 5,
  exportMs: 3000,
  peakMemoryMb: 400,
};

const { values: args } = parseArgs({
  options: {
    scale: { type: "string", default: "large" },
    duration: { type: "string", default: "5" },
    connections: { type: "string", default: "1,10,50" },
    only: { type: "string" },
    regenerate: { type: "boolean", default: false },
    "skip-queries": { type: "boolean", default: false },
  },
});
const scale = args.scale ?? "large";
const duration = Number(args.duration);
const levels = (args.connections ?? "1,10,50").split(",").map(Number);
const only = args.only ? new Set(["floor", ...args.only.split(",")]) : null;
if (!levels.includes(BUDGETS.connections)) levels.push(BUDGETS.connections);
levels.sort((a, b) => a - b);

const say = (/** @type {string} */ line = "") => process.stdout.write(line + "\n");

// ───────────── Build and data ─────────────

function ensureData() {
  const file = path.join(dataDir, `${scale}.db`);
  const metaPath = metaFile(file);
  const current = fs.existsSync(file) && fs.existsSync(metaPath) && JSON.parse(fs.readFileSync(metaPath, "utf8")).generator === GENERATOR_VERSION;
  if (!current || args.regenerate) {
    fs.mkdirSync(dataDir, { recursive: true });
    say(`Generating scale "${scale}" into ${path.relative(root, file)}…`);
    const meta = generate({ scale, file });
    say(`  generated in ${meta.seconds} s`);
  }
  return { file, meta: JSON.parse(fs.readFileSync(metaPath, "utf8")) };
}

// ───────────── Load ─────────────

/** @param {number[]} sorted @param {number} p */
const percentile = (sorted, p) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN);

/**
 * Runs autocannon and computes the percentiles from every response time (autocannon's own summary
 * has p50 and p97.5 but no p95).
 * @param {string} url @param {number} connections @param {string} cookie
 */
function load(url, connections, cookie) {
  return new Promise((resolve, reject) => {
    /** @type {number[]} */
    const times = [];
    let failed = 0;
    const instance = autocannon({ url, connections, duration, headers: { cookie }, timeout: 60 }, (error, result) => {
      if (error) return reject(error);
      times.sort((a, b) => a - b);
      resolve({
        requests: times.length,
        failed: failed + result.errors + result.timeouts,
        p50: percentile(times, 50),
        p95: percentile(times, 95),
        rps: times.length / (result.duration || duration),
      });
    });
    instance.on("response", (_client, statusCode, _bytes, responseTime) => {
      if (statusCode === 200) times.push(responseTime);
      else failed++;
    });
  });
}

/**
 * Waits until the server has worked off what the last run left queued (autocannon stops sending,
 * the server still answers what it received): two quick answers of /healthz in a row.
 * @param {string} base
 */
async function settle(base) {
  let quick = 0;
  for (let i = 0; i < 600 && quick < 2; i++) {
    const started = performance.now();
    await fetch(`${base}/healthz`);
    quick = performance.now() - started < 20 ? quick + 1 : 0;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

// ───────────── Queries per page ─────────────

/** Runs the query-budget test, with the benchmark's database as its largest, and reads its report. @param {string} file */
function queryBudget(file) {
  const report = path.join(os.tmpdir(), `query-budget-${process.pid}.json`);
  const result = spawnSync(path.join(root, "node_modules", ".bin", "vitest"), ["run", "test/integration/query-budget.test.ts"], {
    cwd: root,
    env: { ...process.env, BENCH_QUERY_DB: file, BENCH_QUERY_REPORT: report },
    encoding: "utf8",
  });
  let counts = null;
  try {
    counts = JSON.parse(fs.readFileSync(report, "utf8"));
    fs.rmSync(report, { force: true });
  } catch {
    // no report: the test failed before writing it
  }
  return { passed: result.status === 0, counts, output: result.stdout + result.stderr };
}

// ───────────── Main ─────────────

const fmt = (/** @type {number} */ n, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : "–");
const pad = (/** @type {string} */ s, n) => s.padEnd(n);
const padL = (/** @type {string} */ s, n) => s.padStart(n);

async function main() {
  ensureBuild();
  const { file, meta } = ensureData();
  const fixtures = meta.fixtures;
  const port = await freePort();
  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  say(`Scale ${meta.scale}: ${Object.entries(meta.rows).filter(([, n]) => n >= 1000).map(([t, n]) => `${t} ${n.toLocaleString("en")}`).join(", ")}`);
  say(`Data generated in ${meta.seconds} s. Machine: ${os.cpus().length} × ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.version}, ${os.platform()}.`);
  say(`Load: ${duration} s per page and level, connections ${levels.join("/")}, server on 127.0.0.1:${port} (node ${startOptions().join(" ")} server/start.js, as npm start).`);

  const { child, base } = await startServer(file, port);
  const pid = child.pid ?? 0;
  /** @type {Map<string, Map<number, any>>} */
  const results = new Map();
  let peak = { mb: 0, during: "start" };
  const notes = [];
  try {
    const cookie = await signIn(base, meta.benchUser);
    const pages = PAGES.filter((p) => p.path && (!only || only.has(p.key)));
    // Warm up (and check) each page; count the timeline's events and the body's answers.
    /** @type {Map<string, string>} */
    const bodies = new Map();
    for (const page of pages) {
      const url = base + page.path?.(fixtures);
      for (let i = 0; i < 3; i++) {
        const response = await fetch(url, { headers: { cookie }, redirect: "manual" });
        const body = await response.text();
        if (response.status !== 200 || (page.check && !page.check.test(body))) throw new Error(`${page.name}: ${url} answered ${response.status} without the expected content`);
        if (i === 0 && page.role !== "reference") notes.push(`${page.key}: ${(Buffer.byteLength(body) / 1024).toFixed(0)} KB${page.role === "export" ? "" : " of HTML"}`);
        bodies.set(page.key, body);
      }
    }
    if (bodies.has("timeline")) {
      // In English, to read the counts: "478 of 478 events" (shown after the filters, of all).
      const html = await (await fetch(`${base}/demands/${fixtures.timelineDemandId}/timeline`, { headers: { cookie, "Accept-Language": "en" } })).text();
      const counts = /(\d+) of (\d+) events/.exec(html);
      notes.push(`timeline: ${counts ? `${counts[2]} events, ${(html.slice(html.indexOf('class="timeline-list"')).match(/<li id=/g) ?? []).length} listed a page` : "events not found"}`);
    }
    if (bodies.has("answers")) {
      const sqlite = new Database(file, { readonly: true });
      const row = sqlite.prepare('SELECT COUNT(*) AS answers, COUNT(DISTINCT roundId) AS rounds FROM "AgendaItem" WHERE bodyId = ?').get(fixtures.answersBodyId);
      sqlite.close();
      notes.push(`answers: ${fixtures.answersBodyName} with ${row.answers} answers in ${row.rounds} rounds`);
    }
    const floorPage = pages.find((p) => p.role === "floor");
    if (!floorPage) throw new Error("bench/pages.js has no floor");
    const measure = async (/** @type {string} */ url, /** @type {number} */ connections) => {
      const result = await load(url, connections, cookie);
      await settle(base);
      return result;
    };
    const record = (/** @type {string} */ key, /** @type {number} */ connections, /** @type {any} */ result) => {
      if (!results.has(key)) results.set(key, new Map());
      results.get(key)?.set(connections, result);
      const mb = peakMemoryMb(pid);
      if (mb > peak.mb) peak = { mb, during: `${key} at ${connections} connections` };
      process.stderr.write(`  ${connections} × ${key}: p95 ${fmt(result.p95)} ms\n`);
    };
    for (const connections of levels) {
      // The floor before and after the pages of each level (the machine may be busier at one time than
      // another); its figures are the mean of the two runs.
      const floorUrl = base + floorPage.path?.(fixtures);
      const before = await measure(floorUrl, connections);
      for (const page of pages) if (page !== floorPage) record(page.key, connections, await measure(base + page.path?.(fixtures), connections));
      const after = await measure(floorUrl, connections);
      const mean = (/** @type {"p50" | "p95" | "rps"} */ k) => (before[k] + after[k]) / 2;
      record("floor", connections, { requests: before.requests + after.requests, failed: before.failed + after.failed, p50: mean("p50"), p95: mean("p95"), rps: mean("rps") });
    }
  } finally {
    if (child.exitCode === null) {
      peak.mb = Math.max(peak.mb, peakMemoryMb(pid));
      child.kill("SIGTERM");
    }
  }

  const queries = args["skip-queries"] ? null : queryBudget(file);

  // ───── The table ─────
  say();
  const head = [pad("page", 44), ...levels.map((c) => padL(`${c} conn: p50 / p95 ms, req/s`, 30)), padL(`p95/floor@${BUDGETS.connections}`, 16), padL("SQL", 5), "  budget"];
  say(head.join(" "));
  say("-".repeat(head.join(" ").length + 6));
  /** @type {Array<{ name: string, pass: boolean | null, detail: string }>} */
  const verdicts = [];
  const floorP95 = results.get("floor")?.get(BUDGETS.connections)?.p95 ?? NaN;
  for (const page of PAGES) {
    if (only && !only.has(page.key)) continue;
    const sql = queries?.counts?.[page.key];
    const sqlText = padL(sql ? String(sql.large ?? sql.larger) : "", 5);
    if (page.pending) {
      say(`${pad(page.name, 44)} ${pad(`— ${page.pending}: skipped`, levels.length * 31)} ${padL("", 16)} ${sqlText}  skipped`);
      verdicts.push({ name: page.role === "export" ? `${page.name} under ${BUDGETS.exportMs / 1000} s` : `${page.name} within ${BUDGETS.ratio} × floor`, pass: null, detail: page.pending });
      continue;
    }
    const byLevel = results.get(page.key);
    if (!byLevel) continue;
    const cells = levels.map((c) => {
      const r = byLevel.get(c);
      return padL(r ? `${fmt(r.p50)} / ${fmt(r.p95)}, ${fmt(r.rps, 0)}${r.failed ? ` (${r.failed} failed)` : ""}` : "", 30);
    });
    const at = byLevel.get(BUDGETS.connections);
    const ratio = at ? at.p95 / floorP95 : NaN;
    let verdict = "";
    if (page.role === "page") {
      const pass = Number.isFinite(ratio) && ratio <= BUDGETS.ratio && at.failed === 0;
      verdict = pass ? "pass" : "FAIL";
      verdicts.push({ name: `${page.name} within ${BUDGETS.ratio} × floor`, pass, detail: `${fmt(ratio, 2)} ×` });
    } else if (page.role === "export") {
      const single = byLevel.get(1);
      const pass = Boolean(single && single.p95 < BUDGETS.exportMs && single.failed === 0);
      verdict = pass ? "pass" : "FAIL";
      verdicts.push({ name: `${page.name} under ${BUDGETS.exportMs / 1000} s`, pass, detail: `${fmt(single?.p95 ?? NaN, 0)} ms` });
    }
    say(`${pad(page.name, 44)} ${cells.join(" ")} ${padL(page.role === "page" || page.role === "export" ? `${fmt(ratio, 2)} ×` : "", 16)} ${sqlText}  ${verdict}`);
  }
  say();
  verdicts.push({ name: `server peak memory under ${BUDGETS.peakMemoryMb} MB`, pass: peak.mb < BUDGETS.peakMemoryMb, detail: `${fmt(peak.mb, 0)} MB (reached during ${peak.during})` });
  if (queries) {
    const detail = queries.counts ? `statements per page equal on small, larger and ${scale} data, at most ${queries.counts.max}` : "no report";
    verdicts.push({ name: "SQL statements per page fixed (no N+1), hot queries use indexes", pass: queries.passed, detail });
  } else {
    verdicts.push({ name: "SQL statements per page fixed (no N+1)", pass: null, detail: "--skip-queries" });
  }
  say(`Notes: ${notes.join("; ")}.`);
  say(`Floor p95 at ${BUDGETS.connections} connections: ${fmt(floorP95)} ms.`);
  say();
  say("Budgets:");
  for (const v of verdicts) say(`  ${v.pass === null ? "skip" : v.pass ? "pass" : "FAIL"}  ${v.name}: ${v.detail}`);
  if (queries && !queries.passed) say(`\nquery-budget test output:\n${queries.output.split("\n").slice(-40).join("\n")}`);
  const failed = verdicts.filter((v) => v.pass === false).length;
  say(failed ? `\n${failed} budget(s) failed.` : "\nEvery budget that can be checked passes.");
  const summary = { scale: meta.scale, at: new Date().toISOString(), machine: { cpus: os.cpus().length, cpu, memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version }, duration, levels, results: Object.fromEntries([...results].map(([k, v]) => [k, Object.fromEntries(v)])), peakMemoryMb: peak.mb, queries: queries?.counts ?? null, verdicts };
  fs.writeFileSync(path.join(dataDir, `last-run-${meta.scale}.json`), JSON.stringify(summary, null, 2) + "\n");
  process.exitCode = failed ? 1 : 0;
}

await main();
