import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaClient } from "~/generated/prisma/client";
import { loadTimeline, type TimelineClient } from "~/models/timeline.server";
import { I18nProvider } from "~/i18n/react";
import DemandTimeline, { loader } from "~/routes/demands.$demandId.timeline";
import { db } from "~/utils/db.server";
import { todayInJapan } from "~/utils/partial-date";
import { args, makeRequest, payload, run, statusOf } from "../request";

const doc = (text: string) => JSON.stringify({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });
const bodyId = async (nameEn: string) => (await db.body.findFirstOrThrow({ where: { nameEn } })).id;

const SECRETS = ["REQUEST-SECRET-41", "ROUND-SECRET-42", "ITEM-SECRET-43", "OUTCOME-SECRET-44"];

let demandId = "";
let moj = "";
let bureau = "";
let mhlw = "";

/** One demand with one of everything, dated so that the order is known (see the expected list below). */
beforeAll(async () => {
  [moj, bureau, mhlw] = await Promise.all([bodyId("Ministry of Justice"), bodyId("Immigration Bureau"), bodyId("Ministry of Health, Labour and Welfare")]);
  const demand = await db.demand.create({ data: { ref: "T-101", titleJa: "経過のテスト", titleEn: "Timeline test", firstRaisedOn: "2007-10" } });
  demandId = demand.id;

  await db.request.create({
    data: {
      kind: "regular",
      titleJa: "2007年度 要望書",
      titleEn: "Requests 2007",
      sentOn: "2007-11-20",
      internalNote: SECRETS[0],
      addressees: { create: [{ bodyId: moj }, { bodyId: mhlw }] },
      items: { create: [{ position: 1, demandId, wordingJa: "在留資格の柔軟な運用を求める", wordingEn: "Flexible residence status" }] },
    },
  });
  await db.request.create({
    data: { kind: "regular", titleJa: "削除した要望書", titleEn: "Deleted request", sentOn: "2007-12", deletedAt: new Date(), items: { create: [{ position: 1, demandId }] } },
  });
  const instrumentMoj = await db.instrument.create({ data: { kind: "basic_policy", titleJa: "出入国管理基本計画", titleEn: "Basic Plan for Immigration Control", issuerBodyId: moj } });
  const instrumentMhlw = await db.instrument.create({ data: { kind: "notice", titleJa: "厚労省通知", titleEn: "MHLW notice", issuerBodyId: mhlw } });
  await db.outcome.create({ data: { demandId, instrumentId: instrumentMoj.id, degree: "mentioned", occurredOn: "2008", quoteJa: "配慮する", note: "A first mention" } });
  await db.negotiationRound.create({
    data: {
      kind: "ministry_round",
      titleJa: "第1回 省庁交渉",
      titleEn: "Ministry round 1",
      heldOn: "2008-02-14",
      internalNote: SECRETS[1],
      items: {
        create: [
          { position: 1, demandId, bodyId: bureau, questionJa: "運用を改めるか", answer: doc("検討中です"), answerText: "検討中です", assessment: "evasive", internalNote: SECRETS[2] },
          {
            position: 2,
            demandId,
            bodyId: mhlw,
            questionJa: "通知を出すか",
            answer: doc("年内に通知を出します"),
            answerText: "年内に通知を出します",
            assessment: "commitment",
            commitmentJa: "年内に通知を出す",
            followUpOn: "2008-06",
            followUpStatus: "open",
          },
        ],
      },
    },
  });
  await db.outcome.create({ data: { demandId, instrumentId: instrumentMhlw.id, degree: "partially_reflected", occurredOn: "2009-07", internalNote: SECRETS[3] } });
  await db.outcome.create({ data: { demandId, degree: "reflected", occurredOn: "2009-08", deletedAt: new Date() } });
  await db.demandStatusOverride.create({ data: { demandId, status: "reflected", reason: "Agreed at the steering committee", fromOn: "2011-04" } });
});

const url = (query = "") => `/demands/${demandId}/timeline${query}`;
const load = async (role: "member" | "staff", query = "") => payload(await loader(args(await makeRequest(url(query), { role }), { demandId })));

