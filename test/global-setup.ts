// Builds two template databases once per run: migrated and empty, and migrated with the demo
// data. Each test file then works on its own copy (test/setup-db.ts).
import fs from "node:fs";
import { migrate, seedDemo } from "../server/database.js";
import { demoTemplate, emptyTemplate, tmpDir } from "./paths";

export default function setup() {
  fs.rmSync(tmpDir, { recursive: true, force: true });
  fs.mkdirSync(tmpDir, { recursive: true });
  migrate(`file:${emptyTemplate}`);
  fs.copyFileSync(emptyTemplate, demoTemplate);
  seedDemo(`file:${demoTemplate}`);
  for (const file of [emptyTemplate, demoTemplate]) {
    for (const suffix of ["-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
  }
}
