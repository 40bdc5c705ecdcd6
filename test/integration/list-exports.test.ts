// The CSV download of every list (routes/<list>[.]csv.ts): the rows the list's own filters keep, every
// page, in the list's order; UTF-8 with a BOM, in the reader's language; staff-only columns for staff
// alone; formulas defused. Each list's CSV is checked against its page's loader on the same URL.
import Database from "better-sqlite3";
import { parse } from "csv-parse/sync";
import { type LoaderFunctionArgs } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { loader as roundsCsv } from "~/routes/rounds[.]csv";
import { loader as roundsPage } from "~/routes/rounds._index";
import { loader as consultationsCsv } from "~/routes/consultations[.]csv";
import { loader as consultationsPage } from "~/routes/consultations._index";
import { loader as recommendationsCsv } from "~/routes/un.recommendations[.]csv";
import { loader as recommendationsPage } from "~/routes/un.recommendations._index";
import { loader as bodiesCsv } from "~/routes/bodies[.]csv";
import { loader as bodiesPage } from "~/routes/bodies._index";
import { loader as organisationsCsv } from "~/routes/organisations[.]csv";
import { loader as organisationsPage } from "~/routes/organisations._index";
import { loader as networksCsv } from "~/routes/networks[.]csv";
import { loader as networksPage } from "~/routes/networks._index";
import { loader as peopleCsv } from "~/routes/people[.]csv";
import { loader as peoplePage } from "~/routes/people._index";
import { loader as instrumentsCsv } from "~/routes/instruments[.]csv";
import { loader as instrumentsPage } from "~/routes/instruments._index";
import { loader as membershipCsv } from "~/routes/membership[.]csv";
import { loader as answersCsv } from "~/routes/bodies.$bodyId.answers[.]csv";
import { loader as answersPage } from "~/routes/bodies.$bodyId.answers";
import { loader as calendarCsv } from "~/routes/calendar[.]csv";
import { loader as calendarPage } from "~/routes/calendar._index";
import { db } from "~/utils/db.server";
import { args, type DemoRole, makeRequest, payload, run, statusOf } from "../request";

type Loader = (a: LoaderFunctionArgs) => Promise<unknown>;

async function download(loader: Loader, url: string, role: DemoRole, params: Record<string, string> = {}, lang?: "ja" | "en") {
  const response = await loader(args(await makeRequest(url, { role, headers: lang ? { "Accept-Language": lang } : undefined }), params));
  if (!(response instanceof Response)) throw new Error("not a download");
  expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
  expect(response.headers.get("Content-Disposition")).toMatch(/^attachment; filename=".*\.csv"; filename\*=UTF-8''/);
  const bytes = new Uint8Array(await response.arrayBuffer());
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes).replace(/^\uFEFF/, "");
  const rows: string[][] = parse(text, { relax_column_count: false });
  return { text, header: rows[0], rows: rows.slice(1), ids: rows.slice(1).map((r) => r[r.length - 1]) };
}

async function page(loader: Loader, url: string, role: DemoRole, params: Record<string, string> = {}) {
  return payload((await loader(args(await makeRequest(url, { role }), params))) as object) as unknown as Record<string, unknown>;
}

const idsOf = (items: unknown) => (items as Array<{ id: string }>).map((i) => i.id);

