// npm run backup / restore (server/backup.js): a copy taken while another process writes is whole
// and consistent, a restore brings back exactly what was copied (keeping what it replaced), and a
// damaged or too-new backup is refused with a sentence saying why.
import { spawn, spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBackup, restoreBackup, verifyBackup } from "../../server/backup.js";
import { testRoot } from "../paths";

const projectRoot = path.dirname(testRoot);
const databaseUrl = process.env.DATABASE_URL as string;
const live = databaseUrl.slice("file:".length);
const work = fs.mkdtempSync(path.join(os.tmpdir(), "tracker-backup-"));
const attachmentsDir = path.join(work, "attachments");
const outDir = path.join(work, "backups");

/** Another process that commits one numbered row per transaction until told to stop. */
function startWriter() {
  const code = `
    const Database = require("better-sqlite3");
    const db = new Database(process.argv[1], { timeout: 5000 });
    db.pragma("journal_mode = WAL");
    const insert = db.prepare("INSERT INTO probe (at) VALUES (?)");
    let n = 0, stop = false;
    process.stdin.on("data", () => { stop = true; });
    process.stdout.write("started\\n");
    (function tick() {
      for (let i = 0; i < 20; i++) { insert.run(new Date().toISOString()); n++; }
      if (stop) { process.stdout.write("written " + n + "\\n"); db.close(); process.exit(0); }
      setImmediate(tick);
    })();
  `;
  const child = spawn(process.execPath, ["-e", code, live], { cwd: projectRoot, stdio: ["pipe", "pipe", "inherit"] });
  let out = "";
  const started = new Promise<void>((resolve) => child.stdout.on("data", (d: Buffer) => ((out += d.toString()), out.includes("started") && resolve())));
  const stop = () =>
    new Promise<number>((resolve) => {
      child.on("exit", () => resolve(Number(/written (\d+)/.exec(out)?.[1] ?? NaN)));
      child.stdin.write("stop\n");
    });
  return { started, stop };
}

const count = (file: string, table: string) => {
  const sqlite = new Database(file, { readonly: true });
  try {
    return (sqlite.prepare(`SELECT COUNT(*) AS n, COALESCE(MAX(id), 0) AS max FROM "${table}"`).get() as { n: number; max: number });
  } finally {
    sqlite.close();
  }
};

beforeAll(() => {
  const sqlite = new Database(live);
  sqlite.pragma("journal_mode = WAL");
  sqlite.exec("CREATE TABLE probe (id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL)");
  sqlite.close();
  fs.mkdirSync(path.join(attachmentsDir, "ab"), { recursive: true });
  fs.writeFileSync(path.join(attachmentsDir, "ab", "abcdef"), "%PDF-1.4 stored file");
});

afterAll(() => {
  fs.rmSync(work, { recursive: true, force: true });
});

