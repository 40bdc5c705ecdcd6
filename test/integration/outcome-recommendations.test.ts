// A UN recommendation as an outcome's channel (docs/decisions/010): offered in the outcome form (the
// demand's linked recommendations first, others found by symbol and paragraph), checked, saved with
// its history, shown on the outcome page and the demand's timeline, and counted as evidence for the
// recommendation's section of the counter-report (docs/decisions/014).
import { beforeAll, describe, expect, it } from "vitest";
import { composerData, createReport } from "~/models/counter-report.server";
import { parseRecommendationQuery } from "~/models/outcome.server";
import { recordHistory } from "~/models/history.server";
import { loadTimeline } from "~/models/timeline.server";
import { loader as formOptionsLoader } from "~/routes/outcomes.form-options";
import { loader as detailLoader } from "~/routes/outcomes.$outcomeId._index";
import { action as editAction, loader as editLoader } from "~/routes/outcomes.$outcomeId.edit";
import { action as newAction, loader as newLoader } from "~/routes/outcomes.new";
import { db } from "~/utils/db.server";
import { args, type DemoRole, payload, run, sessionCookie, statusOf } from "../request";

async function multipart(url: string, role: DemoRole, fields: Record<string, string | string[]>) {
  const body = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const item of Array.isArray(v) ? v : [v]) body.append(k, item);
  return new Request(new URL(url, "http://localhost"), { method: "POST", headers: { Cookie: await sessionCookie(role) }, body });
}
const get = async (url: string, role: DemoRole = "staff") => new Request(new URL(url, "http://localhost"), { headers: { Cookie: await sessionCookie(role) } });

let demandId: string;
let otherDemandId: string;
let mechanismId: string;
let linkedRec: string;
let otherRec: string;
let subRecA: string;
let comingCycleId: string;

beforeAll(async () => {
  const demand = await db.demand.create({ data: { ref: "UR-001", titleJa: "人種差別撤廃法の制定", titleEn: "An anti-discrimination law", firstRaisedOn: "2007" } });
  const other = await db.demand.create({ data: { ref: "UR-002", titleJa: "国内人権機関の設置", titleEn: "A national human rights institution" } });
  demandId = demand.id;
  otherDemandId = other.id;
  const m = await db.unMechanism.create({ data: { kind: "treaty", abbreviation: "URX", nameJa: "試験条約", nameEn: "Test convention", japanStatus: "ratified" } });
  mechanismId = m.id;
  const last = await db.reviewCycle.create({ data: { mechanismId, titleJa: "前回審査", titleEn: "Last review", stages: { create: [{ kind: "concluding_observations", on: "2010-04-06" }] } } });
  const coming = await db.reviewCycle.create({ data: { mechanismId, titleJa: "次回審査", titleEn: "Next review", stages: { create: [{ kind: "ngo_submission_deadline", on: "2014-07-15" }] } } });
  comingCycleId = coming.id;
  const co = await db.unDocument.create({ data: { mechanismId, cycleId: last.id, kind: "concluding_observations", symbol: "URX/C/JPN/CO/3-6", titleJa: "総括所見", titleEn: "Concluding observations", issuedOn: "2010-04-06" } });
  const rec = (paragraph: string, headingEn: string) =>
    db.recommendation.create({ data: { documentId: co.id, paragraph, position: parseInt(paragraph, 10), headingEn, textEn: `The Committee recommends (${paragraph}).`, internalNote: "内部メモ：勧告" } });
  linkedRec = (await rec("9", "Racial discrimination law")).id;
  otherRec = (await rec("12", "National human rights institution")).id;
  subRecA = (await rec("12 (a)", "Paris Principles")).id;
  await db.recommendationDemand.create({ data: { recommendationId: linkedRec, demandId } });
});

const form = (extra: Record<string, string | string[]> = {}) => ({
  demandId,
  degree: "mentioned",
  occurredOn: "2012-03",
  quoteJa: "人種差別について検討する",
  requestIds: [] as string[],
  ...extra,
});

