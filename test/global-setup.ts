// Builds two template databases once per run, in a folder of this run's own (so that two runs at
// once do not clear each other's files): migrated and empty, and migrated with the demo data.
// Each test file then works on its own copy (test/setup-db.ts).
import fs from "node:fs";
import path from "node:path";
import { type TestProject } from "vitest/node";
import { migrate, seedDemo } from "../server/database.js";
import { runPaths, tmpRoot } from "./paths";

declare module "vitest" {
  export interface ProvidedContext {
    testRunDir: string;
  }
}

export default function setup(project: TestProject) {
  fs.mkdirSync(tmpRoot, { recursive: true });
  const { runDir, emptyTemplate, demoTemplate } = runPaths(fs.mkdtempSync(path.join(tmpRoot, "run-")));
  migrate(`file:${emptyTemplate}`);
  fs.copyFileSync(emptyTemplate, demoTemplate);
  seedDemo(`file:${demoTemplate}`);
  for (const file of [emptyTemplate, demoTemplate]) {
    for (const suffix of ["-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
  }
  project.provide("testRunDir", runDir);
  return () => fs.rmSync(runDir, { recursive: true, force: true });
}
