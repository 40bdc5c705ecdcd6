// The full JSON export and its import: the demo data, exported and imported into a fresh
// installation, comes back identical in every table, row by row; an installation with data refuses.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { dataTables, exportData, ImportRefused, importData, NOT_EXPORTED, parseExport } from "~/models/data-export.server";
import { storeAttachmentBytes } from "~/utils/attachments.server";
import { db } from "~/utils/db.server";
import { databaseFile, resolveDatabaseUrl } from "../../server/database-url.js";
import { runPaths } from "../paths";

const { runDir, emptyTemplate } = runPaths(inject("testRunDir"));
const work = path.join(runDir, `export-${crypto.randomUUID()}`);
const source = databaseFile(resolveDatabaseUrl(process.env.DATABASE_URL));
let exported: { fileName: string; rows: number };

const open = (file: string) => new Database(file, { readonly: true, fileMustExist: true });
const rowsOf = (conn: Database.Database, table: string) => conn.prepare(`SELECT * FROM "${table}" ORDER BY rowid`).all();

beforeAll(async () => {
  fs.mkdirSync(work, { recursive: true });
  // A file attached to an outcome, so that files travel too.
  const bytes = new TextEncoder().encode("%PDF-1.4\n% export round trip\n");
  const sha256 = crypto.createHash("sha256").update(bytes).digest("hex");
  const outcome = await db.outcome.findFirstOrThrow({ where: { deletedAt: null } });
  await db.attachment.create({ data: { fileName: "往復.pdf", contentType: "application/pdf", size: bytes.byteLength, sha256, storagePath: await storeAttachmentBytes(sha256, bytes), outcomeId: outcome.id } });
  const admin = await db.user.findFirstOrThrow({ where: { role: "admin" } });
  const job = await db.dataJob.create({ data: { kind: "export", createdById: admin.id } });
  exported = await exportData(job.id, { databaseFile: source, outDir: work });
  const row = await db.dataJob.findUniqueOrThrow({ where: { id: job.id } });
  expect(row).toMatchObject({ status: "done", fileName: exported.fileName, rows: exported.rows });
  expect(row.done).toBe(row.total);
});

afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe("export then import", () => {
  it("restores every table row by row into an empty installation, the files and the search index too", async () => {
    const text = fs.readFileSync(path.join(work, exported.fileName), "utf8");
    const file = parseExport(text);
    expect(Object.keys(file.tables)).not.toContain("Session");
    expect(Object.keys(file.tables)).not.toContain("ApiToken");
    expect(Object.keys(file.files ?? {})).toHaveLength(1);

    const target = path.join(work, "fresh.db");
    fs.copyFileSync(emptyTemplate, target);
    const filesDir = path.join(work, "attachments");
    const { rows } = await importData(null, file, { databaseFile: target, attachmentsDir: filesDir });
    expect(rows).toBe(exported.rows);

    const a = open(source);
    const b = open(target);
    try {
      const tables = dataTables(a);
      expect(tables.length).toBeGreaterThan(30);
      expect(dataTables(b)).toEqual(tables);
      let compared = 0;
      for (const table of tables) {
        const before = rowsOf(a, table);
        expect(rowsOf(b, table), `table ${table}`).toEqual(before);
        compared += before.length;
      }
      expect(compared).toBe(exported.rows);
      expect(compared).toBeGreaterThan(400);
      // Left out on purpose: sessions and tokens never leave the installation.
      for (const t of NOT_EXPORTED) if (t !== "_prisma_migrations" && t !== "DataJob") expect(rowsOf(b, t), t).toEqual([]);
      // The search index, rebuilt, finds the same records with the same words.
      const docs = (c: Database.Database) => c.prepare('SELECT "kind", "record_id", "title", "body" FROM "search_doc" ORDER BY "kind", "record_id"').all();
      expect(docs(b)).toEqual(docs(a));
      const hits = (c: Database.Database) => c.prepare(`SELECT count(*) AS n FROM "search_fts" WHERE "search_fts" MATCH '"研修生"'`).get();
      expect(hits(b)).toEqual(hits(a));
      // The attachment's bytes.
      const attachment = b.prepare('SELECT "storagePath", "sha256" FROM "Attachment"').get() as { storagePath: string; sha256: string };
      const bytes = fs.readFileSync(path.join(filesDir, attachment.storagePath));
      expect(crypto.createHash("sha256").update(bytes).digest("hex")).toBe(attachment.sha256);
    } finally {
      a.close();
      b.close();
    }
  });

  it("refuses an installation that already holds data, and changes nothing", async () => {
    const file = parseExport(fs.readFileSync(path.join(work, exported.fileName), "utf8"));
    const target = path.join(work, "busy.db");
    fs.copyFileSync(source, target);
    const before = fs.readFileSync(target);
    await expect(importData(null, file, { databaseFile: target, attachmentsDir: path.join(work, "a2") })).rejects.toEqual(new ImportRefused("notEmpty"));
    expect(fs.readFileSync(target).equals(before)).toBe(true);
  });

  it("imports an export made before MembershipCount was dropped, skipping that table's rows; any other unknown table is refused", async () => {
    const file = parseExport(fs.readFileSync(path.join(work, exported.fileName), "utf8"));
    expect(Object.keys(file.tables)).not.toContain("MembershipCount");
    const older = {
      ...file,
      migrations: file.migrations.filter((m) => !m.endsWith("_drop_membership_count")),
      tables: { ...file.tables, MembershipCount: { columns: ["id", "year", "category", "count", "units"], rows: [["mc1", 2007, "individual_member", 302, 313]] } },
    };
    const target = path.join(work, "older.db");
    fs.copyFileSync(emptyTemplate, target);
    const { rows } = await importData(null, older, { databaseFile: target, attachmentsDir: path.join(work, "a3") });
    expect(rows).toBe(exported.rows);
    const b = open(target);
    try {
      expect(b.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'MembershipCount'").get()).toEqual({ n: 0 });
      expect(rowsOf(b, "MembershipFigure")).toHaveLength(file.tables.MembershipFigure.rows.length);
    } finally {
      b.close();
    }
    const strange = { ...file, tables: { ...file.tables, Mystery: { columns: ["id"], rows: [["x"]] } } };
    const other = path.join(work, "strange.db");
    fs.copyFileSync(emptyTemplate, other);
    await expect(importData(null, strange, { databaseFile: other, attachmentsDir: path.join(work, "a4") })).rejects.toEqual(new ImportRefused("unknownTable"));
  });

  it("refuses a file that is not an export", () => {
    expect(() => parseExport("{}")).toThrow(ImportRefused);
    expect(() => parseExport("not json")).toThrow(ImportRefused);
    expect(() => parseExport(JSON.stringify({ format: "advocacy-tracker-export", version: 99, migrations: [], tables: {} }))).toThrow(new ImportRefused("newerVersion"));
  });
});

describe("/admin/data", () => {
  it("refuses an import into this installation (it holds records) with the reason by the file field", async () => {
    const { action } = await import("~/routes/admin.data._index");
    const { sessionCookie, args, payload, statusOf } = await import("../request");
    const form = new FormData();
    form.append("intent", "import");
    form.append("file", new File([fs.readFileSync(path.join(work, exported.fileName))], "export.json", { type: "application/json" }));
    const request = new Request("http://localhost/admin/data", { method: "POST", body: form, headers: { Cookie: await sessionCookie("admin") } });
    const result = await action(args(request));
    expect(statusOf(result)).toBe(400);
    expect(payload(result).result).toMatchObject({ error: { file: ["data.refused.notEmpty"] } });
  });
});
