// The organisation's data as one JSON file, and back (docs/decisions/017). The export reads a
// consistent copy made with SQLite's online backup (which does not stop other users) and writes the
// file table by table, yielding between batches; the import restores such a file into an empty
// installation in one transaction. Both report their progress on a DataJob row and, live, in memory.
//
// Left out: sessions, API tokens and the jobs themselves (secrets and bookkeeping), and the search
// index (derived: rebuilt from its views after an import). Attachments' files travel in `files`.
import crypto from "node:crypto";
import fs from "node:fs";
import fsp from "node:fs/promises";
import path from "node:path";
import Database from "better-sqlite3";
import { type ExportHeader, MalformedExport, readExport, readExportHeader } from "~/models/data-export-reader.server";
import { NO_PASSWORD } from "~/utils/auth.server";
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
export async function exportData(
  jobId: string,
  { databaseFile, attachmentsDir = config.attachmentsDir, outDir = exportsDir(), signInData = false }: { databaseFile: string; attachmentsDir?: string; outDir?: string; signInData?: boolean },
) {
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
    // Progress in rows (the snapshot does not change, so its counts are exact).
    const total = tables.reduce((sum, t) => sum + (conn.prepare(`SELECT count(*) AS n FROM "${t}"`).get() as { n: number }).n, 0);
    live.set(jobId, { done: 0, total, message: null });
    await setJob(jobId, { total, fileName });
    await write(stream, `{"format":${JSON.stringify(EXPORT_FORMAT)},"version":${EXPORT_VERSION},"exportedAt":${JSON.stringify(new Date().toISOString())},"migrations":${JSON.stringify(migrations)},"signInData":${signInData},"tables":{`);
    let rows = 0;
    for (const [i, table] of tables.entries()) {
      live.set(jobId, { done: rows, total, message: table });
      await setJob(jobId, { done: rows, message: table, rows });
      const columns = (conn.prepare(`PRAGMA table_info("${table}")`).all() as Array<{ name: string }>).map((c) => c.name);
      // Without sign-in data, accounts travel without their password hashes (null in the file).
      const hidden = table === "User" && !signInData ? columns.indexOf("passwordHash") : -1;
      await write(stream, `${i ? "," : ""}\n${JSON.stringify(table)}:{"columns":${JSON.stringify(columns)},"rows":[`);
      let first = true;
      let batch: string[] = [];
      for (const row of conn.prepare(`SELECT * FROM "${table}" ORDER BY rowid`).raw().iterate() as Iterable<unknown[]>) {
        if (hidden >= 0) row[hidden] = null;
        batch.push(`${first ? "" : ","}\n${JSON.stringify(row.map(encode))}`);
        first = false;
        rows++;
        if (batch.length >= BATCH) {
          await write(stream, batch.join(""));
          batch = [];
          live.set(jobId, { done: rows, total, message: table });
          await tick();
        }
      }
      await write(stream, `${batch.join("")}]}`);
    }
    // The attachments' files, by their storage path (content-addressed: each file once).
    live.set(jobId, { done: rows, total, message: "data.phase.files" });
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

export class ImportRefused extends Error {
  constructor(public readonly reason: "notEmpty" | "badFile" | "newerVersion" | "unknownTable" | "brokenLinks") {
    super(reason);
  }
}

/** Tables other than REPLACED_ON_IMPORT that hold rows: an installation with any is not empty. */
export function nonEmptyTables(conn: Database.Database) {
  return dataTables(conn).filter((t) => !REPLACED_ON_IMPORT.includes(t) && (conn.prepare(`SELECT 1 FROM "${t}" LIMIT 1`).get() !== undefined));
}

/** Refuses a header that is not an export's or comes from a newer version (or, given the database's migrations, a newer schema). */
export function checkHeader(header: ExportHeader, migrations?: string[]) {
  if (header.format !== EXPORT_FORMAT || !Array.isArray(header.migrations)) throw new ImportRefused("badFile");
  if (typeof header.version !== "number" || header.version > EXPORT_VERSION) throw new ImportRefused("newerVersion");
  if (migrations && header.migrations.some((m) => !migrations.includes(String(m)))) throw new ImportRefused("newerVersion");
}

/** Checks the beginning of a file (its header) before an import is started: refusals go beside the file field. */
export async function checkExportFile(file: string) {
  try {
    checkHeader(await readExportHeader(file));
  } catch (error) {
    if (error instanceof MalformedExport) throw new ImportRefused("badFile");
    throw error;
  }
}

/** The events of an export file, with a malformed file refused as "badFile". */
async function* eventsOf(file: string) {
  try {
    yield* readExport(file, { batch: BATCH });
  } catch (error) {
    if (error instanceof MalformedExport) throw new ImportRefused("badFile");
    throw error;
  }
}

/**
 * Restores an export file into the database file, which must be empty but for its accounts and their
 * audit events (replaced by the file's). The file is streamed twice, never held in memory: a first
 * pass checks all of it (shape, version, tables and columns, attached files' paths) and counts its
 * rows; the second inserts them in batches in one transaction (BEGIN IMMEDIATE … COMMIT on this one
 * connection), checks the foreign keys and rebuilds the search index: all or nothing.
 */
export async function importData(
  jobId: string | null,
  exportFile: string,
  { databaseFile, attachmentsDir = config.attachmentsDir, keepUserId = null }: { databaseFile: string; attachmentsDir?: string; keepUserId?: string | null },
) {
  const conn = new Database(databaseFile, { fileMustExist: true });
  conn.pragma("busy_timeout = 10000");
  const progress = (done: number, total: number, message: string | null) => {
    if (jobId) live.set(jobId, { done, total, message });
  };
  try {
    const known = dataTables(conn);
    const migrations = (conn.prepare("SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL").all() as Array<{ migration_name: string }>).map((m) => m.migration_name);
    if (nonEmptyTables(conn).length) throw new ImportRefused("notEmpty");
    const columnsOf = new Map(known.map((t) => [t, (conn.prepare(`PRAGMA table_info("${t}")`).all() as Array<{ name: string }>).map((c) => c.name)]));
    // The administrator running the import: kept, unless the file has an account with the same email,
    // which then takes their place (their sessions, and their password if the file has none).
    const keeper = keepUserId ? (conn.prepare('SELECT "id", "email", "passwordHash" FROM "User" WHERE "id" = ?').get(keepUserId) as { id: string; email: string; passwordHash: string } | undefined) : undefined;
    let heir: string | null = null;
    let userColumns: string[] = [];
    const resolveFile = (storagePath: string) => {
      const full = path.resolve(attachmentsDir, storagePath);
      if (!full.startsWith(path.resolve(attachmentsDir) + path.sep)) throw new ImportRefused("badFile");
      return full;
    };

    // First pass: check everything that can be told before writing, and count the rows.
    progress(0, 0, "data.phase.checking");
    let total = 0;
    let sawHeader = false;
    for await (const event of eventsOf(exportFile)) {
      if (event.kind === "header") {
        checkHeader(event.header, migrations);
        sawHeader = true;
      } else if (event.kind === "table") {
        // A table an older version had and this one dropped: its rows are skipped.
        if (DROPPED_TABLES.has(event.table)) continue;
        const actual = columnsOf.get(event.table);
        if (!actual) throw new ImportRefused("unknownTable");
        if (event.columns.some((c) => !actual.includes(c))) throw new ImportRefused("badFile");
        if (event.table === "User") userColumns = event.columns;
      } else if (event.kind === "rows") {
        if (DROPPED_TABLES.has(event.table)) continue;
        total += event.rows.length;
        if (event.table === "User" && keeper) {
          const email = userColumns.indexOf("email");
          const id = userColumns.indexOf("id");
          // The same email, or (however unlikely) the same id: the same account.
          const same = event.rows.find((r) => String(r[email]).toLowerCase() === keeper.email.toLowerCase() || r[id] === keeper.id);
          if (same) heir = String(same[id]);
        }
        progress(0, total, "data.phase.checking");
      } else resolveFile(event.path);
    }
    if (!sawHeader) throw new ImportRefused("badFile");
    if (jobId) await setJob(jobId, { total, done: 0, message: null });

    // Second pass: write.
    let rows = 0;
    progress(0, total, null);
    conn.pragma("foreign_keys = OFF");
    conn.exec("BEGIN IMMEDIATE");
    try {
      // The accounts (and what hangs from them) of the installation give way to the file's — but for the
      // administrator running the import, whose account stays (when the file has none with their email),
      // with their sessions, so that they are not locked out of the installation they are restoring.
      const kept = keeper?.id ?? "";
      conn.prepare('DELETE FROM "Session" WHERE "userId" <> ?').run(kept);
      conn.prepare('DELETE FROM "ApiToken" WHERE "userId" <> ?').run(heir ? "" : kept);
      conn.prepare('UPDATE "DataJob" SET "createdById" = NULL WHERE "createdById" <> ?').run(kept);
      conn.exec('DELETE FROM "AuditEvent"');
      conn.prepare('DELETE FROM "User" WHERE "id" <> ?').run(heir ? "" : kept);
      let insert: Database.Statement | null = null;
      let hashAt = -1;
      for await (const event of eventsOf(exportFile)) {
        if (event.kind === "table") {
          const { table, columns } = event;
          if (DROPPED_TABLES.has(table)) {
            insert = null;
            continue;
          }
          insert = conn.prepare(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`);
          hashAt = table === "User" ? columns.indexOf("passwordHash") : -1;
          progress(rows, total, table);
        } else if (event.kind === "rows" && insert) {
          for (const row of event.rows) {
            const values = row.map(decode);
            // An account exported without sign-in data: no password until an administrator sets one.
            if (hashAt >= 0 && values[hashAt] === null) values[hashAt] = NO_PASSWORD;
            insert.run(values);
          }
          rows += event.rows.length;
          progress(rows, total, event.table);
          await tick();
        } else if (event.kind === "file") {
          // Content-addressed: a file that is already there is the same file.
          const full = resolveFile(event.path);
          await fsp.mkdir(path.dirname(full), { recursive: true });
          if (!fs.existsSync(full)) await fsp.writeFile(full, Buffer.from(event.base64, "base64"));
        }
      }
      if (keeper && heir) {
        // The file's account with the administrator's email is theirs: it takes over their sessions and
        // jobs, and their password when the file carries none.
        conn.prepare('UPDATE "Session" SET "userId" = ? WHERE "userId" = ?').run(heir, keeper.id);
        conn.prepare('UPDATE "DataJob" SET "createdById" = ? WHERE "createdById" = ?').run(heir, keeper.id);
        conn.prepare('UPDATE "User" SET "passwordHash" = ? WHERE "id" = ? AND "passwordHash" = ?').run(keeper.passwordHash, heir, NO_PASSWORD);
      }
      progress(rows, total, "data.phase.search");
      rebuildSearchIndex(conn);
      if ((conn.prepare("PRAGMA foreign_key_check").all() as unknown[]).length) throw new ImportRefused("brokenLinks");
      conn.exec("COMMIT");
    } catch (error) {
      conn.exec("ROLLBACK");
      throw error;
    } finally {
      conn.pragma("foreign_keys = ON");
    }
    if (jobId) await setJob(jobId, { status: "done", done: total, total, message: null, rows, finishedAt: new Date() });
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

// This server process, written on the jobs it runs. Kept on globalThis so that the development
// server's reloads of the app's modules do not take it for another process.
const processHolder = globalThis as unknown as { __dataJobProcessId?: string };
export const PROCESS_ID = (processHolder.__dataJobProcessId ??= crypto.randomUUID());

/** Starts a job in the background (not awaited: the page polls its row). */
export async function startJob(kind: "export" | "import", userId: string, uploadName?: string) {
  // An import's fileName is its upload in the exports folder (removed when the import ends, or here when interrupted).
  return db.dataJob.create({ data: { kind, createdById: userId, processId: PROCESS_ID, fileName: uploadName } });
}

/**
 * Jobs left "running" by another server process (stopped or restarted before they ended) become
 * "interrupted": nothing resumes them. An interrupted import changed nothing (its transaction was never
 * committed, and SQLite rolls it back); an interrupted export leaves no file (its parts are removed here).
 */
export async function markInterruptedJobs(outDir = exportsDir()) {
  const stale = await db.dataJob.findMany({ where: { status: "running", OR: [{ processId: null }, { processId: { not: PROCESS_ID } }] }, select: { id: true, kind: true, fileName: true } });
  if (!stale.length) return 0;
  const { count } = await db.dataJob.updateMany({ where: { id: { in: stale.map((j) => j.id) }, status: "running" }, data: { status: "interrupted", message: "data.interrupted", finishedAt: new Date() } });
  for (const job of stale) {
    await fsp.rm(path.join(outDir, `.${job.id}.snapshot.db`), { force: true });
    if (job.fileName) await fsp.rm(path.join(outDir, job.kind === "import" ? path.basename(job.fileName) : `${path.basename(job.fileName)}.part`), { force: true });
  }
  return count;
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

/** Where an upload was written (uploads go to the exports folder as files, never into memory). */
export function uploadPath(upload: File) {
  return "getFilePath" in upload && typeof upload.getFilePath === "function" ? String(upload.getFilePath()) : null;
}

/** Removes an uploaded file. */
export async function removeUpload(file: string) {
  await fsp.rm(file, { force: true });
}
