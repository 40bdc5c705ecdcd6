// No page's SQL grows with the data: each hot page is loaded (root loader and route loader together,
// as Remix runs them) against a small and a larger generated database (bench/generate.js), and the
// SQL statements that reach SQLite are counted. The counts must be the same on both and within a
// fixed budget: a query per row (N+1) would show as growth. The statements of the larger database
// are then explained (EXPLAIN QUERY PLAN): none may read a table that grows with the history whole.
//
// bench/run.js runs this file again with BENCH_QUERY_DB set to its own (large) database, which is
// then checked as well, and BENCH_QUERY_REPORT naming a file for the counts it prints.
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { generate, metaFile } from "../../bench/generate.js";
import { PAGES } from "../../bench/pages.js";
import { runPaths } from "../paths";

/** Statements a page may make, whatever the data (the session is checked twice, by the root and the route). */
const MAX_STATEMENTS = 24;

/**
 * What a plan may read whole: tables that stay small whatever the history (the body tree, themes,
 * project networks, organisations, users), Prisma's count subqueries, and lists passed as one JSON
 * parameter (json_each). Any other SCAN fails, even through an index (a whole index read is a whole
 * table read for this purpose), under the table's own name or an alias.
 */
const MAY_SCAN = ["Body", "Theme", "ProjectNetwork", "ProjectNetworkPhase", "Organisation", "OrganisationName", "User", "Session", "Setting", "MembershipFigure", "sub", "json_each"];

type Fixtures = { timelineDemandId: string; answersBodyId: string; listThemeId: string; listBodyId: string; counterReportId: string };
type Loader = (args: LoaderFunctionArgs) => Promise<unknown>;
type Page = { url: (f: Fixtures) => string; params: (f: Fixtures) => Record<string, string>; route: () => Promise<{ loader: Loader }>; maxStatements?: number };

/** The pages of bench/pages.js that exist, with the route that answers each. */
const ROUTES: Record<string, Page> = {
  floor: { url: () => "/ping", params: () => ({}), route: () => import("~/routes/ping") },
  demands: { url: () => "/demands", params: () => ({}), route: () => import("~/routes/demands._index") },
  "demands-filtered": {
    // Page 1: the small database may not fill three pages of this filter.
    url: (f) => `/demands?theme=${f.listThemeId}&body=${f.listBodyId}&state=all&sort=raised`,
    params: () => ({}),
    route: () => import("~/routes/demands._index"),
  },
  timeline: { url: (f) => `/demands/${f.timelineDemandId}/timeline`, params: (f) => ({ demandId: f.timelineDemandId }), route: () => import("~/routes/demands.$demandId.timeline") },
  answers: { url: (f) => `/bodies/${f.answersBodyId}/answers`, params: (f) => ({ bodyId: f.answersBodyId }), route: () => import("~/routes/bodies.$bodyId.answers") },
  requests: { url: () => "/requests", params: () => ({}), route: () => import("~/routes/requests._index") },
  rounds: { url: () => "/rounds", params: () => ({}), route: () => import("~/routes/rounds._index") },
  home: { url: () => "/", params: () => ({}), route: () => import("~/routes/_index") },
  search: { url: () => `/search?q=${encodeURIComponent("技能実習生 転職の自由")}`, params: () => ({}), route: () => import("~/routes/search") },
  "status-board": { url: () => "/status-board", params: () => ({}), route: () => import("~/routes/status-board") },
  calendar: { url: () => "/calendar", params: () => ({}), route: () => import("~/routes/calendar._index") },
  "calendar-list": { url: () => "/calendar?view=list", params: () => ({}), route: () => import("~/routes/calendar._index") },
  dashboard: { url: () => "/dashboard", params: () => ({}), route: () => import("~/routes/dashboard") },
  "counter-report": {
    url: (f) => `/un/reports/${f.counterReportId}/report.docx`,
    params: (f) => ({ reportId: f.counterReportId }),
    route: () => import("~/routes/un.reports.$reportId.report[.]docx"),
    // The whole report at once: report, cycles, the last review's recommendations and their chains,
    // the demands linked to them and each kind of evidence, the written sections and their people.
    maxStatements: 32,
  },
};

// ───── Counting what reaches SQLite ─────

type Recorded = { sql: string; args: unknown[] };
let recording: Recorded[] | null = null;
const prototype = Database.prototype as unknown as { prepare: (sql: string) => { bind: (...args: unknown[]) => unknown } };
const prepare = prototype.prepare;

beforeAll(() => {
  // Prisma's adapter prepares every statement it runs (no statement cache): one prepare, one statement.
  prototype.prepare = function (this: unknown, sql: string) {
    const statement = prepare.call(this, sql);
    if (recording) {
      const entry: Recorded = { sql, args: [] };
      recording.push(entry);
      const bind = statement.bind;
      statement.bind = (...args: unknown[]) => {
        entry.args = args.flat();
        return bind.apply(statement, args);
      };
    }
    return statement;
  };
});
afterAll(() => {
  prototype.prepare = prepare;
});

type Measured = { cold: number; warm: number; statements: Recorded[] };

