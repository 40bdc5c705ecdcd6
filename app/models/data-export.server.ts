// The organisation's data as one JSON file, and back (docs/decisions/017). The export reads a
// consistent copy made with SQLite's online backup (which does not stop other users) and writes the
// file table by table, yielding between batches; the import restores such a file into an empty
// installation in one transaction. Both report their progress on a DataJob row and, live, in memory.
//
// Left out: sessions, API tokens and the jobs themselves (secrets and bookkeeping), and the search
// index (derived: rebuilt from its views after an import). Attachments' files travel in `files`.
import fs from "node:fs";
import fsp from "node:fs/promises";
import path from "node:path";
import Database from "better-sqlite3";
import { db } from "~/utils/db.server";
import { config } from "~/utils/env.server";
import { databaseFile } from "../../server/database-url.js";

export const EXPORT_FORMAT = "advocacy-tracker-export";
export const EXPORT_VERSION = 1;
/** Tables that never leave the installation. */
export const NOT_EXPORTED = new Set(["Session", "ApiToken", "DataJob", "_prisma_migrations"]);
/** Tables that later migrations dropped (their data lives elsewhere): an older export's rows of them are skipped on import. */
export const DROPPED_TABLES = new Set(["MembershipCount"]);
/** Tables an installation may hold before an import (its first administrator); the import replaces them. */
export const REPLACED_ON_IMPORT = ["User", "AuditEvent"];
const BATCH = 500;

export const exportsDir = () => path.join(config.dataDir, "exports");

type Progress = { done: number; total: number; message: string | null };
const live = new Map<string, Progress>();

