// SQLite under load and faults: 50 concurrent writers log agenda answers through the built server
// (the real form action, signed in as staff) for 60 seconds, driven by autocannon. Every write the
// server acknowledged (its redirect after saving) must be in the database afterwards, and no answer may
// be a 5xx. A second run kills the server (SIGKILL) a third of the way in and starts it again while the writers go
// on: the database must pass SQLite's integrity check and still hold every acknowledged write.
//
//   npm run bench:writes                               # 50 writers, 60 s per run, both runs
//   npm run bench:writes -- --duration 10 --connections 10 --only kill
//
// Exits 1 when a check fails. Uses a fresh database with the demo data under bench/.data/.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import Database from "better-sqlite3";
import { dataDir } from "./generate.js";
import { ensureBuild, freePort, peakMemoryMb, signIn, startServer } from "./server.js";

const { values: args } = parseArgs({
  options: {
    duration: { type: "string", default: "60" },
    connections: { type: "string", default: "50" },
    only: { type: "string" },
  },
});
const duration = Number(args.duration);
const connections = Number(args.connections);
const runs = (args.only ?? "steady,kill").split(",");
const say = (/** @type {string} */ line = "") => process.stdout.write(line + "\n");

const STAFF = { email: "staff@example.org", password: "demo-staff-2026" };

/** A demo round with a body, and a demand: where the writers log their answers. @param {string} file */
function target(file) {
  const db = new Database(file, { readonly: true });
  try {
    const round = db.prepare('SELECT r.id AS roundId, rb.bodyId AS bodyId FROM "NegotiationRound" r JOIN "RoundBody" rb ON rb.roundId = r.id WHERE r.deletedAt IS NULL LIMIT 1').get();
    const demand = db.prepare('SELECT id FROM "Demand" WHERE deletedAt IS NULL ORDER BY ref LIMIT 1').get();
    if (!round || !demand) throw new Error("the demo data has no round with a body, or no demand");
    return { .../** @type {{ roundId: string, bodyId: string }} */ (round), demandId: /** @type {{ id: string }} */ (demand).id };
  } finally {
    db.close();
  }
}

/** The markers of the writes that are in the database, and SQLite's integrity check. @param {string} file @param {string} run */
function stored(file, run) {
  const db = new Database(file, { readonly: true });
  try {
    const rows = /** @type {Array<{ questionJa: string }>} */ (db.prepare('SELECT questionJa FROM "AgendaItem" WHERE questionJa LIKE ?').all(`負荷試験 ${run}-%`));
    const integrity = /** @type {Array<{ integrity_check: string }>} */ (db.pragma("integrity_check")).map((r) => r.integrity_check).join("; ");
    return { markers: new Set(rows.map((r) => r.questionJa.slice("負荷試験 ".length))), integrity };
  } finally {
    db.close();
  }
}

/**
 * One run: `connections` writers for `duration` seconds; with `kill`, the server is killed halfway and
 * started again on the same port.
 * @param {{ run: string, file: string, port: number, kill: boolean }} options
 */
