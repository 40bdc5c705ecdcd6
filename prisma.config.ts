// Prisma CLI configuration. It must load: if it fails, the CLI silently falls back to its
// native engines and tries to download them (see docs/decisions/001-stack.md).
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { resolveDatabaseUrl } from "./server/database-url.js";

/**
 * The WASM schema engine replays each migration.sql into the shadow database through
 * `executeRaw`, which goes to better-sqlite3's `prepare()` and rejects multi-statement SQL (P3006).
 * Parameterless raw statements on the shadow database are sent to `executeScript` instead.
 */
class ShadowSafeAdapterFactory extends PrismaBetterSQLite3 {
  async connectToShadowDb() {
    const adapter = await super.connectToShadowDb();
    const executeRaw = adapter.executeRaw.bind(adapter);
    adapter.executeRaw = async (query) => {
      if (query.args.length === 0) {
        await adapter.executeScript(query.sql);
        return 0;
      }
      return executeRaw(query);
    };
    return adapter;
  }
}

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  async adapter() {
    return new ShadowSafeAdapterFactory({ url: resolveDatabaseUrl(process.env.DATABASE_URL) });
  },
});