/** The job's progress as this process knows it now (the row is written at the start, per table for exports, and at the end). */
export function liveProgress(jobId: string) {
  return live.get(jobId) ?? null;
}

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The application's tables: not SQLite's, not the search index (derived), not NOT_EXPORTED. */
export function dataTables(conn: Database.Database) {
  const names = (conn.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search_%' ORDER BY name").all() as Array<{ name: string }>)
    .map((t) => t.name)
    .filter((n) => !NOT_EXPORTED.has(n));
  // Parents before children (ignoring a table's references to itself), so that the search index's
  // triggers see whole records while the import inserts.
  const deps = new Map(names.map((n) => [n, (conn.prepare(`PRAGMA foreign_key_list("${n}")`).all() as Array<{ table: string }>).map((f) => f.table).filter((t) => t !== n && names.includes(t))]));
  const ordered: string[] = [];
  const visit = (n: string, seen: Set<string>) => {
    if (ordered.includes(n) || seen.has(n)) return;
    seen.add(n);
    for (const d of deps.get(n) ?? []) visit(d, seen);
    ordered.push(n);
  };
  for (const n of names) visit(n, new Set());
  return ordered;
}

/** Rows of a table that refers to itself (Body, Demand), parents first. */
function parentsFirst(conn: Database.Database, table: string, columns: string[], rows: unknown[][]) {
  const self = (conn.prepare(`PRAGMA foreign_key_list("${table}")`).all() as Array<{ table: string; from: string; to: string }>).find((f) => f.table === table);
  if (!self) return rows;
  const from = columns.indexOf(self.from);
  const to = columns.indexOf(self.to);
  const byKey = new Map(rows.map((r) => [r[to], r]));
  const out: unknown[][] = [];
  const placed = new Set<unknown>();
  const place = (r: unknown[], depth = 0) => {
    if (placed.has(r[to]) || depth > rows.length) return;
    const parent = byKey.get(r[from]);
    if (parent && parent !== r) place(parent, depth + 1);
    placed.add(r[to]);
    out.push(r);
  };
  for (const r of rows) place(r);
  return out;
}

const encode = (v: unknown) => (Buffer.isBuffer(v) ? { $bytes: v.toString("base64") } : typeof v === "bigint" ? Number(v) : v);
const decode = (v: unknown) => (v && typeof v === "object" && "$bytes" in v && typeof v.$bytes === "string" ? Buffer.from(v.$bytes, "base64") : v);

async function setJob(jobId: string, data: { status?: string; done?: number; total?: number; message?: string | null; fileName?: string; rows?: number; finishedAt?: Date }) {
  await db.dataJob.update({ where: { id: jobId }, data });
}

function write(stream: fs.WriteStream, text: string) {
  return stream.write(text) ? Promise.resolve() : new Promise<void>((resolve) => stream.once("drain", () => resolve()));
}

/**
 * Writes the whole database (as of its start) to `<exports>/<file>`. Reads a snapshot made by SQLite's
 * online backup, so that writers are never blocked and the file is consistent.
 */
export async function exportData(jobId: string, { databaseFile, attachmentsDir = config.attachmentsDir, outDir = exportsDir() }: { databaseFile: string; attachmentsDir?: string; outDir?: string }) {
  await fsp.mkdir(outDir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[-:]/g, "").replace(/\..*/, "").replace("T", "-");
  const fileName = `tracker-export-${stamp}-${jobId.slice(-6)}.json`;
  const snapshotFile = path.join(outDir, `.${jobId}.snapshot.db`);
  const source = new Database(databaseFile, { readonly: true, fileMustExist: true });
  try {
    await source.backup(snapshotFile);
  } finally {
    source.close();
  }
  const conn = new Database(snapshotFile, { readonly: true });
  const stream = fs.createWriteStream(path.join(outDir, `${fileName}.part`), { encoding: "utf8" });
  try {
    const tables = dataTables(conn);
    const hasMigrations = conn.prepare("SELECT 1 FROM sqlite_master WHERE name = '_prisma_migrations'").get();
    const migrations = hasMigrations ? (conn.prepare("SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY migration_name").all() as Array<{ migration_name: string }>).map((m) => m.migration_name) : [];
    const total = tables.length + 1;
    live.set(jobId, { done: 0, total, message: null });
    await setJob(jobId, { total, fileName });
    await write(stream, `{"format":${JSON.stringify(EXPORT_FORMAT)},"version":${EXPORT_VERSION},"exportedAt":${JSON.stringify(new Date().toISOString())},"migrations":${JSON.stringify(migrations)},"tables":{`);
    let rows = 0;
    for (const [i, table] of tables.entries()) {
      live.set(jobId, { done: i, total, message: table });
      await setJob(jobId, { done: i, message: table, rows });
      const columns = (conn.prepare(`PRAGMA table_info("${table}")`).all() as Array<{ name: string }>).map((c) => c.name);
      await write(stream, `${i ? "," : ""}\n${JSON.stringify(table)}:{"columns":${JSON.stringify(columns)},"rows":[`);
      let first = true;
      let batch: string[] = [];
      for (const row of conn.prepare(`SELECT * FROM "${table}" ORDER BY rowid`).raw().iterate() as Iterable<unknown[]>) {
        batch.push(`${first ? "" : ","}\n${JSON.stringify(row.map(encode))}`);
        first = false;
        rows++;
        if (batch.length >= BATCH) {
          await write(stream, batch.join(""));
          batch = [];
          await tick();
        }
      }
      await write(stream, `${batch.join("")}]}`);
    }
    // The attachments' files, by their storage path (content-addressed: each file once).
    live.set(jobId, { done: tables.length, total, message: "files" });
    await write(stream, `},"files":{`);
    const paths = tables.includes("Attachment") ? (conn.prepare('SELECT DISTINCT "storagePath" FROM "Attachment" ORDER BY 1').all() as Array<{ storagePath: string }>) : [];
    let firstFile = true;
    for (const { storagePath } of paths) {
      const full = path.resolve(attachmentsDir, storagePath);
      if (!full.startsWith(path.resolve(attachmentsDir) + path.sep) || !fs.existsSync(full)) continue;
      await write(stream, `${firstFile ? "" : ","}\n${JSON.stringify(storagePath)}:${JSON.stringify((await fsp.readFile(full)).toString("base64"))}`);
      firstFile = false;
      await tick();
    }
    await write(stream, "}}\n");
    await new Promise<void>((resolve, reject) => stream.end((error?: Error | null) => (error ? reject(error) : resolve())));
    await fsp.rename(path.join(outDir, `${fileName}.part`), path.join(outDir, fileName));
    await setJob(jobId, { status: "done", done: total, message: null, rows, finishedAt: new Date() });
    return { fileName, rows };
  } catch (error) {
    stream.destroy();
    await fsp.rm(path.join(outDir, `${fileName}.part`), { force: true });
    await setJob(jobId, { status: "failed", message: "data.failed", finishedAt: new Date() });
    throw error;
  } finally {
    live.delete(jobId);
    conn.close();
    await fsp.rm(snapshotFile, { force: true });
  }
}

export type ExportFile = {
  format: string;
  version: number;
  migrations: string[];
  tables: Record<string, { columns: string[]; rows: unknown[][] }>;
  files?: Record<string, string>;
};

export class ImportRefused extends Error {
  constructor(public readonly reason: "notEmpty" | "badFile" | "newerVersion" | "unknownTable" | "brokenLinks") {
    super(reason);
  }
}

/** Tables other than REPLACED_ON_IMPORT that hold rows: an installation with any is not empty. */
export function nonEmptyTables(conn: Database.Database) {
  return dataTables(conn).filter((t) => !REPLACED_ON_IMPORT.includes(t) && (conn.prepare(`SELECT 1 FROM "${t}" LIMIT 1`).get() !== undefined));
}

/** Checks the file's shape, as far as can be told before writing. */
export function parseExport(text: string): ExportFile {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new ImportRefused("badFile");
  }
  if (!parsed || typeof parsed !== "object" || !("format" in parsed) || parsed.format !== EXPORT_FORMAT || !("tables" in parsed) || !parsed.tables || typeof parsed.tables !== "object") {
    throw new ImportRefused("badFile");
  }
  const file = parsed as ExportFile;
  if (typeof file.version !== "number" || file.version > EXPORT_VERSION) throw new ImportRefused("newerVersion");
  for (const t of Object.values(file.tables)) if (!Array.isArray(t?.columns) || !Array.isArray(t?.rows)) throw new ImportRefused("badFile");
  return file;
}

