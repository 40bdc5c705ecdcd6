// Property-based bad input (fast-check): every action, called as a role allowed to use it, gets its
// valid form with one field replaced by a hostile value (long strings, control characters, invalid
// dates, unknown ids, wrong types, XSS and SQL payloads), repeated, dropped, or an unknown field
// added. Whatever the value, the action never fails with a 5xx or an exception, every refusal carries
// messages from the catalog (something a person can read next to a field), and nothing is stored that
// should not be: no control characters, no partial date that is not one, no oversized text.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isMessageKey, parseMessageRef } from "~/i18n";
import { normalizePartialDate } from "~/utils/partial-date";
import { type Entry, type Fixtures, type Form, matrix, resolveFixtures, type Role } from "../authorization-matrix";
import { statusOf } from "../request";
import { call, closeRawDatabase, loadRouteModules, postOf, rawDatabase, routeFiles, tableNames } from "../route-harness";

/** Runs per action: enough to try each kind of value on several fields, in a test run of a minute. */
const RUNS = Number(process.env.BAD_INPUT_RUNS ?? 12);

const HOSTILE_WORDS = [
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  "javascript:alert(1)",
  "<a href=\"javascript:alert(1)\">x</a>",
  "'; DROP TABLE \"Demand\"; --",
  "' OR '1'='1",
  "1; SELECT * FROM \"User\"",
  "../../../../etc/passwd",
  "%00%0d%0a",
  "\u202Egnp.exe",
  "𠮷野家😀👨‍👩‍👧",
];
const NOT_DATES = ["2026-13-45", "0000-00-00", "2026-02-30", "99999-01-01", "2026-1-1-1", "昨日", "-1", "1e309", "NaN", "Infinity"];
const WRONG_TYPES = ["", " ", "null", "undefined", "true", "[object Object]", "{}", "[]", "-1", "0", "9007199254740993", "1.5"];

const hostileValue = fc.oneof(
  fc.integer({ min: 300, max: 400_000 }).map((n) => "長い".repeat(Math.ceil(n / 2))),
  fc.array(fc.integer({ min: 0, max: 31 }), { minLength: 1, maxLength: 8 }).map((codes) => `a${String.fromCharCode(...codes)}b\u007f`),
  fc.constantFrom(...NOT_DATES),
  fc.constantFrom(...WRONG_TYPES),
  fc.constantFrom(...HOSTILE_WORDS),
  fc.stringMatching(/^c[a-z0-9]{24}$/),
  fc.string({ unit: "grapheme", maxLength: 40 }),
);

type Mutation = { field: string; how: "replace" | "repeat" | "drop" | "extra"; value: string };

function mutate(form: Form, m: Mutation): URLSearchParams {
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(form)) {
    if (key === m.field && m.how !== "extra") {
      if (m.how === "replace") body.append(key, m.value);
      if (m.how === "repeat") for (let i = 0; i < 2; i++) body.append(key, m.value);
      continue;
    }
    for (const item of Array.isArray(value) ? value : [value]) body.append(key, item);
  }
  if (m.how === "extra") body.append(m.field, m.value);
  return body;
}

/** Every string inside a Conform reply's `error` (and any other `error`/`errors` member) of an action's data. */
function errorMessages(value: unknown, inError = false): string[] {
  if (typeof value === "string") return inError ? [value] : [];
  if (Array.isArray(value)) return value.flatMap((v) => errorMessages(v, inError));
  if (value && typeof value === "object") {
    return Object.entries(value).flatMap(([k, v]) => errorMessages(v, inError || /^(error|errors|fieldErrors|formErrors)$/.test(k)));
  }
  return [];
}

function dataOf(result: unknown): unknown {
  if (result && typeof result === "object" && "type" in result && "data" in result) return (result as { data: unknown }).data;
  return result;
}

// ───────────── What must never be stored ─────────────

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
/** Rich-text documents and hashes are long by nature; everything else a person typed is bounded by its form. */
const MAX_TEXT = 250_000;

function storedProblems(): string[] {
  const problems: string[] = [];
  for (const table of tableNames()) {
    const columns = (rawDatabase().prepare(`PRAGMA table_info("${table}")`).all() as Array<{ name: string; type: string }>).filter((c) => c.type === "TEXT");
    for (const { name } of columns) {
      const rows = rawDatabase().prepare(`SELECT "${name}" AS v FROM "${table}" WHERE "${name}" IS NOT NULL`).all() as Array<{ v: string }>;
      for (const { v } of rows) {
        if (CONTROL.test(v)) problems.push(`${table}.${name} holds a control character: ${JSON.stringify(v.slice(0, 60))}`);
        if (v.length > MAX_TEXT) problems.push(`${table}.${name} holds ${v.length} characters`);
        if (/On$/.test(name) && normalizePartialDate(v) !== v) problems.push(`${table}.${name} holds ${JSON.stringify(v.slice(0, 40))}, not a date`);
      }
    }
  }
  return problems;
}

// ───────────── The actions ─────────────

let f: Fixtures;

beforeAll(async () => {
  await loadRouteModules();
  f = await resolveFixtures();
});
afterAll(() => closeRawDatabase());

/** The actions that write for some role, with the role that may (staff before admin, to use the lesser). */
const writable = Object.entries(matrix)
  .filter(([file]) => routeFiles.includes(file))
  .flatMap(([file, entry]): Array<[string, Entry, Role]> => {
    if (!("form" in entry.post)) return [];
    const expect = entry.post.expect;
    const role = (["member", "staff", "admin"] as const).find((r) => expect[r] === "ok");
    return role ? [[file, entry, role]] : [];
  });

describe("bad input to every action", () => {
  it("covers the actions that write", () => {
    expect(writable.length).toBeGreaterThan(20);
  });

  it("stores nothing it should not before the test starts (the demo data)", () => {
    expect(storedProblems()).toEqual([]);
  });

  it.each(writable)("%s", async (file, entry, role) => {
    const before = new Set(storedProblems());
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.constantFrom("replace", "replace", "replace", "repeat", "drop", "extra"), hostileValue, async (pick, how, value) => {
        const { pathname, form } = await postOf(entry, role, f);
        const fields = Object.keys(form).filter((k) => k !== "version");
        const field = how === "extra" || fields.length === 0 ? "unexpected" : fields[pick % fields.length];
        const m: Mutation = { field, how: how as Mutation["how"], value };
        const { result } = await call(file, "POST", role, pathname, "", mutate(form, m));
        const status = statusOf(result);
        expect(status, `${field} ${how} → ${status}`).toBeLessThan(500);
        // A thrown 400 is a tampered hidden field: the error page says so in the reader's language.
        if ((status === 400 || status === 413) && !(result instanceof Response)) {
          const messages = errorMessages(dataOf(result));
          expect(messages.length, `${field} ${how}: refused without a message`).toBeGreaterThan(0);
          // Every message is from the catalog: a key, or a key with its variables (messageRef).
          const raw = messages.filter((message) => !isMessageKey(message) && !parseMessageRef(message));
          expect(raw, `${field} ${how}: messages that are not in the catalog`).toEqual([]);
        }
      }),
      { numRuns: RUNS, seed: 20261202, endOnFailure: true },
    );
    expect(storedProblems().filter((problem) => !before.has(problem))).toEqual([]);
  });
});
