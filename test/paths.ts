import path from "node:path";
import { fileURLToPath } from "node:url";

export const testRoot = path.dirname(fileURLToPath(import.meta.url));
export const tmpRoot = path.join(testRoot, ".tmp");

/** The folder of one Vitest run: its template databases and the copies its test files work on. */
export function runPaths(runDir: string) {
  return {
    runDir,
    /** Migrated, empty. */
    emptyTemplate: path.join(runDir, "template-empty.db"),
    /** Migrated, with the demo data set. */
    demoTemplate: path.join(runDir, "template-demo.db"),
  };
}
