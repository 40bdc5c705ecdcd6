// Start-up work on the database file: migrations, WAL, demo data.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { databaseFile, projectRoot } from "./database-url.js";

function run(command, args, env) {
  const result = spawnSync(command, args, { cwd: projectRoot, env: { ...process.env, ...env }, encoding: "utf8" });
  if (result.status !== 0) {
    throw new Error(`${path.basename(command)} ${args.join(" ")} failed:\n${result.stdout}\n${result.stderr}`);
  }
  return result.stdout;
}

/** Applies pending migrations (prisma migrate deploy) and switches the file to WAL. */
export function migrate(databaseUrl) {
  fs.mkdirSync(path.dirname(databaseFile(databaseUrl)), { recursive: true });
  run(path.join(projectRoot, "node_modules", ".bin", "prisma"), ["migrate", "deploy"], { DATABASE_URL: databaseUrl });
  const sqlite = new Database(databaseFile(databaseUrl));
  try {
    sqlite.pragma("journal_mode = WAL");
  } finally {
    sqlite.close();
  }
}

export function isEmpty(databaseUrl) {
  const sqlite = new Database(databaseFile(databaseUrl), { readonly: true });
  try {
    const row = sqlite.prepare('SELECT (SELECT COUNT(*) FROM "User") + (SELECT COUNT(*) FROM "Demand") AS n').get();
    return row.n === 0;
  } finally {
    sqlite.close();
  }
}

/** Loads the demo data set (prisma/demo) into an empty database. */
export function seedDemo(databaseUrl) {
  return run(process.execPath, ["--import", "tsx", path.join(projectRoot, "scripts", "seed.ts")], { DATABASE_URL: databaseUrl });
}

export function demoAccounts() {
  const file = path.join(projectRoot, "prisma", "demo", "users.json");
  return JSON.parse(fs.readFileSync(file, "utf8"));
}
