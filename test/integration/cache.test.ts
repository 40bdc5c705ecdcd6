// The cache of derived data (app/utils/cache.server.ts) ends with any write: through this process's
// client, inside a transaction, or from another process; and a cached page shows the write after it.
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { loadTimeline } from "~/models/timeline.server";
import { DerivedCache, dataVersion } from "~/utils/cache.server";
import { db } from "~/utils/db.server";

describe("the data version", () => {
  it("moves with a write of this process, at the end of a transaction, and with another process's commit", async () => {
    const start = await dataVersion();
    expect(await dataVersion()).toBe(start);
    await db.theme.create({ data: { slug: "cache-test-1", nameJa: "キャッシュ", nameEn: "Cache" } });
    const afterWrite = await dataVersion();
    expect(afterWrite).not.toBe(start);
    await db.$transaction(async (tx) => {
      await tx.theme.create({ data: { slug: "cache-test-2", nameJa: "キャッシュ2", nameEn: "Cache 2" } });
    });
    const afterTransaction = await dataVersion();
    expect(afterTransaction).not.toBe(afterWrite);
    const other = new Database((process.env.DATABASE_URL ?? "").replace(/^file:/, ""));
    other.prepare(`INSERT INTO "Theme" ("id", "slug", "nameJa", "nameEn") VALUES ('cache-test-3', 'cache-test-3', 'x', 'x')`).run();
    other.close();
    expect(await dataVersion()).not.toBe(afterTransaction);
  });

  it("shares one computation between callers and recomputes at a new version", async () => {
    const cache = new DerivedCache(2);
    let runs = 0;
    const compute = async () => ++runs;
    const [a, b] = await Promise.all([cache.get("k", "v1", compute), cache.get("k", "v1", compute)]);
    expect([a, b, runs]).toEqual([1, 1, 1]);
    expect(await cache.get("k", "v2", compute)).toBe(2);
    await cache.get("x", "v2", compute);
    await cache.get("y", "v2", compute);
    expect(await cache.get("k", "v2", compute)).toBe(5);
  });
});

describe("a cached timeline", () => {
  it("shows an outcome recorded after it was built", async () => {
    const demand = await db.demand.create({ data: { ref: "CACHE-1", titleJa: "キャッシュ", titleEn: "Cache", firstRaisedOn: "2001" } });
    const query = { demandId: demand.id, role: "member", locale: "en" as const, today: "2026-01-01" };
    const before = await loadTimeline(query);
    expect(before?.counts.outcome).toBe(0);
    expect((await loadTimeline(query))?.counts.outcome).toBe(0);
    await db.outcome.create({ data: { demandId: demand.id, degree: "mentioned", occurredOn: "2010" } });
    expect((await loadTimeline(query))?.counts.outcome).toBe(1);
  });
});
