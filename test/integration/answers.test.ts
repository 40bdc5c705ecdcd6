import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server";
import { beforeAll, describe, expect, it } from "vitest";
import { I18nProvider } from "~/i18n/react";
import BodyAnswers, { loader } from "~/routes/bodies.$bodyId.answers";
import { db } from "~/utils/db.server";
import { args, makeRequest, payload, run, statusOf } from "../request";

// Bodies of this file's own, so that demo rounds added later cannot change the counts.
let ministry = "";
let bureau = "";
let other = "";
let demandA = "";
let demandB = "";
const items: Record<string, string> = {};
const rounds: Record<string, string> = {};

const JA_2010 = "技能実習制度については、現在、有識者会議において制度の在り方を検討しているところであり、その結果を踏まえて適切に対応してまいりたい。";
const JA_2011 = "技能実習制度については、現在、有識者会議において制度の在り方を検討しているところであり、その議論を踏まえて適切に対応してまいります。";
const DIFFERENT = "在留資格の変更については、個別の事情を考慮して判断しており、一律に認めることは困難であると考えている。";
const SECRET = "ANSWER-SECRET-77";

const doc = (text: string) => JSON.stringify({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });

async function round(key: string, heldOn: string, list: Array<{ key: string; demandId: string; bodyId: string; text: string; assessment?: string; internalNote?: string }>) {
  const created = await db.negotiationRound.create({
    data: {
      kind: "ministry_round",
      titleJa: `交渉 ${heldOn}`,
      titleEn: `Round ${heldOn}`,
      heldOn,
      items: {
        create: list.map((i, position) => ({
          position: position + 1,
          demandId: i.demandId,
          bodyId: i.bodyId,
          questionJa: `質問 ${i.key}`,
          answer: doc(i.text),
          answerText: i.text,
          assessment: i.assessment ?? null,
          internalNote: i.internalNote ?? null,
        })),
      },
    },
    include: { items: true },
  });
  rounds[key] = created.id;
  for (const [index, item] of created.items.sort((a, b) => a.position - b.position).entries()) items[list[index].key] = item.id;
}

beforeAll(async () => {
  ministry = (await db.body.create({ data: { kind: "ministry", nameJa: "試験省", nameEn: "Ministry of Tests" } })).id;
  bureau = (await db.body.create({ data: { kind: "bureau", nameJa: "試験局", nameEn: "Testing Bureau", parentId: ministry } })).id;
  other = (await db.body.create({ data: { kind: "ministry", nameJa: "別の省", nameEn: "Another Ministry" } })).id;
  demandA = (await db.demand.create({ data: { ref: "T-301", titleJa: "技能実習制度の廃止", titleEn: "Abolish the trainee programme" } })).id;
  demandB = (await db.demand.create({ data: { ref: "T-302", titleJa: "在留資格の変更", titleEn: "Change of status" } })).id;

  await round("r2010", "2010-11-01", [
    { key: "a2010", demandId: demandA, bodyId: bureau, text: JA_2010, assessment: "evasive" },
    { key: "b2010", demandId: demandB, bodyId: ministry, text: "方針は変わりません。", assessment: "refusal", internalNote: SECRET },
  ]);
  await round("r2011", "2011-11-01", [
    { key: "a2011", demandId: demandA, bodyId: bureau, text: JA_2011, assessment: "evasive" },
    { key: "b2011", demandId: demandB, bodyId: ministry, text: DIFFERENT, assessment: "will_consider" },
  ]);
  // The same words from a body outside the family: not this body's stock answer.
  await round("r2012", "2012-10", [{ key: "x2012", demandId: demandA, bodyId: other, text: JA_2010 }]);
  const deleted = await db.negotiationRound.create({ data: { kind: "ministry_round", titleJa: "削除", titleEn: "Deleted", heldOn: "2013", deletedAt: new Date() } });
  await db.agendaItem.create({ data: { roundId: deleted.id, position: 1, demandId: demandA, bodyId: bureau, answerText: JA_2010 } });
});

const load = async (bodyId: string, query = "", role: "member" | "staff" = "member") =>
  payload(await loader(args(await makeRequest(`/bodies/${bodyId}/answers${query}`, { role }), { bodyId })));

