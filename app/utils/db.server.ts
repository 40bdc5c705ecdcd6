import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "~/generated/prisma/client";
import { config } from "~/utils/env.server";

const WRITE = /^\s*(INSERT|UPDATE|DELETE|REPLACE|CREATE|DROP|ALTER)\b/i;
let localWrites = 0;

/**
 * How many times this process has written to the database (statements that write, and the end of
 * every transaction). With SQLite's data_version, which moves when another process commits, it tells
 * the caches of derived data (app/utils/cache.server.ts) when to recompute.
 */
export function localWriteCount() {
  return localWrites;
}

type Adapter = Awaited<ReturnType<PrismaBetterSQLite3["connect"]>>;
type Transaction = Awaited<ReturnType<Adapter["startTransaction"]>>;

function watchWrites<T extends Adapter | Transaction>(target: T): T {
  const queryRaw = target.queryRaw.bind(target);
  const executeRaw = target.executeRaw.bind(target);
  target.queryRaw = async (query) => {
    if (WRITE.test(query.sql)) localWrites++;
    return queryRaw(query);
  };
  target.executeRaw = async (query) => {
    if (WRITE.test(query.sql)) localWrites++;
    return executeRaw(query);
  };
  return target;
}

/**
 * The better-sqlite3 adapter, counting the writes that go through it, and telling Prisma how many
 * values SQLite takes in one statement (32,766 since SQLite 3.32): without it Prisma assumes 999 and
 * splits a longer `IN (…)` into several statements, so that a page's statements grew with the data.
 */
class WatchedAdapterFactory extends PrismaBetterSQLite3 {
  async connect() {
    const adapter = watchWrites(await super.connect());
    adapter.getConnectionInfo = () => ({ maxBindValues: 32_766, supportsRelationJoins: false });
    const startTransaction = adapter.startTransaction.bind(adapter);
    adapter.executeScript = ((executeScript) => async (script: string) => {
      localWrites++;
      return executeScript(script);
    })(adapter.executeScript.bind(adapter));
    adapter.startTransaction = async (isolationLevel) => {
      const tx = watchWrites(await startTransaction(isolationLevel));
      // What a read saw inside the transaction may be undone, or become visible to others, at its end.
      for (const end of ["commit", "rollback"] as const) {
        const original = tx[end].bind(tx);
        tx[end] = async () => {
          try {
            return await original();
          } finally {
            localWrites++;
          }
        };
      }
      return tx;
    };
    return adapter;
  }
}

function createClient() {
  // better-sqlite3 waits up to `timeout` ms for a lock (busy_timeout) and enforces foreign keys
  // by default; WAL is switched on once per database file at start-up (server/start.js).
  const adapter = new WatchedAdapterFactory({ url: config.databaseUrl, timeout: 5000 });
  return new PrismaClient({ adapter });
}

const globalForDb = globalThis as unknown as { __db?: PrismaClient };

/** The one Prisma client of this process. */
export const db = globalForDb.__db ?? createClient();
if (!config.production) globalForDb.__db = db;

export type Db = typeof db;
export type { Prisma } from "~/generated/prisma/client";
