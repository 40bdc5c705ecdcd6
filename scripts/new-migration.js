// Creates prisma/migrations/<timestamp>_<name>/migration.sql from the difference between the
// committed migrations and prisma/schema.prisma. Used instead of `prisma migrate dev`, which hangs
// and fails on a new database with the WASM engine (docs/decisions/001-stack.md).
// Usage: npm run db:new-migration -- <name>
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { projectRoot } from "../server/database-url.js";
import { aroundSearchIndex, dropsTables, searchObjects, withoutSearchDrops } from "./search-index-sql.js";

const name = (process.argv[2] ?? "").replace(/[^a-z0-9_]/gi, "_").toLowerCase();
if (!name) {
  console.error("Usage: npm run db:new-migration -- <name>");
  process.exit(1);
}
const migrationsDir = path.join(projectRoot, "prisma", "migrations");
const hasMigrations = fs.existsSync(migrationsDir) && fs.readdirSync(migrationsDir).some((d) => /^\d/.test(d));
const from = hasMigrations ? ["--from-migrations", migrationsDir] : ["--from-empty"];
const diff = execFileSync(
  path.join(projectRoot, "node_modules", ".bin", "prisma"),
  ["migrate", "diff", ...from, "--to-schema-datamodel", "prisma/schema.prisma", "--script"],
  { cwd: projectRoot, encoding: "utf8", env: { ...process.env, DATABASE_URL: `file:${path.join(os.tmpdir(), "migration-scratch.db")}` } },
);
// Prisma does not know the search index (docs/decisions/012): never drop it, and keep it through redefined tables.
const kept = withoutSearchDrops(diff);
if (!/\b(CREATE|ALTER|DROP)\b/.test(kept)) {
  console.log("The schema matches the migrations: nothing to do.");
  process.exit(0);
}
const sql = dropsTables(kept) ? aroundSearchIndex(kept, searchObjects(projectRoot)) : kept;
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = path.join(migrationsDir, `${stamp}_${name}`);
fs.mkdirSync(dir, { recursive: true });
fs.writeFileSync(path.join(dir, "migration.sql"), sql);
if (!fs.existsSync(path.join(migrationsDir, "migration_lock.toml"))) {
  fs.writeFileSync(path.join(migrationsDir, "migration_lock.toml"), 'provider = "sqlite"\n');
}
console.log(`Wrote ${path.relative(projectRoot, dir)}/migration.sql`);
