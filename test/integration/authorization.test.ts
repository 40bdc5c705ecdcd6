// Checks every cell of test/authorization-matrix.ts: each route module's loader and action, for each
// role, answers as the matrix says; refused requests change nothing in the database; members never
// receive internal notes or contact details. A route file without an entry fails the first test.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { type Answer, type Entry, type Fixtures, matrix, resolveFixtures, ROLES } from "../authorization-matrix";
import { call, closeRawDatabase, cookieFor, loadRouteModules, modules, postExpected, postOf, routeFiles, segmentsOf, snapshot } from "../route-harness";

let f: Fixtures;

const REFUSED: Answer[] = ["login", "forbidden", "methodNotAllowed"];

// ───────────── What members must not receive ─────────────

/** Every non-null `internalNote` in the data, with where it was. */
function internalNotes(value: unknown, at = "data"): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => internalNotes(v, `${at}[${i}]`));
  if (value && typeof value === "object" && !(value instanceof Date)) {
    return Object.entries(value).flatMap(([k, v]) => (k === "internalNote" && v !== null && v !== undefined ? [`${at}.${k}`] : internalNotes(v, `${at}.${k}`)));
  }
  return [];
}

/** The loader's data as it would be sent: a data() result, a JSON response or a plain value. */
async function serialized(result: unknown) {
  if (result instanceof Response) {
    const type = result.headers.get("Content-Type") ?? "";
    return { value: type.includes("json") ? await result.clone().json() : null, text: type.startsWith("text/") || type.includes("json") ? await result.clone().text() : "" };
  }
  const value = result && typeof result === "object" && "type" in result && "data" in result ? (result as { data: unknown }).data : result;
  return { value, text: JSON.stringify(value) ?? "" };
}

/** Texts only staff may read: internal notes and people's contact details and notes. */
let secrets: string[] = [];

// ───────────── The tests ─────────────

beforeAll(async () => {
  await loadRouteModules();
  f = await resolveFixtures();
  const notes = await Promise.all([
    db.request.findMany({ where: { internalNote: { not: null } }, select: { internalNote: true } }),
    db.negotiationRound.findMany({ where: { internalNote: { not: null } }, select: { internalNote: true } }),
    db.agendaItem.findMany({ where: { internalNote: { not: null } }, select: { internalNote: true } }),
    db.outcome.findMany({ where: { internalNote: { not: null } }, select: { internalNote: true } }),
    db.reviewCycle.findMany({ where: { internalNote: { not: null } }, select: { internalNote: true } }),
    db.recommendation.findMany({ where: { internalNote: { not: null } }, select: { internalNote: true } }),
  ]);
  const people = await db.person.findMany({ select: { email: true, phone: true, notes: true } });
  secrets = [...notes.flat().map((n) => n.internalNote), ...people.flatMap((p) => [p.email, p.phone, p.notes])].filter((s): s is string => Boolean(s && s.length >= 6));
  expect(secrets.length).toBeGreaterThan(5);
  for (const role of ROLES) await cookieFor(role);
});

afterAll(() => closeRawDatabase());

describe("the authorization matrix", () => {
  it("has an entry for every route module, and none for a route that is gone", () => {
    const missing = routeFiles.filter((file) => !(file in matrix));
    expect(missing, `routes without an entry in test/authorization-matrix.ts: ${missing.join(", ")}`).toEqual([]);
    const stale = Object.keys(matrix).filter((file) => !routeFiles.includes(file));
    expect(stale, `entries in test/authorization-matrix.ts for routes that do not exist: ${stale.join(", ")}`).toEqual([]);
  });

  it("says methodNotAllowed exactly for the modules without an action", () => {
    for (const file of routeFiles.filter((name) => name in matrix)) {
      const mod = modules.get(file);
      expect(typeof mod?.loader, `${file} has no loader`).toBe("function");
      expect(typeof mod?.action === "function", `${file}: the matrix and the module disagree about the action`).toBe("form" in matrix[file].post);
    }
  });
});