/**
 * Restores an export into the database file, which must be empty but for its accounts and their
 * audit events (replaced by the file's). One transaction: all or nothing. The search index is rebuilt.
 */
export async function importData(jobId: string | null, file: ExportFile, { databaseFile, attachmentsDir = config.attachmentsDir }: { databaseFile: string; attachmentsDir?: string }) {
  const conn = new Database(databaseFile, { fileMustExist: true });
  conn.pragma("busy_timeout = 10000");
  try {
    const known = dataTables(conn);
    const unknown = Object.keys(file.tables).filter((t) => !known.includes(t) && !DROPPED_TABLES.has(t));
    if (unknown.length) throw new ImportRefused("unknownTable");
    const migrations = (conn.prepare("SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL").all() as Array<{ migration_name: string }>).map((m) => m.migration_name);
    if (file.migrations.some((m) => !migrations.includes(m))) throw new ImportRefused("newerVersion");
    if (nonEmptyTables(conn).length) throw new ImportRefused("notEmpty");

    // The files first: content-addressed, so writing one that is already there changes nothing.
    for (const [storagePath, base64] of Object.entries(file.files ?? {})) {
      const full = path.resolve(attachmentsDir, storagePath);
      if (!full.startsWith(path.resolve(attachmentsDir) + path.sep)) throw new ImportRefused("badFile");
      await fsp.mkdir(path.dirname(full), { recursive: true });
      if (!fs.existsSync(full)) await fsp.writeFile(full, Buffer.from(base64, "base64"));
    }

    const tables = known.filter((t) => t in file.tables);
    const total = tables.length + 1;
    if (jobId) {
      live.set(jobId, { done: 0, total, message: null });
      await setJob(jobId, { total });
    }
    let rows = 0;
    conn.pragma("foreign_keys = OFF");
    conn.exec("BEGIN IMMEDIATE");
    try {
      // The accounts (and what hangs from them) of the installation give way to the file's.
      conn.exec('DELETE FROM "Session"; DELETE FROM "ApiToken"; UPDATE "DataJob" SET "createdById" = NULL; DELETE FROM "AuditEvent"; DELETE FROM "User";');
      for (const [i, table] of tables.entries()) {
        if (jobId) live.set(jobId, { done: i, total, message: table });
        const { columns, rows: data } = file.tables[table];
        const actual = (conn.prepare(`PRAGMA table_info("${table}")`).all() as Array<{ name: string }>).map((c) => c.name);
        if (columns.some((c) => !actual.includes(c))) throw new ImportRefused("badFile");
        const insert = conn.prepare(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`);
        for (const [n, row] of parentsFirst(conn, table, columns, data).entries()) {
          insert.run(row.map(decode));
          rows++;
          if (n % BATCH === BATCH - 1) await tick();
        }
      }
      if (jobId) live.set(jobId, { done: tables.length, total, message: "search" });
      rebuildSearchIndex(conn);
      if ((conn.prepare("PRAGMA foreign_key_check").all() as unknown[]).length) throw new ImportRefused("brokenLinks");
      conn.exec("COMMIT");
    } catch (error) {
      conn.exec("ROLLBACK");
      throw error;
    } finally {
      conn.pragma("foreign_keys = ON");
    }
    if (jobId) await setJob(jobId, { status: "done", done: total, message: null, rows, finishedAt: new Date() });
    return { rows };
  } catch (error) {
    if (jobId) await setJob(jobId, { status: "failed", message: error instanceof ImportRefused ? `data.refused.${error.reason}` : "data.failed", finishedAt: new Date() });
    throw error;
  } finally {
    if (jobId) live.delete(jobId);
    conn.close();
  }
}

/** The search index from its views (docs/decisions/012), as scripts/search-index-sql.js rebuilds it. */
export function rebuildSearchIndex(conn: Database.Database) {
  const views = (conn.prepare("SELECT name FROM sqlite_master WHERE type = 'view' AND name LIKE 'search_src_%' ORDER BY name").all() as Array<{ name: string }>).map((v) => v.name);
  conn.exec('DELETE FROM "search_doc"; DELETE FROM "search_note";');
  for (const v of views) {
    conn.exec(`INSERT INTO "search_doc"("kind", "record_id", "link", "label_ja", "label_en", "date", "title", "body") SELECT kind, record_id, link, label_ja, label_en, date, title, body FROM "${v}" WHERE true ON CONFLICT DO NOTHING`);
    conn.exec(`INSERT INTO "search_note"("kind", "record_id", "note") SELECT kind, record_id, note FROM "${v}" WHERE note IS NOT NULL AND note <> '' ON CONFLICT DO NOTHING`);
  }
}

/** Starts a job in the background (not awaited: the page polls its row). */
export async function startJob(kind: "export" | "import", userId: string) {
  return db.dataJob.create({ data: { kind, createdById: userId } });
}

export function recentJobs() {
  return db.dataJob.findMany({ orderBy: { createdAt: "desc" }, take: 10, include: { createdBy: { select: { name: true } } } });
}

/** The application's own database file. */
export const currentDatabaseFile = () => databaseFile(config.databaseUrl);

/** Whether this installation holds no records (only accounts and their audit events): imports go only there. */
export function installationIsEmpty(file = currentDatabaseFile()) {
  const conn = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return nonEmptyTables(conn).length === 0;
  } finally {
    conn.close();
  }
}

/** Removes an uploaded file once read (uploads are written to the exports folder). */
export async function removeUpload(upload: File) {
  if ("getFilePath" in upload && typeof upload.getFilePath === "function") await fsp.rm(String(upload.getFilePath()), { force: true });
}