describe("every list's CSV holds the list's rows, every page, in its order", () => {
  it("negotiation rounds: 30 more than a page, filtered by year and kind, sorted like the list", async () => {
    for (let i = 0; i < 30; i++) {
      await db.negotiationRound.create({ data: { kind: "ministry_round", titleJa: `輸出テスト交渉${i}`, titleEn: `Export round ${i}`, heldOn: `2019-01-${String(i + 1).padStart(2, "0")}` } });
    }
    const url = "/rounds?year=2019&kind=ministry_round&sort=title&dir=desc";
    const list = await page(roundsPage, url, "member");
    const { header, rows, ids } = await download(roundsCsv, url.replace("/rounds", "/rounds.csv"), "member", {}, "en");
    expect(list.total).toBe(30);
    expect(rows).toHaveLength(30);
    expect(ids.slice(0, 25)).toEqual(idsOf(list.items));
    expect(header.slice(0, 4)).toEqual(["Date", "Kind", "Title (Japanese)", "Title (English)"]);
    expect(header[header.length - 1]).toBe("ID");
    expect(rows.every((r) => r[0].startsWith("2019") && r[1] === "Ministry negotiations")).toBe(true);
    expect(rows[0][3]).toBe("Export round 9");
  });

  it("consultations, recommendations, bodies, organisations, networks, people, instruments, calendar: the page's total and first page", async () => {
    const issued = await db.instrument.findFirstOrThrow({ where: { deletedAt: null, issuerBodyId: { not: null } }, select: { issuerBodyId: true } });
    const cases: Array<[Loader, Loader, string, (p: Record<string, unknown>) => string[]]> = [
      [consultationsPage, consultationsCsv, "/consultations?state=closed", (p) => idsOf(p.items)],
      [recommendationsPage, recommendationsCsv, "/un/recommendations?sort=paragraph&dir=desc", (p) => idsOf(p.items)],
      [bodiesPage, bodiesCsv, "/bodies", (p) => idsOf(p.rows)],
      [bodiesPage, bodiesCsv, "/bodies?kind=division&sort=name&dir=desc", (p) => idsOf(p.items)],
      [organisationsPage, organisationsCsv, "/organisations?sort=founded", (p) => idsOf(p.items)],
      [networksPage, networksCsv, "/networks?sort=demands", (p) => idsOf(p.items)],
      [peoplePage, peopleCsv, "/people?kind=staff", (p) => idsOf(p.items)],
      [instrumentsPage, instrumentsCsv, `/instruments?body=${issued.issuerBodyId}&sort=title`, (p) => idsOf(p.items)],
      [calendarPage, calendarCsv, "/calendar?view=list&from=2007-01-01&to=2011-12-31", (p) => (p.events as Array<{ uid: string }>).map((e) => e.uid)],
    ];
    for (const [pageLoader, csvLoader, url, shown] of cases) {
      const list = await page(pageLoader, url, "member");
      const [path, search] = url.split("?");
      const { rows, ids } = await download(csvLoader, `${path === "/calendar" ? "/calendar" : path}.csv?${search ?? ""}`, "member");
      expect(rows.length, url).toBe(list.total);
      expect(rows.length, url).toBeGreaterThan(0);
      expect(ids.slice(0, shown(list).length), url).toEqual(shown(list));
    }
  });

  it("a filter that keeps nothing gives the header alone", async () => {
    const { header, rows } = await download(organisationsCsv, "/organisations.csv?q=zzzz-no-such-name", "member");
    expect(header.length).toBeGreaterThan(3);
    expect(rows).toEqual([]);
  });

  it("a body's answers: every round of the filtered answers, the same answers as the page counts", async () => {
    const busiest = await db.agendaItem.groupBy({ by: ["bodyId"], where: { bodyId: { not: null } }, _count: { _all: true }, orderBy: { _count: { id: "desc" } }, take: 1 });
    const bodyId = busiest[0].bodyId ?? "";
    const list = await page(answersPage, `/bodies/${bodyId}/answers?sub=1`, "member", { bodyId });
    const { rows, ids, header } = await download(answersCsv, `/bodies/${bodyId}/answers.csv?sub=1`, "member", { bodyId }, "ja");
    expect(rows.length).toBe(list.listedCount);
    const firstRound = (list.rounds as Array<{ items: Array<{ id: string }> }>)[0].items.map((i) => i.id);
    expect(ids.slice(0, firstRound.length)).toEqual(firstRound);
    // The demo member reads English, staff Japanese.
    expect(header[0]).toBe("Date");
    expect(header).not.toContain("Internal note (staff only)");
    const forStaff = await download(answersCsv, `/bodies/${bodyId}/answers.csv?sub=1`, "staff", { bodyId });
    expect(forStaff.header[0]).toBe("日付");
    expect(forStaff.header).toContain("内部メモ（スタッフのみ）");
    // An assessment filter keeps only those answers.
    const refusals = await download(answersCsv, `/bodies/${bodyId}/answers.csv?sub=1&assessment=refusal`, "member", { bodyId }, "en");
    const column = refusals.header.indexOf("Assessment");
    expect(refusals.rows.every((r) => r[column] === "Refusal")).toBe(true);
    expect(await run(() => answersCsv(args(new Request("http://localhost/bodies/nope/answers.csv"), { bodyId: "nope" })))).toBeInstanceOf(Response);
  });
});