describe("searching recommendations by symbol and paragraph", () => {
  it("reads the symbol and the paragraph, with ¶, para. or a space", () => {
    expect(parseRecommendationQuery("CERD/C/JPN/CO/3-6 12")).toEqual({ symbol: "CERD/C/JPN/CO/3-6", paragraph: "12", words: null });
    expect(parseRecommendationQuery("CO/3-6 ¶12(a)")).toEqual({ symbol: "CO/3-6", paragraph: "12 (a)", words: null });
    expect(parseRecommendationQuery("para. 17")).toEqual({ symbol: null, paragraph: "17", words: null });
    expect(parseRecommendationQuery("CERD/C/JPN/CO/10-11")).toEqual({ symbol: "CERD/C/JPN/CO/10-11", paragraph: null, words: null });
    expect(parseRecommendationQuery("human rights")).toEqual({ symbol: null, paragraph: null, words: "human rights" });
    expect(parseRecommendationQuery("  ")).toEqual({ symbol: null, paragraph: null, words: null });
  });

  it("offers the demand's linked recommendations, and finds others (with sub-paragraphs) on the form-options route", async () => {
    const page = payload(await newLoader(args(await get(`/outcomes/new?demand=${demandId}&recommendation=${linkedRec}`))));
    expect(page.options.channels.recommendations.map((o) => o.value)).toEqual([linkedRec]);
    expect(page.options.channels.recommendations[0].label).toMatch(/^URX\/C\/JPN\/CO\/3-6 ¶9 \(2010年4月6日\) /);
    expect(page.defaults.recommendationIds).toEqual([linkedRec]);

    const found = payload(await formOptionsLoader(args(await get(`/outcomes/form-options?recq=${encodeURIComponent("URX/C/JPN/CO/3-6 ¶12")}`))));
    expect(found.recommendationSearch?.results.map((o) => o.value)).toEqual([otherRec, subRecA]);
    const exact = payload(await formOptionsLoader(args(await get(`/outcomes/form-options?recq=${encodeURIComponent("URX 12 (a)")}`))));
    expect(exact.recommendationSearch?.results.map((o) => o.value)).toEqual([subRecA]);
    const none = payload(await formOptionsLoader(args(await get(`/outcomes/form-options?recq=${encodeURIComponent("URX/C/JPN/CO/3-6 99")}`))));
    expect(none.recommendationSearch?.results).toEqual([]);
    // Members may not search (the form is staff only).
    expect(statusOf(await run(async () => formOptionsLoader(args(await get("/outcomes/form-options?recq=URX", "member")))))).toBe(403);
  });
});