/** Loads every page against one database file, with a fresh copy of the app bound to it. */
async function measureAll(file: string, fixtures: Fixtures, user: { email: string; password: string }) {
  process.env.DATABASE_URL = `file:${file}`;
  const global = globalThis as { __db?: { $disconnect: () => Promise<void> } };
  await global.__db?.$disconnect();
  delete global.__db;
  vi.resetModules();
  const root = await import("~/root");
  const login = await import("~/routes/login");
  const response = await login.action({
    request: new Request("http://localhost/login", { method: "POST", body: new URLSearchParams({ ...user, redirectTo: "/" }) }),
    params: {},
    context: { cspNonce: "" },
  } as ActionFunctionArgs);
  const cookie = response instanceof Response ? response.headers.get("Set-Cookie")?.split(";")[0] : undefined;
  if (!cookie) throw new Error(`could not sign in to ${file}`);

  const results: Record<string, Measured> = {};
  for (const [key, page] of Object.entries(ROUTES)) {
    const route = await page.route();
    const load = async () => {
      const request = new Request(`http://localhost${page.url(fixtures)}`, { headers: { Cookie: cookie } });
      const args = { request, params: page.params(fixtures), context: { cspNonce: "" } } as LoaderFunctionArgs;
      recording = [];
      try {
        await Promise.all([root.loader(args), route.loader(args)]);
        return recording;
      } finally {
        recording = null;
      }
    };
    const cold = await load();
    const warm = await load();
    results[key] = { cold: cold.length, warm: warm.length, statements: cold };
  }
  return results;
}

/** The plan steps that read a table that may grow whole (SCAN, with or without an index). */
function fullScans(file: string, statements: Recorded[]) {
  const sqlite = new Database(file, { readonly: true });
  try {
    const scans: string[] = [];
    for (const { sql, args } of statements) {
      if (!/^\s*SELECT/i.test(sql)) continue;
      const plan = sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as Array<{ detail: string }>;
      for (const { detail } of plan) {
        const scanned = /^SCAN (?:main\.)?"?([\w()-]+)"?(.*)$/.exec(detail);
        // A full-text index read through MATCH (FTS5's plan "VIRTUAL TABLE INDEX n:…M…") reads the matching entries only.
        const fullTextMatch = /VIRTUAL TABLE INDEX \d+:\S*M/.test(detail);
        if (scanned && detail !== "SCAN CONSTANT ROW" && !fullTextMatch && !MAY_SCAN.includes(scanned[1]) && !scanned[1].startsWith("(")) {
          scans.push(`${detail} in: ${sql.slice(0, 160)}`);
        }
      }
    }
    return scans;
  } finally {
    sqlite.close();
  }
}

describe("SQL per page", () => {
  const { runDir, emptyTemplate } = runPaths(inject("testRunDir"));
  const databases: Array<{ name: string; file: string; fixtures: Fixtures; user: { email: string; password: string } }> = [];
  const measured: Record<string, Record<string, Measured>> = {};

  beforeAll(async () => {
    for (const [name, scale] of [["small", 0.01], ["larger", 0.05]] as const) {
      const file = path.join(runDir, `query-budget-${name}-${process.pid}.db`);
      const meta = generate({ scale, file, template: emptyTemplate, bcryptCost: 4 });
      databases.push({ name, file, fixtures: meta.fixtures, user: meta.benchUser });
    }
    const large = process.env.BENCH_QUERY_DB;
    if (large) {
      // The benchmark's own database: its bench user's password hash has the real cost.
      const meta = JSON.parse(fs.readFileSync(metaFile(large), "utf8"));
      databases.push({ name: "large", file: large, fixtures: meta.fixtures, user: meta.benchUser });
    }
    for (const db of databases) measured[db.name] = await measureAll(db.file, db.fixtures, db.user);
    const report = process.env.BENCH_QUERY_REPORT;
    if (report) {
      const counts = Object.fromEntries(Object.keys(ROUTES).map((key) => [key, Object.fromEntries(databases.map((d) => [d.name, measured[d.name][key].cold]))]));
      fs.writeFileSync(report, JSON.stringify({ ...counts, max: MAX_STATEMENTS }));
    }
  }, 120_000);

  it("knows which route answers every page the benchmark drives", () => {
    for (const page of PAGES) if (page.path && page.role !== "reference") expect(ROUTES, `bench page ${page.key}`).toHaveProperty(page.key);
  });

  it.each(Object.keys(ROUTES))("%s: the same number of statements on small and larger data, within the budget", (key) => {
    const counts = databases.map((d) => measured[d.name][key]);
    for (const c of counts) {
      expect(c.cold).toBeLessThanOrEqual(ROUTES[key].maxStatements ?? MAX_STATEMENTS);
      // A cached page makes no more statements than a fresh one.
      expect(c.warm).toBeLessThanOrEqual(c.cold);
    }
    expect(counts.map((c) => c.cold)).toEqual(counts.map(() => counts[0].cold));
  });

  it("reads no big table whole on the hot pages (EXPLAIN QUERY PLAN)", () => {
    for (const db of databases.filter((d) => d.name !== "small")) {
      const scans = Object.values(measured[db.name]).flatMap((m) => fullScans(db.file, m.statements));
      expect(scans, `${db.name}`).toEqual([]);
    }
  });
});
