import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "~/generated/prisma/client";
import { config } from "~/utils/env.server";

function createClient() {
  // better-sqlite3 waits up to `timeout` ms for a lock (busy_timeout) and enforces foreign keys
  // by default; WAL is switched on once per database file at start-up (server/start.js).
  const adapter = new PrismaBetterSQLite3({ url: config.databaseUrl, timeout: 5000 });
  return new PrismaClient({ adapter });
}

const globalForDb = globalThis as unknown as { __db?: PrismaClient };

/** The one Prisma client of this process. */
export const db = globalForDb.__db ?? createClient();
if (!config.production) globalForDb.__db = db;

export type Db = typeof db;
export type { Prisma } from "~/generated/prisma/client";