describe("an outcome reached through recommendations", () => {
  let outcomeId: string;

  it("refuses an unknown recommendation next to the field, keeping the chosen ones with their labels", async () => {
    const result = await newAction(args(await multipart("/outcomes/new", "staff", form({ recommendationIds: [otherRec, "no-such-recommendation"] }))));
    expect(statusOf(result)).toBe(400);
    const body = payload(result);
    expect(body.result.error?.recommendationIds).toEqual(["error.unknownChoice"]);
    expect(body.result.initialValue?.recommendationIds).toEqual([otherRec, "no-such-recommendation"]);
    expect(body.recommendations.map((o) => o.value)).toEqual([otherRec]);
    expect(await db.outcome.count({ where: { demandId } })).toBe(0);
  });

  it("saves a linked and a searched recommendation as channels, shown on the outcome page without internal notes", async () => {
    const result = await newAction(args(await multipart("/outcomes/new", "staff", form({ recommendationIds: [linkedRec, otherRec] }))));
    expect(statusOf(result)).toBe(302);
    const saved = await db.outcome.findFirstOrThrow({ where: { demandId }, include: { channels: true } });
    outcomeId = saved.id;
    expect(saved.channels.map((c) => c.recommendationId).sort()).toEqual([linkedRec, otherRec].sort());

    const page = payload(await detailLoader(args(await get(`/outcomes/${outcomeId}`, "member"), { outcomeId })));
    expect(page.outcome.recommendations.map((r) => `${r.document.symbol} ¶${r.paragraph}`)).toEqual(expect.arrayContaining(["URX/C/JPN/CO/3-6 ¶9", "URX/C/JPN/CO/3-6 ¶12"]));
    expect(JSON.stringify(page)).not.toContain("内部メモ");
  });

  it("puts the recommendations on the outcome's event of the demand's timeline", async () => {
    const built = await loadTimeline({ demandId, role: "member", locale: "en", today: "2026-12-02" });
    const event = built?.events.find((e) => e.channel === "outcome" && e.outcome.id === outcomeId);
    expect(event?.channel === "outcome" ? event.outcome.recommendations?.map((r) => r.paragraph).sort() : null).toEqual(["12", "9"]);
  });

  it("edits the channels over the version it was opened on; a stale version changes nothing", async () => {
    const page = payload(await editLoader(args(await get(`/outcomes/${outcomeId}/edit`), { outcomeId })));
    expect(page.defaults.recommendationIds?.sort()).toEqual([linkedRec, otherRec].sort());
    // The already chosen, not linked recommendation stays offered on the edit page.
    expect(page.options.channels.recommendations.map((o) => o.value).sort()).toEqual([linkedRec, otherRec].sort());

    const ok = await editAction(args(await multipart(`/outcomes/${outcomeId}/edit`, "staff", form({ version: String(page.version), recommendationIds: [subRecA] })), { outcomeId }));
    expect(statusOf(ok)).toBe(302);
    const stale = await editAction(args(await multipart(`/outcomes/${outcomeId}/edit`, "staff", form({ version: String(page.version), recommendationIds: [linkedRec] })), { outcomeId }));
    expect(statusOf(stale)).toBe(409);
    expect(payload(stale).conflict?.recommendationIds).toEqual([subRecA]);
    const channels = await db.outcomeChannel.findMany({ where: { outcomeId } });
    expect(channels.map((c) => c.recommendationId)).toEqual([subRecA]);
  });

  it("records the change in the outcome's history, naming the recommendations", async () => {
    const history = await recordHistory("Outcome", outcomeId, 1, "en");
    const update = history?.events.find((e) => e.action === "update");
    const change = update?.changes.find((c) => c.field === "recommendationIds");
    expect(change?.label).toBe("UN recommendation");
    expect(JSON.stringify(change)).toContain("URX/C/JPN/CO/3-6 para. 12 (a)");
  });
});

describe("the counter-report's evidence", () => {
  it("counts an outcome reached through a recommendation for that recommendation's section, whatever its demand", async () => {
    // An outcome of a demand no recommendation is linked to, reached through ¶12.
    const staff = await db.user.findUniqueOrThrow({ where: { email: "staff@example.org" } });
    const through = await db.outcome.create({
      data: { demandId: otherDemandId, degree: "partially_reflected", occurredOn: "2013-05", quoteEn: "A bill on a human rights commission was tabled.", channels: { create: [{ recommendationId: otherRec }] } },
    });
    const report = await createReport(comingCycleId, { titleEn: "Counter-report URX", outlineMode: "recommendations", wordLimit: 1000 }, staff.id);
    const c = await composerData(report!.id, "2026-12-02");
    const sectionOf = (id: string) => c?.sections.find((s) => s.recommendations.some((r) => r.id === id));
    expect(sectionOf(otherRec)?.footnotes.map((f) => f.id)).toContain(through.id);
    expect(sectionOf(otherRec)?.demands).toEqual([]);
    // Not for another paragraph's section.
    expect(sectionOf(linkedRec)?.footnotes.map((f) => f.id)).not.toContain(through.id);
  });
});