describe("backup and restore", () => {
  let backupDir = "";

  it("copies a consistent database while another process writes, with the attachments and a manifest", async () => {
    const writer = startWriter();
    await writer.started;
    await new Promise((r) => setTimeout(r, 150));
    const { dir, manifest } = await createBackup({ databaseUrl, attachmentsDir, outDir, now: new Date("2026-11-22T03:04:05Z") });
    const written = await writer.stop();
    backupDir = dir;

    expect(path.basename(dir)).toBe("tracker-20261122-030405");
    const copied = count(path.join(dir, "tracker.db"), "probe");
    // Whole transactions only: the rows present are exactly 1..n, none missing in between.
    expect(copied.n).toBe(copied.max);
    expect(copied.n).toBeGreaterThan(0);
    // The writer commits at least one more batch after it is told to stop, so it wrote past the copy.
    expect(copied.n).toBeLessThan(written);
    expect(count(live, "probe").n).toBe(written);

    expect(manifest.counts.Demand).toBeGreaterThan(0);
    expect(manifest.migrations.length).toBeGreaterThan(0);
    expect(manifest.attachments).toBe(1);
    expect(fs.readFileSync(path.join(dir, "attachments", "ab", "abcdef"), "utf8")).toBe("%PDF-1.4 stored file");
    expect(fs.existsSync(path.join(dir, "tracker.db-wal"))).toBe(false);
    expect(verifyBackup(dir).database.sha256).toBe(manifest.database.sha256);
  });

  it("restores exactly what was copied, keeping the database it replaces", async () => {
    const before = count(path.join(backupDir, "tracker.db"), "probe").n;
    const sqlite = new Database(live);
    sqlite.exec(`DELETE FROM probe; INSERT INTO probe (at) VALUES ('after the backup')`);
    sqlite.close();
    fs.rmSync(attachmentsDir, { recursive: true });

    const { keptAs, attachmentsAdded } = await restoreBackup({ dir: backupDir, databaseUrl, attachmentsDir, now: new Date("2026-11-22T05:00:00Z") });

    expect(count(live, "probe").n).toBe(before);
    expect(keptAs).toBe(`${live}.before-restore-20261122-050000`);
    expect(count(keptAs as string, "probe").n).toBe(1);
    expect(attachmentsAdded).toBe(1);
    expect(fs.existsSync(path.join(attachmentsDir, "ab", "abcdef"))).toBe(true);
    const check = new Database(live, { readonly: true });
    expect(check.pragma("integrity_check", { simple: true })).toBe("ok");
    expect(check.pragma("journal_mode", { simple: true })).toBe("wal");
    check.close();
  });

  it("refuses a damaged backup, one from a newer version, and a folder that is not a backup", () => {
    const damaged = path.join(work, "damaged");
    fs.cpSync(backupDir, damaged, { recursive: true });
    fs.appendFileSync(path.join(damaged, "tracker.db"), "x");
    expect(() => verifyBackup(damaged)).toThrow(/does not match the checksum/);

    const newer = path.join(work, "newer");
    fs.cpSync(backupDir, newer, { recursive: true });
    const sqlite = new Database(path.join(newer, "tracker.db"));
    sqlite.prepare("INSERT INTO _prisma_migrations (id, checksum, migration_name, finished_at, applied_steps_count) VALUES ('x', 'x', '29990101000000_from_the_future', '2999-01-01', 1)").run();
    sqlite.close();
    const manifestFile = path.join(newer, "manifest.json");
    const manifest = JSON.parse(fs.readFileSync(manifestFile, "utf8"));
    const hash = crypto.createHash("sha256").update(fs.readFileSync(path.join(newer, "tracker.db"))).digest("hex");
    fs.writeFileSync(manifestFile, JSON.stringify({ ...manifest, database: { ...manifest.database, sha256: hash } }));
    expect(() => verifyBackup(newer)).toThrow(/newer version of the tracker \(migrations 29990101000000_from_the_future\)/);

    expect(() => verifyBackup(work)).toThrow(/is not a backup/);
  });

  it("works from the command line, as the README says", async () => {
    const env = { ...process.env, DATABASE_URL: databaseUrl, ATTACHMENTS_DIR: attachmentsDir, BACKUP_DIR: path.join(work, "cli") };
    const backup = spawnSync(process.execPath, ["scripts/backup.js"], { cwd: projectRoot, env, encoding: "utf8" });
    expect(backup.stderr).toBe("");
    expect(backup.stdout).toMatch(/^Backup written to .*cli\/tracker-\d{8}-\d{6}\n/);
    const dir = /Backup written to (.*)\n/.exec(backup.stdout)?.[1] as string;
    const restore = spawnSync(process.execPath, ["scripts/restore.js", dir], { cwd: projectRoot, env, encoding: "utf8" });
    expect(restore.stdout).toMatch(/^Restored the backup of /);
    const refused = spawnSync(process.execPath, ["scripts/restore.js", work], { cwd: projectRoot, env, encoding: "utf8" });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/^Restore refused: .* is not a backup/);
  });
});
