// A cache of data derived from the database (a built timeline, a body's stock answers), kept in this
// process while the database does not change. Used only where the benchmark measured the derivation
// to cost several floors (bench/, docs/decisions/008-performance-budgets.md). Any write ends every
// entry: a write in this process through db.server.ts, or a commit by another process (SQLite's
// data_version). One small statement per use.
import { db, localWriteCount } from "~/utils/db.server";

/** The database's state as this process knows it: changes whenever anything is written, here or elsewhere. */
export async function dataVersion(): Promise<string> {
  const rows = await db.$queryRaw<Array<{ data_version: number | bigint }>>`PRAGMA data_version`;
  return `${String(rows[0]?.data_version ?? 0)}:${localWriteCount()}`;
}

type Entry = { version: string; value: Promise<unknown> };

/** A bounded cache; the least recently used entries go first. */
export class DerivedCache {
  private entries = new Map<string, Entry>();
  constructor(private readonly size: number) {}

  /**
   * The value of `key` at `version` (from dataVersion()), computed once: requests that ask while it
   * is being computed share the computation. A failed computation is not kept.
   */
  get<T>(key: string, version: string, compute: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key);
    this.entries.delete(key);
    if (hit && hit.version === version) {
      this.entries.set(key, hit);
      return hit.value as Promise<T>;
    }
    const value = compute();
    this.entries.set(key, { version, value });
    value.catch(() => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
    });
    while (this.entries.size > this.size) this.entries.delete(this.entries.keys().next().value as string);
    return value;
  }

  clear() {
    this.entries.clear();
  }
}
