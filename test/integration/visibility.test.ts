// The leak walk: every staff-only field named in app/models/visibility.ts (INTERNAL_FIELDS) is filled,
// in every row, with a sentinel naming its model and field; then every GET route in
// test/authorization-matrix.ts (pages, CSV downloads, the read API, the JSON export) plus a few extra
// walks (a search for the sentinels, the API's lists) is called as anonymous, member, staff and admin.
// The public page (PUBLIC_PAGE on in the tests) is walked too, and may show no sentinel to anyone.
// A member or anonymous answer that contains a sentinel fails; so does a sentinel that staff see
// nowhere (the walk would then prove nothing for that field).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { INTERNAL_FIELDS, type InternalModel } from "~/models/visibility";
import { db } from "~/utils/db.server";
import { type Entry, type Fixtures, matrix, resolveFixtures, ROLES, type Role } from "../authorization-matrix";
import { call, closeRawDatabase, loadRouteModules, rawDatabase, routeFiles } from "../route-harness";

const PREFIX = "zqleak";
const sentinel = (model: string, field: string) => `${PREFIX}${model}${field}`.toLowerCase();

const sentinels = Object.entries(INTERNAL_FIELDS).flatMap(([model, fields]) => fields.map((field) => ({ model: model as InternalModel, field, value: sentinel(model, field) })));

/** The body as a client would receive it: a JSON or text response's text, or the loader's data as JSON. */
async function textOf(result: unknown) {
  if (result instanceof Response) {
    const type = result.headers.get("Content-Type") ?? "";
    return type.startsWith("text/") || type.includes("json") ? await result.clone().text() : "";
  }
  const value = result && typeof result === "object" && "type" in result && "data" in result ? (result as { data: unknown }).data : result;
  return JSON.stringify(value) ?? "";
}

let f: Fixtures;

/** Extra walks beyond the matrix's one path per route: searches for the sentinels, other filters. */
const extra: Array<{ file: string; path: (f: Fixtures) => string; search: string }> = [
  { file: "search.tsx", path: () => "/search", search: `?q=${PREFIX}` },
  { file: "search.tsx", path: () => "/search", search: `?q=${PREFIX}&kind=round` },
  { file: "demands.$demandId.timeline.tsx", path: (x) => `/demands/${x.demandId}/timeline`, search: "?order=desc" },
  { file: "people._index.tsx", path: () => "/people", search: `?q=${PREFIX}` },
  { file: "public._index.tsx", path: () => "/public", search: "?status=partially_reflected" },
  { file: "public.demands.$demandId.tsx", path: (x) => `/public/demands/${x.demandId}`, search: "?page=2" },
];

/** What each role saw, by route, for the sanity check. */
const seenBy = new Map<Role, Set<string>>(ROLES.map((r) => [r, new Set<string>()]));

beforeAll(async () => {
  await loadRouteModules();
  f = await resolveFixtures();
  // Fill every staff-only field of every row with its sentinel (raw SQL: the names are the columns).
  const writable = (await import("better-sqlite3")).default;
  const file = rawDatabase().name;
  closeRawDatabase();
  const conn = new writable(file);
  for (const { model, field, value } of sentinels) conn.prepare(`UPDATE "${model}" SET "${field}" = ?`).run(value);
  conn.close();
  // The API walks need the tokens, made by the fixtures; make sure Prisma's connection sees the writes.
  expect(await db.person.count({ where: { email: sentinel("Person", "email") } })).toBeGreaterThan(0);
});

afterAll(() => closeRawDatabase());

const entries = Object.entries(matrix).filter(([file]) => routeFiles.includes(file)) as Array<[string, Entry]>;

describe("no staff-only field reaches members or the public", () => {
  it.each(entries)("%s", async (file, entry) => {
    const walks = [{ path: entry.path(f), search: entry.search?.(f) ?? "" }, ...extra.filter((x) => x.file === file).map((x) => ({ path: x.path(f), search: x.search }))];
    for (const { path, search } of walks) {
      for (const role of ROLES) {
        const { answer, result } = await call(file, "GET", role, path, search);
        if (answer !== "ok") continue;
        const text = (await textOf(result)).toLowerCase();
        const found = sentinels.filter((s) => text.includes(s.value)).map((s) => `${s.model}.${s.field}`);
        for (const s of found) seenBy.get(role)?.add(s);
        // The public page (docs/decisions/018) shows the same to everyone, staff included.
        if (role === "anonymous" || role === "member" || file.startsWith("public.")) expect(found, `GET ${path}${search} as ${role} leaks`).toEqual([]);
      }
    }
  });

  it("staff and administrators see every staff-only field somewhere (so the walk can fail)", () => {
    const all = sentinels.map((s) => `${s.model}.${s.field}`).sort();
    expect([...(seenBy.get("staff") ?? [])].sort()).toEqual(all);
    expect([...(seenBy.get("admin") ?? [])].sort()).toEqual(all);
  });
});