describe("the demand timeline", () => {
  it("sends anonymous visitors to sign in and answers 404 for an unknown demand", async () => {
    const anonymous = await run(async () => loader(args(await makeRequest(url()), { demandId })));
    expect(statusOf(anonymous)).toBe(302);
    const unknown = await run(async () => loader(args(await makeRequest("/demands/nope/timeline", { role: "member" }), { demandId: "nope" })));
    expect(statusOf(unknown)).toBe(404);
  });

  it("lists every event of the demand oldest first, without deleted requests and outcomes", async () => {
    const data = await load("member");
    expect(data.events.map((e) => [e.channel, e.date])).toEqual([
      ["raised", "2007-10"],
      ["request", "2007-11-20"],
      ["outcome", "2008"],
      ["status", "2008"],
      ["round", "2008-02-14"],
      ["round", "2008-02-14"],
      ["commitment", "2008-06"],
      ["outcome", "2009-07"],
      ["status", "2009-07"],
      ["status", "2011-04"],
    ]);
    const round = data.events.find((e) => e.channel === "round");
    expect(round?.channel === "round" && round.item.answerHtml).toBe("<p>検討中です</p>");
    expect(round?.channel === "round" && round.body?.id).toBe(bureau);
    const commitment = data.events.find((e) => e.channel === "commitment");
    // 2008-06 is long past, Japan time: an open commitment is overdue.
    expect(commitment).toMatchObject({ followUpStatus: "open", overdue: true, commitmentJa: "年内に通知を出す" });
    const override = data.events[data.events.length - 1];
    expect(override.channel === "status" && override.override?.reason).toBe("Agreed at the steering committee");
    expect(data.today).toBe(todayInJapan());
    expect(data.history.map((p) => p.status)).toEqual(["open", "mentioned", "partially_reflected", "reflected"]);
  });

  it("shows newest first on request, keeping the filters in the URL", async () => {
    const asc = await load("member", "?channel=round");
    const desc = await load("member", "?channel=round&order=desc");
    expect(desc.filter).toEqual({ channels: ["round"], bodyId: null, order: "desc" });
    expect(desc.events.map((e) => e.key)).toEqual(asc.events.map((e) => e.key).reverse());
  });

  it("filters by several channels", async () => {
    const data = await load("member", "?channel=request&channel=outcome&channel=bogus");
    expect(data.filter.channels).toEqual(["request", "outcome"]);
    expect(data.events.map((e) => `${e.channel} ${e.date}`)).toEqual(["request 2007-11-20", "outcome 2008", "outcome 2009-07"]);
    expect(data.counts).toMatchObject({ request: 1, round: 2, commitment: 1, outcome: 2, status: 3 });
  });

  it("filters by a body and the bodies below it", async () => {
    const mojSide = await load("member", `?body=${moj}`);
    expect(mojSide.events.map((e) => `${e.channel} ${e.date}`)).toEqual(["request 2007-11-20", "outcome 2008", "round 2008-02-14"]);
    const mhlwSide = await load("member", `?body=${mhlw}`);
    expect(mhlwSide.events.map((e) => `${e.channel} ${e.date}`)).toEqual(["request 2007-11-20", "round 2008-02-14", "commitment 2008-06", "outcome 2009-07"]);
    // The filter offers the bodies this demand met, with those above them.
    expect(mojSide.bodyOptions.map((o) => o.value)).toEqual(expect.arrayContaining([moj, bureau, mhlw]));
    const unknown = await load("member", "?body=nope");
    expect(unknown.filter.bodyId).toBeNull();
    expect(unknown.events).toHaveLength(10);
  });

  it("never sends internal notes to a member, and offers no edit control", async () => {
    const data = await load("member");
    const serialised = JSON.stringify(data);
    for (const secret of SECRETS) expect(serialised).not.toContain(secret);
    expect(data.canEdit).toBe(false);
    expect(data.showsInternal).toBe(false);
  });

  it("gives staff the internal notes, to be marked internal", async () => {
    const data = await load("staff");
    const serialised = JSON.stringify(data);
    for (const secret of SECRETS) expect(serialised).toContain(secret);
    expect(data.canEdit).toBe(true);
    expect(data.showsInternal).toBe(true);
    const request = data.events.find((e) => e.channel === "request");
    expect(request?.channel === "request" && request.request.internalNote).toBe(SECRETS[0]);
    const rounds = data.events.filter((e) => e.channel === "round");
    // The round's note once, on its first item; the item's note on its item.
    expect(rounds.map((e) => e.channel === "round" && [e.roundInternalNote, e.item.internalNote])).toEqual([
      [SECRETS[1], SECRETS[2]],
      [null, null],
    ]);
  });
});