describe("a body's answers", () => {
  it("asks to sign in, and answers 404 for an unknown body", async () => {
    expect(statusOf(await run(async () => loader(args(await makeRequest(`/bodies/${ministry}/answers`), { bodyId: ministry }))))).toBe(302);
    expect(statusOf(await run(async () => loader(args(await makeRequest("/bodies/nope/answers", { role: "member" }), { bodyId: "nope" }))))).toBe(404);
  });

  it("lists the body's own answers only, unless its sub-bodies are asked for", async () => {
    const own = await load(ministry);
    expect(own.rounds.flatMap((r) => r.items.map((i) => i.id))).toEqual([items.b2011, items.b2010]);
    expect(own.hasSubBodies).toBe(true);
    expect(own.summary).toMatchObject({ total: 2, stock: 0 });
    expect(own.subBodyAnswers).toBe(2);
  });

  it("groups by round, newest round first, and counts by assessment", async () => {
    const data = await load(ministry, "?sub=1");
    expect(data.rounds.map((r) => r.round.id)).toEqual([rounds.r2011, rounds.r2010]);
    expect(data.rounds[0].items.map((i) => i.id)).toEqual([items.a2011, items.b2011]);
    expect(data.rounds[0].items[0].answerHtml).toBe(`<p>${JA_2011}</p>`);
    expect(data.rounds[0].items[0].body?.id).toBe(bureau);
    expect(data.summary).toEqual({ total: 4, stock: 1, byAssessment: { commitment: 0, will_consider: 1, evasive: 2, refusal: 1, no_answer: 0, none: 0 } });
  });

  it("flags a stock answer across two rounds, with a link to where it was given before", async () => {
    const data = await load(ministry, "?sub=1");
    const answers = data.rounds.flatMap((r) => r.items);
    const repeated = answers.find((i) => i.id === items.a2011);
    expect(repeated?.stock).toMatchObject({ itemId: items.a2010, roundId: rounds.r2010, heldOn: "2010-11-01", times: 1, round: { id: rounds.r2010 } });
    expect(repeated?.stock?.score).toBeGreaterThanOrEqual(0.8);
    for (const id of [items.a2010, items.b2010, items.b2011]) expect(answers.find((i) => i.id === id)?.stock).toBeNull();
    // The bureau's own page finds it too: same body.
    const bureauPage = await load(bureau);
    expect(bureauPage.rounds.flatMap((r) => r.items).find((i) => i.id === items.a2011)?.stock?.itemId).toBe(items.a2010);
    // Another ministry saying the same later is not flagged against this family, nor shown here.
    const otherPage = await load(other);
    expect(otherPage.rounds.flatMap((r) => r.items).map((i) => [i.id, i.stock])).toEqual([[items.x2012, null]]);
  });

  it("builds the demand × round matrix: demands as rows, rounds in date order, assessment cells", async () => {
    const { matrix } = await load(ministry, "?sub=1");
    expect(matrix.demands.map((d) => d.ref)).toEqual(["T-301", "T-302"]);
    expect(matrix.rounds.map((r) => r.id)).toEqual([rounds.r2010, rounds.r2011]);
    expect(matrix.cells[`${demandA}:${rounds.r2010}`]).toEqual([{ itemId: items.a2010, roundId: rounds.r2010, assessment: "evasive", stock: false }]);
    expect(matrix.cells[`${demandA}:${rounds.r2011}`]).toEqual([{ itemId: items.a2011, roundId: rounds.r2011, assessment: "evasive", stock: true }]);
    expect(matrix.cells[`${demandB}:${rounds.r2010}`]?.[0].assessment).toBe("refusal");
    expect(Object.keys(matrix.cells)).toHaveLength(4);
  });

  it("filters the list by search, demand, assessment and stock answers, leaving the summary whole", async () => {
    const stockOnly = await load(ministry, "?sub=1&stock=1");
    expect(stockOnly.rounds.flatMap((r) => r.items.map((i) => i.id))).toEqual([items.a2011]);
    expect(stockOnly.summary.total).toBe(4);
    const refusals = await load(ministry, "?sub=1&assessment=refusal");
    expect(refusals.rounds.flatMap((r) => r.items.map((i) => i.id))).toEqual([items.b2010]);
    const byDemand = await load(ministry, `?sub=1&demand=${demandB}`);
    expect(byDemand.rounds.flatMap((r) => r.items.map((i) => i.id))).toEqual([items.b2011, items.b2010]);
    const searched = await load(ministry, `?sub=1&q=${encodeURIComponent("一律に")}`);
    expect(searched.rounds.flatMap((r) => r.items.map((i) => i.id))).toEqual([items.b2011]);
    const bogus = await load(ministry, "?sub=1&assessment=bogus&page=99");
    expect(bogus.query.assessment).toBeUndefined();
    expect(bogus.page).toBe(1);
  });

  it("keeps internal notes from members and gives them to staff", async () => {
    expect(JSON.stringify(await load(ministry, "?sub=1"))).not.toContain(SECRET);
    const staff = await load(ministry, "?sub=1", "staff");
    expect(staff.rounds.flatMap((r) => r.items).find((i) => i.id === items.b2010)?.internalNote).toBe(SECRET);
  });
});

describe("the answers page", () => {
  /** Renders the page on the server with a loader's data, as Remix does (react-router's static rendering). */
  async function render(bodyId: string, data: object, locale: "ja" | "en") {
    const handler = createStaticHandler([
      { id: "answers", path: "/bodies/:bodyId/answers", loader: () => data, element: createElement(I18nProvider, { locale, children: createElement(BodyAnswers) }) },
    ]);
    const context = await handler.query(new Request(`http://localhost/bodies/${bodyId}/answers?sub=1`));
    if (context instanceof Response) throw new Error("unexpected response");
    return renderToString(createElement(StaticRouterProvider, { router: createStaticRouter(handler.dataRoutes, context), context, hydrate: false }));
  }

  it("shows the summary, the matrix with links to each answer, and the stock answer flag with its earlier round", async () => {
    const html = await render(ministry, await load(ministry, "?sub=1"), "en");
    expect(html).toContain("Answers of Ministry of Tests");
    expect(html).toContain(`href="/rounds/${rounds.r2011}#item-${items.a2011}"`);
    expect(html).toContain('aria-label="T-301, 1 November 2011: Evasive (Stock answer)"');
    expect(html).toContain("The same answer as in the round of 1 November 2010 (earlier rounds with this answer: 1).");
    expect(html).toContain(`href="/rounds/${rounds.r2010}#item-${items.a2010}"`);
    expect(html).not.toContain(SECRET);
    const ja = await render(ministry, await load(ministry, "?sub=1", "staff"), "ja");
    expect(ja).toContain("紋切り型の回答");
    expect(ja).toContain(SECRET);
  });
});
