// npm run backup [-- <folder>]: a consistent copy of the database and attachments, safe while the app runs.
import path from "node:path";
import { createBackup } from "../server/backup.js";
import { config } from "../server/config.js";

const outDir = process.argv[2] ? path.resolve(process.argv[2]) : config.backupDir;
try {
  const { dir, manifest } = await createBackup({ databaseUrl: config.databaseUrl, attachmentsDir: config.attachmentsDir, outDir });
  const counts = Object.entries(manifest.counts)
    .map(([table, n]) => `${table} ${n}`)
    .join(", ");
  console.log(`Backup written to ${dir}`);
  console.log(`  ${manifest.database.bytes} bytes of database (sha256 ${manifest.database.sha256.slice(0, 12)}…), ${manifest.attachments} attachment files`);
  console.log(`  ${counts}`);
} catch (error) {
  console.error(`Backup failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
