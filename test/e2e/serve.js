// The server the browser tests run against: the built app on a brand-new database with the demo data.
import fs from "node:fs";
import { databaseFile, resolveDatabaseUrl } from "../../server/database-url.js";

const file = databaseFile(resolveDatabaseUrl(process.env.DATABASE_URL));
for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(file + suffix, { force: true });
await import("../../server/start.js");