async function writeLoad({ run, file, port, kill }) {
  // The same secret after the restart, as in production: sessions survive it.
  const env = { DEMO_DATA: "true", SESSION_SECRET: crypto.randomBytes(32).toString("hex") };
  let server = await startServer(file, port, env);
  const cookie = await signIn(server.base, STAFF);
  const { roundId, bodyId, demandId } = target(file);
  let serial = 0;
  /** @type {Set<string>} */
  const acknowledged = new Set();
  /** @type {Map<string, number>} */
  const statuses = new Map();
  let peakMb = 0;
  let killedAt = null;
  let restartedAfterMs = null;
  let acknowledgedAtRestart = null;

  const instance = autocannon({
    url: `${server.base}/rounds/${roundId}/items/new`,
    connections,
    duration,
    timeout: 30,
    headers: { cookie, origin: server.base, "content-type": "application/x-www-form-urlencoded" },
    requests: [
      {
        method: "POST",
        setupRequest: (request, context) => {
          const marker = `${run}-${++serial}`;
          context.marker = marker;
          const answer = JSON.stringify({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: `回答 ${marker}：検討します。` }] }] });
          const body = new URLSearchParams({ demandId, bodyId, questionJa: `負荷試験 ${marker}`, answer, assessment: "will_consider" });
          return { ...request, body: body.toString() };
        },
        onResponse: (status, _body, context, headers) => {
          // Saved: the redirect to the round's page (a redirect to the sign-in page is a refusal).
          const location = String(headers?.location ?? "");
          const saved = (status === 302 || status === 303) && location.startsWith(`/rounds/${roundId}`);
          const key = saved ? "saved" : `${status}${location ? ` → ${location.split("?")[0]}` : ""}`;
          statuses.set(key, (statuses.get(key) ?? 0) + 1);
          if (saved) acknowledged.add(context.marker);
        },
      },
    ],
  });

  /** The server's peak so far; nothing while it is down between a kill and its restart. */
  const readPeak = () => {
    try {
      if (server.child.pid) peakMb = Math.max(peakMb, peakMemoryMb(server.child.pid));
    } catch {
      // the process is gone
    }
  };
  const memory = setInterval(readPeak, 250);

  /** @type {Promise<void>} */
  let restarted = Promise.resolve();
  if (kill) {
    setTimeout(() => (restarted = killAndRestart()), (duration * 1000) / 3);
  }
  async function killAndRestart() {
    readPeak();
    killedAt = acknowledged.size;
    server.child.kill("SIGKILL");
    await new Promise((resolve) => server.child.once("exit", resolve));
    const started = performance.now();
    server = await startServer(file, port, env);
    restartedAfterMs = performance.now() - started;
    acknowledgedAtRestart = acknowledged.size;
  }

  const result = await new Promise((resolve, reject) => {
    autocannon.track(instance, { renderProgressBar: false, renderResultsTable: false, renderLatencyTable: false });
    instance.on("done", resolve);
    instance.on("error", reject);
  });
  await restarted;
  clearInterval(memory);
  readPeak();
  const { child } = server;
  child.kill("SIGTERM");
  await new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve(null) : child.once("exit", resolve)));

  const after = stored(file, run);
  const lost = [...acknowledged].filter((marker) => !after.markers.has(marker));
  const serverErrors = [...statuses].filter(([status]) => Number(status.slice(0, 3)) >= 500).reduce((n, [, count]) => n + count, 0);
  const r = /** @type {any} */ (result);
  return {
    run,
    sent: serial,
    acknowledged: acknowledged.size,
    stored: after.markers.size,
    lost: lost.length,
    statuses: Object.fromEntries(statuses),
    serverErrors,
    socketErrors: r.errors,
    timeouts: r.timeouts,
    integrity: after.integrity,
    p95: r.latency?.p97_5,
    rps: r.requests?.average,
    peakMb,
    killedAt,
    restartedAfterMs,
    resumed: acknowledgedAtRestart === null ? null : acknowledged.size - acknowledgedAtRestart,
  };
}

async function main() {
  ensureBuild();
  fs.mkdirSync(dataDir, { recursive: true });
  say(`${connections} writers for ${duration} s per run, logging agenda answers as staff through POST /rounds/:id/items/new.`);
  const verdicts = [];
  for (const run of runs) {
    const file = path.join(dataDir, `writes-${run}-${process.pid}.db`);
    for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
    const port = await freePort();
    const kill = run === "kill";
    say(`\n${kill ? "Killed (SIGKILL) a third of the way in and restarted" : "Steady"}: server on 127.0.0.1:${port}, database ${path.relative(process.cwd(), file)}`);
    const r = await writeLoad({ run, file, port, kill });
    say(`  sent ${r.sent}, acknowledged ${r.acknowledged} (${r.rps?.toFixed(0)} req/s on average), stored ${r.stored}, acknowledged but missing ${r.lost}`);
    say(`  answers: ${Object.entries(r.statuses).map(([s, n]) => `${s} × ${n}`).join(", ")}; socket errors ${r.socketErrors}, timeouts ${r.timeouts}`);
    if (kill) {
      say(`  killed after ${r.killedAt} acknowledged writes; the server answered again ${(Number(r.restartedAfterMs) / 1000).toFixed(1)} s later, and acknowledged ${r.resumed} more`);
      verdicts.push({ name: `${run}: writes acknowledged after the restart`, pass: Number(r.resumed) > 0, detail: `${r.resumed}` });
    }
    say(`  integrity check: ${r.integrity}; server peak memory ${r.peakMb.toFixed(0)} MB; p97.5 ${r.p95} ms`);
    verdicts.push({ name: `${run}: every acknowledged write stored`, pass: r.lost === 0 && r.acknowledged > 0, detail: `${r.acknowledged} acknowledged, ${r.lost} missing` });
    verdicts.push({ name: `${run}: no 5xx`, pass: r.serverErrors === 0, detail: `${r.serverErrors}` });
    verdicts.push({ name: `${run}: integrity check`, pass: r.integrity === "ok", detail: r.integrity });
    // Only acknowledged writes count: a write the server saved but could not acknowledge (killed) may be there.
    verdicts.push({ name: `${run}: nothing stored that was never sent`, pass: r.stored <= r.sent, detail: `${r.stored} stored of ${r.sent} sent` });
    for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
  }
  say("\nChecks:");
  for (const v of verdicts) say(`  ${v.pass ? "pass" : "FAIL"}  ${v.name}: ${v.detail}`);
  const failed = verdicts.filter((v) => !v.pass).length;
  say(failed ? `\n${failed} check(s) failed.` : "\nEvery check passes.");
  process.exitCode = failed ? 1 : 0;
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exitCode = 1;
});
