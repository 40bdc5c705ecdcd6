// The full JSON export and its import: the demo data, exported and imported into a fresh
// installation, comes back identical in every table, row by row; an installation with data refuses.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { checkExportFile, dataTables, exportData, exportsDir as exportsDirOf, ImportRefused, importData, NOT_EXPORTED } from "~/models/data-export.server";
import { storeAttachmentBytes } from "~/utils/attachments.server";
import { NO_PASSWORD, verifySignIn } from "~/utils/auth.server";
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
  // With the sign-in data: the lossless round trip.
  exported = await exportData(job.id, { databaseFile: source, outDir: work, signInData: true });
  const row = await db.dataJob.findUniqueOrThrow({ where: { id: job.id } });
  expect(row).toMatchObject({ status: "done", fileName: exported.fileName, rows: exported.rows });
  expect(row.done).toBe(row.total);
});

afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe("export then import", () => {
  it("restores every table row by row into an empty installation, the files and the search index too", async () => {
    const exportFile = path.join(work, exported.fileName);
    const file = JSON.parse(fs.readFileSync(exportFile, "utf8")) as { tables: Record<string, unknown>; files?: Record<string, string> };
    expect(Object.keys(file.tables)).not.toContain("Session");
    expect(Object.keys(file.tables)).not.toContain("ApiToken");
    expect(Object.keys(file.files ?? {})).toHaveLength(1);

    const target = path.join(work, "fresh.db");
    fs.copyFileSync(emptyTemplate, target);
    const filesDir = path.join(work, "attachments");
    const { rows } = await importData(null, exportFile, { databaseFile: target, attachmentsDir: filesDir });
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
    const file = path.join(work, exported.fileName);
    const target = path.join(work, "busy.db");
    fs.copyFileSync(source, target);
    const before = fs.readFileSync(target);
    await expect(importData(null, file, { databaseFile: target, attachmentsDir: path.join(work, "a2") })).rejects.toEqual(new ImportRefused("notEmpty"));
    expect(fs.readFileSync(target).equals(before)).toBe(true);
  });

  it("imports an export made before MembershipCount was dropped, skipping that table's rows", async () => {
    const parsed = JSON.parse(fs.readFileSync(path.join(work, exported.fileName), "utf8")) as { migrations: string[]; tables: Record<string, { columns: string[]; rows: unknown[][] }> };
    expect(Object.keys(parsed.tables)).not.toContain("MembershipCount");
    const older = {
      ...parsed,
      migrations: parsed.migrations.filter((m) => !m.endsWith("_drop_membership_count")),
      tables: { ...parsed.tables, MembershipCount: { columns: ["id", "year", "category", "count", "units"], rows: [["mc1", 2007, "individual_member", 302, 313]] } },
    };
    const file = path.join(work, "older.json");
    fs.writeFileSync(file, JSON.stringify(older));
    const target = path.join(work, "older.db");
    fs.copyFileSync(emptyTemplate, target);
    const { rows } = await importData(null, file, { databaseFile: target, attachmentsDir: path.join(work, "files-older") });
    expect(rows).toBe(exported.rows);
    const b = open(target);
    try {
      expect(b.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'MembershipCount'").get()).toEqual({ n: 0 });
      expect(rowsOf(b, "MembershipFigure")).toHaveLength(parsed.tables.MembershipFigure.rows.length);
    } finally {
      b.close();
    }
  });

  it("refuses a file that is not an export, from its header", async () => {
    const write = (name: string, text: string) => {
      fs.writeFileSync(path.join(work, name), text);
      return path.join(work, name);
    };
    await expect(checkExportFile(write("empty-object.json", "{}"))).rejects.toEqual(new ImportRefused("badFile"));
    await expect(checkExportFile(write("not-json.json", "not json"))).rejects.toEqual(new ImportRefused("badFile"));
    await expect(checkExportFile(write("newer.json", JSON.stringify({ format: "advocacy-tracker-export", version: 99, migrations: [], tables: {} })))).rejects.toEqual(new ImportRefused("newerVersion"));
    await expect(checkExportFile(path.join(work, exported.fileName))).resolves.toBeUndefined();
  });

  it("refuses, changing nothing, a file that is damaged past its header, from a newer schema, or with an unknown table", async () => {
    const good = fs.readFileSync(path.join(work, exported.fileName), "utf8");
    const parsed = JSON.parse(good) as { migrations: string[]; tables: Record<string, { columns: string[]; rows: unknown[][] }> };
    const variants: Array<[string, string, string]> = [
      ["truncated", good.slice(0, Math.floor(good.length * 0.7)), "badFile"],
      ["short-row", JSON.stringify({ ...parsed, tables: { ...parsed.tables, Theme: { ...parsed.tables.Theme, rows: [["only-one-value"]] } } }), "badFile"],
      ["unknown-column", JSON.stringify({ ...parsed, tables: { ...parsed.tables, Theme: { columns: [...parsed.tables.Theme.columns, "nope"], rows: [] } } }), "badFile"],
      ["unknown-table", JSON.stringify({ ...parsed, tables: { ...parsed.tables, Nope: { columns: ["id"], rows: [["x"]] } } }), "unknownTable"],
      ["newer-schema", JSON.stringify({ ...parsed, migrations: [...parsed.migrations, "29991231000000_future"] }), "newerVersion"],
      ["broken-links", JSON.stringify({ ...parsed, tables: { ...parsed.tables, Body: { ...parsed.tables.Body, rows: [] } } }), "brokenLinks"],
    ];
    for (const [name, text, reason] of variants) {
      const file = path.join(work, `${name}.json`);
      fs.writeFileSync(file, text);
      const target = path.join(work, `${name}.db`);
      fs.copyFileSync(emptyTemplate, target);
      const before = open(target);
      const usersBefore = rowsOf(before, "User");
      before.close();
      await expect(importData(null, file, { databaseFile: target, attachmentsDir: path.join(work, `files-${name}`) }), name).rejects.toEqual(new ImportRefused(reason as ImportRefused["reason"]));
      const after = open(target);
      try {
        expect(rowsOf(after, "User"), name).toEqual(usersBefore);
        expect(rowsOf(after, "Demand"), name).toEqual([]);
      } finally {
        after.close();
      }
    }
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

describe("sign-in data", () => {
  /** An empty installation whose administrator (not in the file, or with the file's admin's email) is signed in. */
  function installationWithAdmin(name: string, email: string) {
    const target = path.join(work, `${name}.db`);
    fs.copyFileSync(emptyTemplate, target);
    const conn = new Database(target);
    conn.prepare('INSERT INTO "User" ("id", "email", "name", "passwordHash", "role", "updatedAt") VALUES (?, ?, ?, ?, ?, ?)').run("restorer", email, "Restorer", "$2b$10$restorersownhashrestorersownhashrestorersownhashres", "admin", Date.now());
    conn.prepare('INSERT INTO "Session" ("id", "userId", "expiresAt") VALUES (?, ?, ?)').run("restorer-session", "restorer", Date.now() + 86_400_000);
    conn.close();
    return target;
  }
  let withoutHashes: string;

  beforeAll(async () => {
    const admin = await db.user.findFirstOrThrow({ where: { role: "admin" } });
    const job = await db.dataJob.create({ data: { kind: "export", createdById: admin.id } });
    withoutHashes = path.join(work, (await exportData(job.id, { databaseFile: source, outDir: work })).fileName);
  });

  it("are left out of an export by default, and in only when asked for", () => {
    type File = { signInData: boolean; tables: { User: { columns: string[]; rows: unknown[][] } } };
    const hashesOf = (f: File) => f.tables.User.rows.map((r) => r[f.tables.User.columns.indexOf("passwordHash")]);
    const without = JSON.parse(fs.readFileSync(withoutHashes, "utf8")) as File;
    expect(without.signInData).toBe(false);
    expect(without.tables.User.rows.length).toBeGreaterThan(2);
    expect(hashesOf(without).every((h) => h === null)).toBe(true);
    const withHashes = JSON.parse(fs.readFileSync(path.join(work, exported.fileName), "utf8")) as File;
    expect(withHashes.signInData).toBe(true);
    expect(hashesOf(withHashes).every((h) => typeof h === "string" && h.startsWith("$2"))).toBe(true);
  });

  it("without them, accounts come back with no password; the administrator who imports keeps their account and session", async () => {
    const target = installationWithAdmin("keeps-admin", "restorer@example.org");
    await importData(null, withoutHashes, { databaseFile: target, attachmentsDir: path.join(work, "files-keep"), keepUserId: "restorer" });
    const conn = open(target);
    try {
      const users = conn.prepare('SELECT "id", "email", "passwordHash" FROM "User" ORDER BY "email"').all() as Array<{ id: string; email: string; passwordHash: string }>;
      const restorer = users.find((u) => u.id === "restorer");
      expect(restorer).toMatchObject({ email: "restorer@example.org", passwordHash: "$2b$10$restorersownhashrestorersownhashrestorersownhashres" });
      const restored = users.filter((u) => u.id !== "restorer");
      expect(restored.map((u) => u.email)).toContain("admin@example.org");
      expect(restored.every((u) => u.passwordHash === NO_PASSWORD)).toBe(true);
      expect(conn.prepare('SELECT "userId" FROM "Session"').all()).toEqual([{ userId: "restorer" }]);
    } finally {
      conn.close();
    }
  });

  it("an account of the file with the importing administrator's email becomes theirs: their session, and their password when the file has none", async () => {
    const target = installationWithAdmin("same-email", "Admin@example.org");
    await importData(null, withoutHashes, { databaseFile: target, attachmentsDir: path.join(work, "files-same"), keepUserId: "restorer" });
    const conn = open(target);
    try {
      expect(conn.prepare('SELECT 1 FROM "User" WHERE "id" = ?').get("restorer")).toBeUndefined();
      const theirs = conn.prepare('SELECT "id", "role", "passwordHash" FROM "User" WHERE "email" = ?').get("admin@example.org") as { id: string; role: string; passwordHash: string };
      expect(theirs).toMatchObject({ role: "admin", passwordHash: "$2b$10$restorersownhashrestorersownhashrestorersownhashres" });
      expect(conn.prepare('SELECT "userId" FROM "Session"').all()).toEqual([{ userId: theirs.id }]);
    } finally {
      conn.close();
    }
  });

  it("an account without a password is refused at sign-in with a message to ask an administrator", async () => {
    const user = await db.user.create({ data: { email: "restored@example.org", name: "Restored", passwordHash: NO_PASSWORD, role: "staff" } });
    try {
      expect(await verifySignIn("restored@example.org", "")).toEqual({ ok: false, reason: "noPassword" });
      expect(await verifySignIn("restored@example.org", "anything at all")).toEqual({ ok: false, reason: "noPassword" });
      const { action } = await import("~/routes/login");
      const { args, payload, statusOf } = await import("../request");
      const result = await action(args(new Request("http://localhost/login", { method: "POST", body: new URLSearchParams({ email: "restored@example.org", password: "x", redirectTo: "/" }) })));
      expect(statusOf(result)).toBe(400);
      expect(payload(result).result?.error?.[""]).toEqual(["error.signInNoPassword"]);
      expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).failedLogins).toBe(0);
    } finally {
      await db.user.delete({ where: { id: user.id } });
    }
  });
});

describe("a job interrupted by a restart", () => {
  it("is shown as interrupted when another server process left it running; this process's own job stays running", async () => {
    const { loader } = await import("~/routes/admin.data._index");
    const { PROCESS_ID } = await import("~/models/data-export.server");
    const { makeRequest, args, payload } = await import("../request");
    const admin = await db.user.findFirstOrThrow({ where: { role: "admin" } });
    const stale = await db.dataJob.create({ data: { kind: "export", createdById: admin.id, processId: "a-process-that-stopped", fileName: "tracker-export-stale.json" } });
    const old = await db.dataJob.create({ data: { kind: "import", createdById: admin.id, processId: null } });
    const mine = await db.dataJob.create({ data: { kind: "import", createdById: admin.id, processId: PROCESS_ID } });
    // The stopped export's part file is removed.
    const part = path.join(exportsDirOf(), "tracker-export-stale.json.part");
    fs.mkdirSync(path.dirname(part), { recursive: true });
    fs.writeFileSync(part, "{");
    try {
      const result = await loader(args(await makeRequest("/admin/data", { role: "admin" })));
      const jobs = payload(result).jobs as Array<{ id: string; status: string; message: string | null; finishedAt: Date | null }>;
      expect(jobs.find((j) => j.id === stale.id)).toMatchObject({ status: "interrupted", message: "data.interrupted" });
      expect(jobs.find((j) => j.id === stale.id)?.finishedAt).toBeTruthy();
      expect(jobs.find((j) => j.id === old.id)).toMatchObject({ status: "interrupted" });
      expect(jobs.find((j) => j.id === mine.id)).toMatchObject({ status: "running" });
      expect(fs.existsSync(part)).toBe(false);
      expect(await db.dataJob.findUniqueOrThrow({ where: { id: mine.id } })).toMatchObject({ status: "running", finishedAt: null });
    } finally {
      await db.dataJob.deleteMany({ where: { id: { in: [stale.id, old.id, mine.id] } } });
    }
  });
});