describe("the timeline's queries", () => {
  // Counted two honest ways, on a second client of this test file's own database:
  // - `operations`: every Prisma operation (findMany, findFirst, ...) the loader starts, through a
  //   query extension ($allOperations sees each top-level call once);
  // - `statements`: every SQL statement that reaches SQLite, through a wrapper around the driver
  //   adapter's queryRaw/executeRaw (an `include` or nested `select` can cost several statements).
  // The loader takes its client as a parameter, so it runs on this counting client unchanged.
  let operations = 0;
  let statements = 0;
  let base: PrismaClient;
  let counting: TimelineClient;

  beforeAll(() => {
    const factory = new PrismaBetterSQLite3({ url: process.env.DATABASE_URL ?? "" });
    const adapter = {
      provider: "sqlite" as const,
      adapterName: factory.adapterName,
      connect: async () => {
        const connection = await factory.connect();
        return new Proxy(connection, {
          get(target, prop, receiver) {
            const value = Reflect.get(target, prop, receiver);
            if (prop === "queryRaw" || prop === "executeRaw") {
              return (...a: unknown[]) => {
                statements++;
                return (value as (...x: unknown[]) => unknown).apply(target, a);
              };
            }
            return typeof value === "function" ? value.bind(target) : value;
          },
        });
      },
    };
    base = new PrismaClient({ adapter });
    counting = base.$extends({
      query: {
        $allOperations({ args: queryArgs, query }) {
          operations++;
          return query(queryArgs);
        },
      },
    }) as unknown as TimelineClient;
  });
  afterAll(async () => {
    await base.$disconnect();
  });

  async function demandWith(ref: string, count: number) {
    const demand = await db.demand.create({ data: { ref, titleJa: ref, titleEn: ref, firstRaisedOn: "2000" } });
    for (let i = 0; i < count; i++) {
      const year = 2001 + i;
      await db.request.create({
        data: { kind: "regular", titleJa: `要望 ${year}`, titleEn: `Request ${year}`, sentOn: `${year}-10`, addressees: { create: [{ bodyId: moj }] }, items: { create: [{ position: 1, demandId: demand.id }] } },
      });
      await db.negotiationRound.create({
        data: {
          kind: "ministry_round",
          titleJa: `交渉 ${year}`,
          titleEn: `Round ${year}`,
          heldOn: `${year}-11-01`,
          items: {
            create: [
              { position: 1, demandId: demand.id, bodyId: bureau, answer: doc(`回答 ${year}`), answerText: `回答 ${year}`, assessment: "evasive" },
              { position: 2, demandId: demand.id, bodyId: mhlw, commitmentJa: "約束", followUpOn: `${year + 1}-03`, followUpStatus: "open" },
            ],
          },
        },
      });
      await db.outcome.create({ data: { demandId: demand.id, degree: i % 2 ? "mentioned" : "partially_reflected", occurredOn: `${year}-12` } });
      await db.demandStatusOverride.create({ data: { demandId: demand.id, status: "open", reason: `r${i}`, fromOn: `${year}-12-15`, clearedAt: new Date(Date.UTC(year + 1, 0, 10)) } });
    }
    return demand.id;
  }

  async function measure(id: string) {
    operations = 0;
    statements = 0;
    const data = await loadTimeline({ demandId: id, role: "staff", locale: "ja" }, counting);
    return { operations, statements, events: data?.shown ?? 0 };
  }

  it("is the same, fixed, for 1 and for 15 of everything", async () => {
    const small = await measure(await demandWith("T-201", 1));
    const large = await measure(await demandWith("T-202", 15));
    expect(small.events).toBeGreaterThanOrEqual(6);
    expect(large.events).toBeGreaterThan(small.events * 10);
    // Eight reads: the demand, its requests, agenda items, outcomes, public-comment points, overrides, the bodies, and UN recommendations.
    expect(small.operations).toBe(8);
    expect(large.operations).toBe(small.operations);
    expect(small.statements).toBeGreaterThanOrEqual(small.operations);
    expect(large.statements).toBe(small.statements);
  });
});

describe("the timeline page", () => {
  /** Renders the page on the server with a loader's data, as Remix does (react-router's static rendering). */
  async function render(data: object, locale: "ja" | "en") {
    const handler = createStaticHandler([
      { id: "timeline", path: "/demands/:demandId/timeline", loader: () => data, element: createElement(I18nProvider, { locale, children: createElement(DemandTimeline) }) },
    ]);
    const context = await handler.query(new Request(`http://localhost${url()}`));
    if (context instanceof Response) throw new Error("unexpected response");
    return renderToString(createElement(StaticRouterProvider, { router: createStaticRouter(handler.dataRoutes, context), context, hydrate: false }));
  }

  it("draws the swimlane as an accessible SVG above the list, in the reader's language", async () => {
    const html = await render(await load("member"), "en");
    expect(html).toMatch(/<svg[^>]*viewBox="0 0 1100 \d+"[^>]*width="100%"[^>]*role="img"[^>]*aria-label="Timeline of T-101 from 2007 to \d{4}\. Requests: 1, negotiation items: 2, commitments: 1, outcomes: 2\. Status now: Reflected since 1 April 2011\."/);
    // One <title> per mark (6 events on the tracks) plus one per status period (4).
    expect(html.match(/<title>/g)).toHaveLength(10);
    expect(html).toContain("Partially reflected");
    expect(html).toContain("Legend");
    expect(html.indexOf("<svg")).toBeLessThan(html.indexOf('class="timeline-list"'));
    for (const secret of SECRETS) expect(html).not.toContain(secret);
    expect(html).not.toContain(`/demands/${demandId}/edit`);
    const ja = await render(await load("member"), "ja");
    expect(ja).toContain("凡例");
    expect(ja).toContain("2008年2月14日");
  });

  it("says so when nothing has happened yet", async () => {
    const empty = await db.demand.create({ data: { ref: "T-102", titleJa: "空", titleEn: "Empty" } });
    const data = payload(await loader(args(await makeRequest(`/demands/${empty.id}/timeline`, { role: "member" }), { demandId: empty.id })));
    expect(data.events).toEqual([]);
    const html = await render(data, "en");
    expect(html).toContain("Nothing has happened to this demand yet");
    expect(html).not.toContain("<svg");
  });

  it("marks internal notes as internal for staff, with an edit control", async () => {
    const html = await render(await load("staff"), "en");
    for (const secret of SECRETS) expect(html).toContain(secret);
    expect(html.match(/>Internal</g)?.length).toBe(4);
    expect(html).toContain(`/demands/${demandId}/edit`);
  });
});
