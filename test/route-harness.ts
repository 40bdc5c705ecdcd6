// Calls every route module's loader and action in-process, as a role, the way Remix would: used by the
// authorization matrix test and the bad-input test (test/integration/*.test.ts).
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { expect } from "vitest";
import { createToken } from "~/models/api-token.server";
import { action as loginAction } from "~/routes/login";
import { sessionIdFrom } from "~/utils/auth.server";
import { db } from "~/utils/db.server";
import { databaseFile, resolveDatabaseUrl } from "../server/database-url.js";
import { type Answer, type Entry, type Fixtures, type Form, type Role } from "./authorization-matrix";
import { DEMO, args, makeRequest, run, statusOf } from "./request";

const routesDir = path.resolve(__dirname, "../app/routes");

/** Every route module's file name in app/routes, sorted. */
export const routeFiles = fs
  .readdirSync(routesDir)
  .filter((name) => /\.(tsx?|jsx?)$/.test(name) && !/\.test\.[jt]sx?$/.test(name))
  .sort();

type RouteModule = { loader?: (a: ReturnType<typeof args>) => Promise<unknown>; action?: (a: ReturnType<typeof args>) => Promise<unknown> };
export const modules = new Map<string, RouteModule>();

export async function loadRouteModules() {
  for (const file of routeFiles) modules.set(file, (await import(/* @vite-ignore */ path.join(routesDir, file))) as RouteModule);
}

// ───────────── Sessions ─────────────

const cookies = new Map<Role, string>();

/** A live session cookie for the role, signing in again when a request (sign-in, sign-out) ended it. */
export async function cookieFor(role: Role): Promise<string | undefined> {
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

// ───────────── The database, read beside Prisma ─────────────

let rawDb: Database.Database | undefined;

/** A read-only connection to the test's database file, for looking at rows as they are stored. */
export function rawDatabase() {
  rawDb ??= new Database(databaseFile(resolveDatabaseUrl(process.env.DATABASE_URL)), { readonly: true, fileMustExist: true });
  return rawDb;
}

export function closeRawDatabase() {
  rawDb?.close();
  rawDb = undefined;
}

/**
 * The application's tables (not SQLite's or Prisma's own). FTS5's WITHOUT ROWID shadow tables are left
 * out: they follow search_doc, which is compared.
 */
export function tableNames() {
  return (
    rawDatabase()
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations' AND sql NOT LIKE '%WITHOUT ROWID%' ORDER BY name")
      .all() as Array<{ name: string }>
  ).map((t) => t.name);
}

/** Each table's row count and a hash of all its rows: what a refused request must leave as it was. */
export function snapshot() {
  const result: Record<string, string> = {};
  for (const name of tableNames()) {
    const rows = rawDatabase().prepare(`SELECT * FROM "${name}" ORDER BY rowid`).raw().all();
    const hash = crypto.createHash("sha256").update(JSON.stringify(rows, (_k, v) => (typeof v === "bigint" ? String(v) : v))).digest("hex").slice(0, 16);
    result[name] = `${rows.length} rows, ${hash}`;
  }
  return result;
}

// ───────────── Calling a route ─────────────

/**
 * The route's URL pattern from its file name: `demands.$demandId.edit.tsx` is /demands/:demandId/edit,
 * and `demands[.]csv.ts` (an escaped dot) is /demands.csv.
 */
export function segmentsOf(file: string) {
  return file
    .replace(/\.[jt]sx?$/, "")
    .replaceAll("[.]", "\u0000")
    .split(".")
    .map((s) => s.replaceAll("\u0000", "."))
    .filter((s) => s !== "_index" && !s.startsWith("_") && !s.startsWith("("));
}

/** The params Remix would give for this path, checking that the path matches the file name. */
export function paramsFor(file: string, pathname: string) {
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
export function answerOf(result: unknown, url: string): Answer | `status ${number}` | `redirect to ${string}` {
  const status = statusOf(result);
  if (status >= 300 && status < 400) {
    const location = result instanceof Response ? (result.headers.get("Location") ?? "") : "";
    if (location === (url === "/" ? "/login" : `/login?${new URLSearchParams({ redirectTo: url })}`)) return "login";
    if (location.startsWith("/login?redirectTo=")) return `redirect to ${location}`;
    return "ok";
  }
  if (status >= 200 && status < 300) return "ok";
  if (status === 400) return "invalid";
  if (status === 401) return "unauthorized";
  if (status === 403) return "forbidden";
  if (status === 404) return "notFound";
  if (status === 405) return "methodNotAllowed";
  return `status ${status}`;
}

const tokens = new Map<Role, string>();

/** A personal API token for the role's demo account (the read API, /api/v1, takes no cookies). */
export async function tokenFor(role: Role): Promise<string | undefined> {
  if (role === "anonymous") return undefined;
  const cached = tokens.get(role);
  if (cached) return cached;
  const user = await db.user.findUniqueOrThrow({ where: { email: DEMO[role].email } });
  const created = await createToken(user.id, `harness ${role}`);
  if (!created.ok) throw new Error(`could not make a token for ${role}`);
  tokens.set(role, created.token);
  return created.token;
}

/** The read API's routes sign in with a bearer token instead of the session cookie. */
export const isApiRoute = (file: string) => file.startsWith("api.");

/** Runs the route's loader (GET) or action (POST) as the role; what it returned or threw as a Response. */
export async function call(file: string, method: "GET" | "POST", role: Role, pathname: string, search = "", form?: Form | URLSearchParams) {
  const mod = modules.get(file);
  const fn = method === "GET" ? mod?.loader : mod?.action;
  if (!fn) return { answer: "methodNotAllowed" as const, result: undefined };
  const cookie = await cookieFor(role);
  const token = isApiRoute(file) ? await tokenFor(role) : undefined;
  const headers: Record<string, string> = {};
  if (isApiRoute(file) && token) headers.Authorization = `Bearer ${token}`;
  if (!isApiRoute(file) && cookie) headers.Cookie = cookie;
  const request = await makeRequest(pathname + search, { method, form: method === "POST" ? (form ?? {}) : undefined, headers });
  const result = await run(() => fn(args(request, paramsFor(file, pathname))));
  return { answer: answerOf(result, pathname + search), result };
}

/** What the matrix expects of a POST, per role. */
export const postExpected = (entry: Entry) => ("form" in entry.post ? entry.post.expect : entry.post);

/** The path and body of a POST for a role (some routes give each role a record of its own). */
export async function postOf(entry: Entry, role: Role, f: Fixtures) {
  const post = entry.post;
  if (!("form" in post)) return { pathname: entry.path(f), form: {} as Form };
  return { pathname: post.path ? await post.path({ f, role }) : entry.path(f), form: await post.form({ f, role }) };
}