describe("staff-only columns", () => {
  it("rounds, consultations, recommendations and answers: internal notes for staff, no column for members", async () => {
    const round = await db.negotiationRound.create({ data: { kind: "individual_talks", titleJa: "メモ付き面談", titleEn: "Talk with a note", heldOn: "2020-02", internalNote: "秘密のメモ" } });
    const staff = await download(roundsCsv, "/rounds.csv?year=2020", "staff", {}, "ja");
    expect(staff.header).toContain("内部メモ（スタッフのみ）");
    expect(staff.rows.find((r) => r[staff.rows[0].length - 1] === round.id)).toContain("秘密のメモ");
    const member = await download(roundsCsv, "/rounds.csv?year=2020", "member", {}, "ja");
    expect(member.header).not.toContain("内部メモ（スタッフのみ）");
    expect(member.text).not.toContain("秘密のメモ");

    await db.consultation.updateMany({ data: { internalNote: "パブコメ内部メモ" } });
    await db.recommendation.updateMany({ data: { internalNote: "勧告内部メモ" } });
    for (const [loader, url, note] of [
      [consultationsCsv, "/consultations.csv", "パブコメ内部メモ"],
      [recommendationsCsv, "/un/recommendations.csv", "勧告内部メモ"],
    ] as const) {
      expect((await download(loader, url, "staff")).text).toContain(note);
      const forMember = await download(loader, url, "member");
      expect(forMember.text).not.toContain(note);
      expect(forMember.header.join()).not.toMatch(/internal|内部/i);
    }
  });

  it("people: email, phone and notes for staff only; members cannot find a person by email", async () => {
    const person = await db.person.create({ data: { kind: "partner", nameJa: "連絡 太郎", nameEn: "Taro Renraku", email: "taro@example.org", phone: "03-0000-0000", notes: "内緒" } });
    const staff = await download(peopleCsv, "/people.csv?q=taro@example.org", "staff", {}, "en");
    expect(staff.rows).toHaveLength(1);
    expect(staff.header).toEqual(expect.arrayContaining(["メールアドレス", "電話番号", "メモ（スタッフのみ）"]));
    expect(staff.rows[0]).toEqual(expect.arrayContaining(["taro@example.org", "03-0000-0000", "内緒", person.id]));
    expect((await download(peopleCsv, "/people.csv?q=taro@example.org", "member")).rows).toEqual([]);
    const member = await download(peopleCsv, "/people.csv?q=Renraku", "member", {}, "en");
    expect(member.rows).toHaveLength(1);
    expect(member.header).not.toContain("Email");
    expect(member.text).not.toMatch(/taro@example\.org|03-0000-0000|内緒/);
  });

  it("membership figures are staff-only, like their page", async () => {
    expect(statusOf(await run(() => membershipCsv(args(new Request("http://localhost/membership.csv")))))).toBe(302);
    const refused = await run(async () => membershipCsv(args(await makeRequest("/membership.csv", { role: "member" }))));
    expect(statusOf(refused)).toBe(403);
    const figures = await db.membershipFigure.findMany({ where: { deletedAt: null }, orderBy: { year: "desc" } });
    const { rows, header } = await download(membershipCsv, "/membership.csv", "staff", {}, "en");
    expect(header[0]).toBe("年（12月31日現在の数字）");
    expect(rows.map((r) => Number(r[0]))).toEqual(figures.map((f) => f.year));
  });
});

describe("cells", () => {
  it("keep both languages and Japanese text, and defuse formulas typed into a record", async () => {
    await db.organisation.create({ data: { kind: "partner", nameJa: "=HYPERLINK(\"http://x\")", nameEn: "@SUM(A1)", shortName: "+1" } });
    const { rows, header } = await download(organisationsCsv, "/organisations.csv?q=HYPERLINK", "staff");
    expect(header.slice(1, 4)).toEqual(["名称（日本語）", "名称（英語）", "略称"]);
    expect(rows[0].slice(1, 4)).toEqual(["'=HYPERLINK(\"http://x\")", "'@SUM(A1)", "'+1"]);
    const ja = await download(organisationsCsv, "/organisations.csv?q=" + encodeURIComponent("移住"), "member");
    expect(ja.rows.length).toBeGreaterThan(0);
    expect(ja.rows.every((r) => `${r[1]}${r[6]}`.includes("移住"))).toBe(true);
  });
});

describe("statements", () => {
  /** The SQL statements a download makes (Prisma's adapter prepares each statement it runs). */
  async function statements(loader: Loader, url: string, params: Record<string, string> = {}) {
    const request = await makeRequest(url, { role: "staff" });
    const prototype = Database.prototype as unknown as { prepare: (sql: string) => unknown };
    const prepare = prototype.prepare;
    let count = 0;
    prototype.prepare = function (this: unknown, sql: string) {
      count += 1;
      return prepare.call(this, sql);
    };
    try {
      await loader(args(request, params));
    } finally {
      prototype.prepare = prepare;
    }
    return count;
  }

  it("do not grow with the rows: no statement per row", async () => {
    const cases: Array<[Loader, string]> = [
      [roundsCsv, "/rounds.csv"],
      [peopleCsv, "/people.csv"],
      [recommendationsCsv, "/un/recommendations.csv"],
      [instrumentsCsv, "/instruments.csv"],
    ];
    const before = [];
    for (const [loader, url] of cases) before.push(await statements(loader, url));
    for (let i = 0; i < 40; i++) {
      await db.negotiationRound.create({ data: { kind: "ministry_round", titleJa: `件数${i}`, titleEn: `Count ${i}`, heldOn: "2021" } });
      await db.person.create({ data: { kind: "other", nameJa: `件数${i}`, nameEn: `Count ${i}` } });
      await db.instrument.create({ data: { kind: "law", titleJa: `件数${i}`, titleEn: `Count ${i}` } });
    }
    const after = [];
    for (const [loader, url] of cases) after.push(await statements(loader, url));
    expect(after).toEqual(before);
    // Within a page's budget (query-budget.test.ts: 24), the session read included.
    expect(Math.max(...after)).toBeLessThanOrEqual(16);
  });
});
