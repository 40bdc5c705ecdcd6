// Backups: a consistent copy of the database taken while the app is writing (SQLite's online
// backup), with the attachment files it refers to and a manifest; and the way back, after checks.
//
// A backup is a folder:
//   tracker.db        the database, copied page by page by SQLite while writers carry on
//   attachments/      the stored files (content-addressed: a file never changes once written)
//   manifest.json     when, which migrations, row counts, the database's SHA-256
//
// The database is copied first and the attachments after: an attachment's file is written before
// its row is committed, so every row in the copy finds its file.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { databaseFile, projectRoot } from "./database-url.js";

export const MANIFEST = "manifest.json";
export const DATABASE = "tracker.db";
export const ATTACHMENTS = "attachments";
const FORMAT = 1;

/** The tables whose row counts the manifest records, so a restore can say what it brings back. */
const COUNTED = ["User", "Demand", "Body", "Person", "Organisation", "Request", "NegotiationRound", "AgendaItem", "Outcome", "Attachment"];

function sha256File(file) {
  const hash = crypto.createHash("sha256");
  const fd = fs.openSync(file, "r");
  try {
    const buffer = Buffer.alloc(1 << 20);
    let read;
    while ((read = fs.readSync(fd, buffer, 0, buffer.length, null)) > 0) hash.update(buffer.subarray(0, read));
  } finally {
    fs.closeSync(fd);
  }
  return hash.digest("hex");
}

/** The migrations the code ships, oldest first. */
export function shippedMigrations() {
  const dir = path.join(projectRoot, "prisma", "migrations");
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

function describe(sqlite) {
  const migrations = sqlite
    .prepare("SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name")
    .all()
    .map((r) => r.name);
  const tables = new Set(sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all().map((r) => r.name));
  const counts = Object.fromEntries(COUNTED.filter((t) => tables.has(t)).map((t) => [t, sqlite.prepare(`SELECT COUNT(*) AS n FROM "${t}"`).get().n]));
  return { migrations, counts };
}

function copyTree(from, to) {
  let files = 0;
  if (!fs.existsSync(from)) return files;
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) {
      files += copyTree(source, target);
    } else if (entry.isFile() && !entry.name.endsWith(".tmp") && !fs.existsSync(target)) {
      fs.mkdirSync(to, { recursive: true });
      fs.copyFileSync(source, target);
      files += 1;
    }
  }
  return files;
}

const stamp = (date) => date.toISOString().replace(/[-:]/g, "").replace(/\..*$/, "").replace("T", "-");

/**
 * Copies the live database and its attachments into a new folder under `outDir`.
 * @param {{ databaseUrl: string, attachmentsDir: string, outDir: string, now?: Date }} options
 */
export async function createBackup({ databaseUrl, attachmentsDir, outDir, now = new Date() }) {
  const source = databaseFile(databaseUrl);
  if (!fs.existsSync(source)) throw new Error(`No database at ${source}`);
  let dir = path.join(outDir, `tracker-${stamp(now)}`);
  for (let n = 2; fs.existsSync(dir); n++) dir = path.join(outDir, `tracker-${stamp(now)}-${n}`);
  fs.mkdirSync(dir, { recursive: true });
  const target = path.join(dir, DATABASE);

  const live = new Database(source, { readonly: true, timeout: 5000 });
  try {
    // The online backup restarts by itself when a writer changes a page it has already copied.
    await live.backup(target);
  } finally {
    live.close();
  }
  const copy = new Database(target);
  let description;
  try {
    // One self-contained file: no -wal beside it.
    copy.pragma("journal_mode = DELETE");
    const check = copy.pragma("integrity_check", { simple: true });
    if (check !== "ok") throw new Error(`The copy failed its integrity check: ${check}`);
    description = describe(copy);
  } finally {
    copy.close();
  }
  const files = copyTree(attachmentsDir, path.join(dir, ATTACHMENTS));
  const manifest = { format: FORMAT, createdAt: now.toISOString(), database: { file: DATABASE, sha256: sha256File(target), bytes: fs.statSync(target).size }, attachments: files, ...description };
  fs.writeFileSync(path.join(dir, MANIFEST), JSON.stringify(manifest, null, 2) + "\n");
  return { dir, manifest };
}

/**
 * Everything that must hold before a backup may replace the live data. Returns the manifest, or
 * throws with one sentence a person can act on.
 * @param {string} dir
 */
export function verifyBackup(dir) {
  const manifestFile = path.join(dir, MANIFEST);
  if (!fs.existsSync(manifestFile)) throw new Error(`${dir} is not a backup: it has no ${MANIFEST}.`);
  let manifest;
  try {
    manifest = JSON.parse(fs.readFileSync(manifestFile, "utf8"));
  } catch {
    throw new Error(`${manifestFile} is not readable JSON.`);
  }
  if (manifest.format !== FORMAT) throw new Error(`This backup has format ${manifest.format}; this version reads format ${FORMAT}.`);
  const file = path.join(dir, DATABASE);
  if (!fs.existsSync(file)) throw new Error(`The backup has no ${DATABASE}.`);
  if (sha256File(file) !== manifest.database?.sha256) throw new Error(`${DATABASE} does not match the checksum in the manifest: the backup was changed or damaged.`);
  const sqlite = new Database(file, { readonly: true });
  try {
    const check = sqlite.pragma("integrity_check", { simple: true });
    if (check !== "ok") throw new Error(`${DATABASE} fails SQLite's integrity check: ${check}`);
    const { migrations } = describe(sqlite);
    const shipped = new Set(shippedMigrations());
    const unknown = migrations.filter((m) => !shipped.has(m));
    if (unknown.length) throw new Error(`The backup comes from a newer version of the tracker (migrations ${unknown.join(", ")}); update the code before restoring it.`);
  } finally {
    sqlite.close();
  }
  return manifest;
}

/**
 * Replaces the live database with the backup's, keeping the current one beside it first, and adds
 * the backup's attachment files that are missing. Migrations newer than the backup are applied
 * when the app next starts.
 * @param {{ dir: string, databaseUrl: string, attachmentsDir: string, now?: Date }} options
 */
export async function restoreBackup({ dir, databaseUrl, attachmentsDir, now = new Date() }) {
  const manifest = verifyBackup(dir);
  const live = databaseFile(databaseUrl);
  fs.mkdirSync(path.dirname(live), { recursive: true });
  let keptAs = null;
  if (fs.existsSync(live)) {
    keptAs = `${live}.before-restore-${stamp(now)}`;
    const current = new Database(live, { readonly: true, timeout: 5000 });
    try {
      await current.backup(keptAs);
    } finally {
      current.close();
    }
  }
  // SQLite's backup into the live file takes its locks, so a running app never reads half a restore.
  const source = new Database(path.join(dir, DATABASE), { readonly: true });
  try {
    await source.backup(live);
  } finally {
    source.close();
  }
  const restored = new Database(live, { timeout: 5000 });
  try {
    restored.pragma("journal_mode = WAL");
    const check = restored.pragma("integrity_check", { simple: true });
    if (check !== "ok") throw new Error(`The restored database fails its integrity check: ${check}`);
  } finally {
    restored.close();
  }
  const files = copyTree(path.join(dir, ATTACHMENTS), attachmentsDir);
  return { manifest, keptAs, attachmentsAdded: files };
}