const entries = Object.entries(matrix).filter(([file]) => routeFiles.includes(file)) as Array<[string, Entry]>;

describe("GET (loaders)", () => {
  it.each(entries)("%s", async (file, entry) => {
    const pathname = entry.path(f);
    const search = entry.search?.(f) ?? "";
    const got: Record<string, string> = {};
    for (const role of ROLES) {
      const before = REFUSED.includes(entry.get[role]) ? snapshot() : null;
      const { answer, result } = await call(file, "GET", role, pathname, search);
      got[role] = answer;
      if (before) expect(snapshot(), `GET ${pathname} as ${role} changed the database`).toEqual(before);

      if (answer === "ok" && (role === "member" || role === "staff")) {
        const { value, text } = await serialized(result);
        const notes = internalNotes(value);
        if (role === "member") {
          expect(notes, `GET ${pathname} gives a member internal notes`).toEqual([]);
          const leaked = secrets.filter((s) => text.includes(s));
          expect(leaked, `GET ${pathname} gives a member staff-only text`).toEqual([]);
        } else if (entry.internalNotes) {
          // The check above means something only if the page has internal notes for staff.
          expect(notes.length, `GET ${pathname} shows staff no internal note: pick demo data that has one`).toBeGreaterThan(0);
        }
      }
    }
    expect(got, `GET ${pathname}`).toEqual(entry.get);
  });
});

describe("POST (actions)", () => {
  it.each(entries)("%s", async (file, entry) => {
    const expected = postExpected(entry);
    const got: Record<string, string> = {};
    for (const role of ROLES) {
      const { pathname, form } = await postOf(entry, role, f);
      await cookieFor(role); // before the snapshot: signing in writes a session
      const before = REFUSED.includes(expected[role]) ? snapshot() : null;
      got[role] = (await call(file, "POST", role, pathname, "", form)).answer;
      if (before) expect(snapshot(), `POST ${pathname} as ${role} was refused but changed the database`).toEqual(before);
    }
    expect(got, `POST ${entry.path(f)}`).toEqual(expected);
  });
});

describe("made-up ids", () => {
  const withIds = entries.filter(([file]) => segmentsOf(file).some((s) => s.startsWith("$")));
  const bogus = (answer: Answer, override?: Answer): Answer => (answer === "ok" || answer === "invalid" ? (override ?? "notFound") : answer);

  it.each(withIds)("%s: the guard answers first, so a refusal never tells whether the record exists", async (file, entry) => {
    const pathname = segmentsOf(file)
      .map((s) => (s.startsWith("$") ? "no-such-record" : s))
      .reduce((p, s) => `${p}/${s}`, "");
    const got: Record<string, string> = {};
    const want: Record<string, string> = {};
    for (const role of ROLES) {
      got[`GET ${role}`] = (await call(file, "GET", role, pathname, entry.search?.(f) ?? "")).answer;
      want[`GET ${role}`] = bogus(entry.get[role], entry.unknownId?.get);
      const { form } = await postOf(entry, role, f);
      await cookieFor(role);
      const before = snapshot();
      got[`POST ${role}`] = (await call(file, "POST", role, pathname, "", form)).answer;
      want[`POST ${role}`] = bogus(postExpected(entry)[role], entry.unknownId?.post);
      expect(snapshot(), `POST ${pathname} as ${role} changed the database`).toEqual(before);
    }
    expect(got).toEqual(want);
  });
});

describe("cases one path per route does not show", () => {
  it("a user account's history is for administrators only", async () => {
    const file = "history.$entityType.$entityId.tsx";
    if (!routeFiles.includes(file)) return;
    const pathname = `/history/user/${f.memberUserId}`;
    const got: Record<string, string> = {};
    for (const role of ROLES) got[role] = (await call(file, "GET", role, pathname)).answer;
    expect(got).toEqual({ anonymous: "login", member: "forbidden", staff: "forbidden", admin: "ok" });
  });
});
