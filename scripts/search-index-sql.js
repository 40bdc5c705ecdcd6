// Keeps Prisma's migration diffs away from the full-text search index (docs/decisions/012). Prisma does
// not know the index's tables, views and triggers (prisma/migrations/*_search_index): its diff proposes
// to drop the tables, and a table it redefines (create new_X, copy, DROP TABLE X, rename) loses its
// triggers and breaks the rename, since SQLite checks the views that read X. This module removes the
// proposed drops and, around a migration that drops or redefines a table, drops the search views and
// triggers first and creates them again afterwards (as the committed migrations define them), then
// rebuilds the index from the views.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";

const SEARCH = /^search_/;

/** The diff without Prisma's proposals to drop the search tables (and FTS5's shadow tables). */
export function withoutSearchDrops(sql) {
  return sql
    .replace(/-- DropIndex\r?\nDROP INDEX "search_[^"]*";\r?\n*/g, "")
    .replace(/-- DropTable\r?\nPRAGMA foreign_keys=off;\r?\nDROP TABLE "search_[^"]*";\r?\nPRAGMA foreign_keys=on;\r?\n*/g, "");
}

/** True when the migration drops or redefines a table (whose triggers and views would break). */
export function dropsTables(sql) {
  return /\bDROP TABLE\b/i.test(sql);
}

/** The search views and triggers as the committed migrations leave them, read from a database migrated in a scratch folder. */
export function searchObjects(projectRoot) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "search-schema-"));
  const file = path.join(dir, "schema.db");
  try {
    execFileSync(path.join(projectRoot, "node_modules", ".bin", "prisma"), ["migrate", "deploy"], {
      cwd: projectRoot,
      stdio: "ignore",
      env: { ...process.env, DATABASE_URL: `file:${file}` },
    });
    const db = new Database(file, { readonly: true });
    try {
      const rows = db.prepare("SELECT type, name, sql FROM sqlite_master WHERE type IN ('view', 'trigger') AND sql IS NOT NULL ORDER BY type DESC, rowid").all();
      return rows.filter((r) => SEARCH.test(r.name));
    } finally {
      db.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Wraps a migration that drops or redefines tables so that the search index survives it. */
export function aroundSearchIndex(sql, objects) {
  if (objects.length === 0 || !dropsTables(sql)) return sql;
  const views = objects.filter((o) => o.type === "view");
  const drop = objects.map((o) => `DROP ${o.type.toUpperCase()} IF EXISTS "${o.name}";`).join("\n");
  const create = objects.map((o) => `${o.sql};`).join("\n");
  const rebuild = [
    'DELETE FROM "search_doc";',
    'DELETE FROM "search_note";',
    ...views.flatMap((v) => [
      `INSERT INTO "search_doc"("kind", "record_id", "link", "label_ja", "label_en", "date", "title", "body") SELECT kind, record_id, link, label_ja, label_en, date, title, body FROM "${v.name}";`,
      `INSERT INTO "search_note"("kind", "record_id", "note") SELECT kind, record_id, note FROM "${v.name}" WHERE note IS NOT NULL AND note <> '';`,
    ]),
  ].join("\n");
  return [
    "-- The search index's views and triggers are set aside while tables are redefined (scripts/search-index-sql.js).",
    drop,
    "",
    sql.trim(),
    "",
    "-- The search index again, as the earlier migrations define it, rebuilt from the records.",
    create,
    rebuild,
    "",
  ].join("\n");
}
