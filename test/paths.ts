import path from "node:path";
import { fileURLToPath } from "node:url";

export const testRoot = path.dirname(fileURLToPath(import.meta.url));
export const tmpDir = path.join(testRoot, ".tmp");
/** Migrated, empty. */
export const emptyTemplate = path.join(tmpDir, "template-empty.db");
/** Migrated, with the demo data set. */
export const demoTemplate = path.join(tmpDir, "template-demo.db");
