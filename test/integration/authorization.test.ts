// Checks every cell of test/authorization-matrix.ts: each route module's loader and action, for each
// role, answers as the matrix says; refused requests change nothing in the database; members never
// receive internal notes or contact details. A route file without an entry fails the first test.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { action as loginAction } from "~/routes/login";
import { sessionIdFrom } from "~/utils/auth.server";
import { db } from "~/utils/db.server";
import { databaseFile, resolveDatabaseUrl } from "../../server/database-url.js";
import { type Answer, type Entry, type Fixtures, type Form, matrix, resolveFixtures, ROLES, type Role } from "../authorization-matrix";
import { DEMO, args, makeRequest, run, statusOf } from "../request";

const routesDir = path.resolve(__dirname, "../../app/routes");
const routeFiles = fs
  .readdirSync(routesDir)
  .filter((name) => /\.(tsx?|jsx?)$/.test(name) && !/\.test\.[jt]sx?$/.test(name))
  .sort();

type RouteModule = { loader?: (a: ReturnType<typeof args>) => Promise<unknown>; action?: (a: ReturnType<typeof args>) => Promise<unknown> };
const modules = new Map<string, RouteModule>();

let f: Fixtures;
let snapshotDb: Database.Database;

// ───────────── Sessions ─────────────

const cookies = new Map<Role, string>();

/** A live session cookie for the role, signing in again when a request (sign-in, sign-out) ended it. */
async function cookieFor(role: Role): Promise<string | undefined> {
  if (role === "anonymous") return undefined;
  const cached = cookies.get(role);
  if (cached) {
    const id = await sessionIdFrom(new Request("http://localhost/", { headers: { Cookie: cached } }));
    if (id && (await db.session.findUnique({ where: { id } }))) return cached;
  }
  const response = await loginAction(args(new Request("http://localhost/login", { method: "POST", body: new URLSearchParams({ ...DEMO[role], redirectTo: "/" }) })));
  const cookie = response instanceof Response ? response.headers.get("Set-Cookie")?.split(";")[0] : undefined;
  if (!cookie) throw new Error(`could not sign in as ${role}`);
  cookies.set(role, cookie);
  return cookie;
}

// ───────────── The database, before and after ─────────────

/** Each table's row count and a hash of all its rows: what a refused request must leave as it was. */
function snapshot() {
  const tables = snapshotDb
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations' ORDER BY name")
    .all() as Array<{ name: string }>;
  const result: Record<string, string> = {};
  for (const { name } of tables) {
    const rows = snapshotDb.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).raw().all();
    const hash = crypto.createHash("sha256").update(JSON.stringify(rows, (_k, v) => (typeof v === "bigint" ? String(v) : v))).digest("hex").slice(0, 16);
    result[name] = `${rows.length} rows, ${hash}`;
  }
  return result;
}

// ───────────── Calling a route ─────────────

/** The route's URL pattern from its file name: `demands.$demandId.edit.tsx` is /demands/:demandId/edit. */
function segmentsOf(file: string) {
  return file
    .replace(/\.[jt]sx?$/, "")
    .split(".")
    .filter((s) => s !== "_index" && !s.startsWith("_") && !s.startsWith("("));
}

/** The params Remix would give for this path, checking that the path matches the file name. */
function paramsFor(file: string, pathname: string) {
  const pattern = segmentsOf(file);
  const parts = pathname.split("/").filter(Boolean);
  expect(parts.length, `${pathname} does not match ${file}`).toBe(pattern.length);
  const params: Record<string, string> = {};
  pattern.forEach((segment, i) => {
    if (segment.startsWith("$")) params[segment.slice(1)] = decodeURIComponent(parts[i]);
    else expect(parts[i], `${pathname} does not match ${file}`).toBe(segment);
  });
  return params;
}

/** Names the answer the way the matrix does. */
function answerOf(result: unknown, url: string): Answer | `status ${number}` | `redirect to ${string}` {
  const status = statusOf(result);
  if (status >= 300 && status < 400) {
    const location = result instanceof Response ? (result.headers.get("Location") ?? "") : "";
    if (location === (url === "/" ? "/login" : `/login?${new URLSearchParams({ redirectTo: url })}`)) return "login";
    if (location.startsWith("/login?redirectTo=")) return `redirect to ${location}`;
    return "ok";
  }
  if (status >= 200 && status < 300) return "ok";
  if (status === 400) return "invalid";
  if (status === 403) return "forbidden";
  if (status === 404) return "notFound";
  if (status === 405) return "methodNotAllowed";
  return `status ${status}`;
}

async function call(file: string, method: "GET" | "POST", role: Role, pathname: string, search = "", form?: Form) {
  const mod = modules.get(file);
  const fn = method === "GET" ? mod?.loader : mod?.action;
  if (!fn) return { answer: "methodNotAllowed" as const, result: undefined };
  const cookie = await cookieFor(role);
  const request = await makeRequest(pathname + search, { method, form: method === "POST" ? (form ?? {}) : undefined, headers: cookie ? { Cookie: cookie } : undefined });
  const result = await run(() => fn(args(request, paramsFor(file, pathname))));
  return { answer: answerOf(result, pathname + search), result };
}

const REFUSED: Answer[] = ["login", "forbidden", "methodNotAllowed"];

/** What the matrix expects of a POST, per role. */
const postExpected = (entry: Entry) => ("form" in entry.post ? entry.post.expect : entry.post);
/** The path and body of a POST for a role (some routes give each role a record of its own). */
async function postOf(entry: Entry, role: Role) {
  const post = entry.post;
  if (!("form" in post)) return { pathname: entry.path(f), form: {} };
  return { pathname: post.path ? await post.path({ f, role }) : entry.path(f), form: await post.form({ f, role }) };
}

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
  for (const file of routeFiles) modules.set(file, (await import(/* @vite-ignore */ path.join(routesDir, file))) as RouteModule);
  f = await resolveFixtures();
  snapshotDb = new Database(databaseFile(resolveDatabaseUrl(process.env.DATABASE_URL)), { readonly: true, fileMustExist: true });
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

afterAll(() => snapshotDb?.close());

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
      const { pathname, form } = await postOf(entry, role);
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
      const { form } = await postOf(entry, role);
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
