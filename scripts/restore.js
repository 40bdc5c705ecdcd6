// npm run restore -- <backup folder>: checks the backup, keeps the current database beside it, then restores.
import path from "node:path";
import { restoreBackup } from "../server/backup.js";
import { config } from "../server/config.js";

const dir = process.argv[2];
if (!dir) {
  console.error("Usage: npm run restore -- <backup folder>   (the folders are under " + config.backupDir + ")");
  process.exit(2);
}
try {
  const { manifest, keptAs, attachmentsAdded } = await restoreBackup({ dir: path.resolve(dir), databaseUrl: config.databaseUrl, attachmentsDir: config.attachmentsDir });
  console.log(`Restored the backup of ${manifest.createdAt} into ${config.databaseUrl.slice("file:".length)}`);
  if (keptAs) console.log(`  the database it replaced is kept at ${keptAs}`);
  console.log(`  ${attachmentsAdded} attachment files added; restart the app to apply any newer migrations`);
} catch (error) {
  console.error(`Restore refused: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
