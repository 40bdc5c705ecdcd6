import { translateMaybe, translator } from "~/i18n";
import { describe, expect, it } from "vitest";
import { createDocument, createRecommendation, recommendationsOfDemand } from "~/models/un.server";
import { loadTimeline } from "~/models/timeline.server";
import { moveToTrash, restoreFromTrash } from "~/models/trash.server";
import { loader as recommendationLoader } from "~/routes/un.recommendations.$recommendationId._index";
import { action as editRecommendation } from "~/routes/un.recommendations.$recommendationId.edit";
import { loader as listLoader } from "~/routes/un.recommendations._index";
import { action as newRecommendation } from "~/routes/un.recommendations.new";
import { action as importAction } from "~/routes/un.documents.$unDocumentId.import";
import fs from "node:fs";
import path from "node:path";
import { loader as cycleLoader } from "~/routes/un.cycles.$cycleId._index";
import { action as editCycle } from "~/routes/un.cycles.$cycleId.edit";
import { loader as unLoader } from "~/routes/un._index";
import { db } from "~/utils/db.server";
import { args, makeRequest, payload, run, statusOf } from "../request";

const staffId = async () => (await db.user.findUniqueOrThrow({ where: { email: "staff@example.org" } })).id;
const cerd = () => db.unMechanism.findFirstOrThrow({ where: { abbreviation: "ICERD" } });
const demand = (ref: string) => db.demand.findUniqueOrThrow({ where: { ref } });

async function newDocument(symbol: string) {
  const m = await cerd();
  return createDocument({ mechanismId: m.id, kind: "concluding_observations", symbol, titleEn: `Concluding observations ${symbol}`, issuedOn: "2034-08", languages: ["en"] }, await staffId());
}

const recForm = (documentId: string, extra: Record<string, string | string[]> = {}) => ({
  documentId,
  paragraph: "15",
  headingEn: "Technical intern training programme",
  textEn: "The Committee recommends that the State party replace the technical intern training programme with an employment system.",
  grade: "C",
  demandRefs: "D-006, d-007",
  internalNote: "staff-only note on paragraph 15",
  ...extra,
});

describe("the UN page", () => {
  it("lists every mechanism with Japan's status, ICRMW not ratified, for members too", async () => {
    const page = await unLoader(args(await makeRequest("/un", { role: "member" })));
    expect(page.canEdit).toBe(false);
    const icrmw = page.mechanisms.find((m) => m.abbreviation === "ICRMW");
    expect(icrmw?.japanStatus).toBe("not_ratified");
    expect(page.mechanisms.find((m) => m.abbreviation === "ICERD")?.cycles.length).toBeGreaterThan(0);
    expect(statusOf(await run(async () => unLoader(args(await makeRequest("/un")))))).toBe(302);
  });
});

describe("recommendations", () => {
  it("are created with their demands and themes, and a member's page has no internal note", async () => {
    const doc = await newDocument("CERD/C/JPN/CO/90-91");
    const theme = await db.theme.findFirstOrThrow({ where: { slug: "trainees-technical-interns" } });
    const result = await run(async () =>
      newRecommendation(args(await makeRequest("/un/recommendations/new", { role: "staff", method: "POST", form: recForm(doc.id, { themeIds: [theme.id], followUp: "on" }) }))),
    );
    expect(statusOf(result)).toBe(302);
    const rec = await db.recommendation.findFirstOrThrow({ where: { documentId: doc.id }, include: { demands: { include: { demand: true } }, themes: true } });
    expect(rec.demands.map((d) => d.demand.ref).sort()).toEqual(["D-006", "D-007"]);
    expect(rec.themes.map((x) => x.themeId)).toEqual([theme.id]);
    expect(rec.followUp).toBe(true);
    expect(await db.auditEvent.count({ where: { entityType: "Recommendation", entityId: rec.id, action: "create" } })).toBe(1);

    const member = await recommendationLoader(args(await makeRequest(`/un/recommendations/${rec.id}`, { role: "member" }), { recommendationId: rec.id }));
    expect(member.recommendation.internalNote).toBeNull();
    expect(JSON.stringify(member)).not.toContain("staff-only note");
    const staff = await recommendationLoader(args(await makeRequest(`/un/recommendations/${rec.id}`, { role: "staff" }), { recommendationId: rec.id }));
    expect(staff.recommendation.internalNote).toBe("staff-only note on paragraph 15");

    // The demand's page lists it.
    const linked = await recommendationsOfDemand((await demand("D-006")).id);
    expect(linked.map((r) => r.id)).toContain(rec.id);

    // And its timeline shows it as the UN channel, to members too, without the internal note.
    const timeline = await loadTimeline({ demandId: (await demand("D-007")).id, role: "member", locale: "en", channels: ["recommendation"] });
    const event = timeline?.events.find((e) => e.channel === "recommendation" && e.recommendation.id === rec.id);
    expect(event?.date).toBe("2034-08");
    expect(JSON.stringify(timeline)).not.toContain("staff-only note");
  });

  it("answer unknown demand numbers, a taken paragraph and a bad grade next to the fields, keeping the input", async () => {
    const doc = await newDocument("CERD/C/JPN/CO/92-93");
    const m = await createRecommendation(
      { documentId: doc.id, paragraph: "15", textEn: "Existing.", themeIds: [], followUp: false, demandRefs: undefined },
      [],
      await staffId(),
    );
    expect(m.paragraph).toBe("15");
    const result = await newRecommendation(
      args(await makeRequest("/un/recommendations/new", { role: "staff", method: "POST", form: recForm(doc.id, { demandRefs: "D-006, D-9999", headingEn: "Kept heading" }) })),
    );
    expect(statusOf(result)).toBe(400);
    const reply = payload(result).result;
    expect(reply.error?.paragraph).toEqual(["un.error.paragraphTaken"]);
    expect(reply.error?.demandRefs).toEqual(["un.error.unknownDemands?refs=D-9999"]);
    expect(translateMaybe(translator("en"), reply.error?.demandRefs?.[0] ?? "")).toBe("No demand has these numbers: D-9999");
    expect(reply.initialValue?.headingEn).toBe("Kept heading");
    expect(await db.recommendation.count({ where: { documentId: doc.id } })).toBe(1);
  });

  it("refuse a stale save with the saved values, and never close a loop of reiterations", async () => {
    const userId = await staffId();
    const older = await newDocument("CERD/C/JPN/CO/94-95");
    const newer = await newDocument("CERD/C/JPN/CO/96-97");
    const base = { themeIds: [], followUp: false, demandRefs: undefined };
    const first = await createRecommendation({ ...base, documentId: older.id, paragraph: "9", textEn: "First time." }, [], userId);
    const second = await createRecommendation({ ...base, documentId: newer.id, paragraph: "8", textEn: "Reiterating.", reiteratesId: first.id }, [], userId);

    const params = { recommendationId: first.id };
    const form = { documentId: older.id, paragraph: "9", textEn: "First time, edited.", version: "1" };
    expect(statusOf(await run(async () => editRecommendation(args(await makeRequest(`/un/recommendations/${first.id}/edit`, { role: "staff", method: "POST", form }), params))))).toBe(302);
    const stale = await editRecommendation(args(await makeRequest(`/un/recommendations/${first.id}/edit`, { role: "admin", method: "POST", form: { ...form, textEn: "Someone else's edit." } }), params));
    expect(statusOf(stale)).toBe(409);
    expect(payload(stale).conflict?.textEn).toBe("First time, edited.");
    expect((await db.recommendation.findUniqueOrThrow({ where: { id: first.id } })).textEn).toBe("First time, edited.");

    const loop = await editRecommendation(
      args(await makeRequest(`/un/recommendations/${first.id}/edit`, { role: "staff", method: "POST", form: { ...form, version: "2", reiteratesId: second.id } }), params),
    );
    expect(statusOf(loop)).toBe(400);
    expect(payload(loop).result.error?.reiteratesId).toEqual(["un.error.reiterationLoop"]);

    // The chain shows on both pages, oldest first.
    const page = await recommendationLoader(args(await makeRequest(`/un/recommendations/${second.id}`, { role: "member" }), { recommendationId: second.id }));
    expect(page.recommendation.chain.map((c) => c.id)).toEqual([first.id, second.id]);
  });

  it("filter by mechanism, grade, follow-up and words, and page", async () => {
    const all = await listLoader(args(await makeRequest("/un/recommendations", { role: "member" })));
    expect(all.total).toBe(await db.recommendation.count({ where: { deletedAt: null } }));
    const graded = await listLoader(args(await makeRequest("/un/recommendations?grade=D", { role: "member" })));
    expect(graded.items.length).toBeGreaterThan(0);
    expect(graded.items.every((r) => r.grade === "D")).toBe(true);
    const followUp = await listLoader(args(await makeRequest("/un/recommendations?followUp=1", { role: "member" })));
    expect(followUp.items.every((r) => r.followUp)).toBe(true);
    const words = await listLoader(args(await makeRequest("/un/recommendations?q=Paris%20Principles", { role: "member" })));
    expect(words.items.map((r) => r.headingEn)).toEqual(["National human rights institution"]);
    const sr = await db.unMechanism.findFirstOrThrow({ where: { abbreviation: "SR migrants" } });
    const bySr = await listLoader(args(await makeRequest(`/un/recommendations?mechanism=${sr.id}`, { role: "member" })));
    expect(bySr.items.length).toBeGreaterThan(0);
    expect(bySr.items.every((r) => r.document.mechanism.id === sr.id)).toBe(true);
    const bogus = await listLoader(args(await makeRequest("/un/recommendations?grade=Z&page=-3&sort=size", { role: "member" })));
    expect(bogus.query).toMatchObject({ grade: undefined, page: 1, sort: "issued" });
  });

  it("go to the trash and come back only while their document is not in the trash", async () => {
    const userId = await staffId();
    const doc = await newDocument("CERD/C/JPN/CO/98-99");
    const rec = await createRecommendation({ documentId: doc.id, paragraph: "3", textEn: "Trash me.", themeIds: [], followUp: false, demandRefs: undefined }, [], userId);
    const refused = await moveToTrash("UnDocument", doc.id, userId, "en");
    expect(refused.ok).toBe(false);
    expect((await moveToTrash("Recommendation", rec.id, userId, "en")).ok).toBe(true);
    expect((await moveToTrash("UnDocument", doc.id, userId, "en")).ok).toBe(true);
    const blocked = await restoreFromTrash("Recommendation", rec.id, userId, "en");
    expect(blocked.ok === false && "problem" in blocked && blocked.problem.error).toBe("error.restoreParentInTrash");
    expect((await restoreFromTrash("UnDocument", doc.id, userId, "en")).ok).toBe(true);
    expect((await restoreFromTrash("Recommendation", rec.id, userId, "en")).ok).toBe(true);
  });
});

describe("a demand's recommendations", () => {
  it("come newest document first, in paragraph order (9 before 12)", async () => {
    const d024 = await recommendationsOfDemand((await demand("D-024")).id);
    const co2010 = d024.filter((r) => r.document.symbol === "CERD/C/JPN/CO/3-6").map((r) => r.paragraph);
    expect(co2010).toEqual(["9", "12", "13"]);
  });
});

describe("review cycles", () => {
  it("keep their stages, show members no internal note, and refuse a stale save", async () => {
    const cycle = await db.reviewCycle.findFirstOrThrow({ where: { internalNote: { not: null } }, include: { stages: true } });
    const member = await cycleLoader(args(await makeRequest(`/un/cycles/${cycle.id}`, { role: "member" }), { cycleId: cycle.id }));
    expect(member.cycle.internalNote).toBeNull();
    expect(member.stages.map((s) => s.kind)).toContain("concluding_observations");

    const params = { cycleId: cycle.id };
    const form = { mechanismId: cycle.mechanismId, titleJa: cycle.titleJa, titleEn: cycle.titleEn, stage_state_report: "2008-08", stage_dialogue: "2010-02-24", stage_next_report_due: "2031-01", version: String(cycle.version) };
    expect(statusOf(await run(async () => editCycle(args(await makeRequest(`/un/cycles/${cycle.id}/edit`, { role: "staff", method: "POST", form }), params))))).toBe(302);
    const stages = await db.reviewStage.findMany({ where: { cycleId: cycle.id }, orderBy: { on: "asc" } });
    expect(stages.map((s) => [s.kind, s.on])).toEqual([
      ["state_report", "2008-08"],
      ["dialogue", "2010-02-24"],
      ["next_report_due", "2031-01"],
    ]);
    const stale = await editCycle(args(await makeRequest(`/un/cycles/${cycle.id}/edit`, { role: "staff", method: "POST", form }), params));
    expect(statusOf(stale)).toBe(409);
    expect(payload(stale).conflict?.stages.map((s) => s.kind)).toEqual(["state_report", "dialogue", "next_report_due"]);
  });
});

describe("importing concluding observations", () => {
  const text = fs.readFileSync(path.join(import.meta.dirname, "../../app/models/__fixtures__/cerd-co-10-11.txt"), "utf8");

  it("previews the paragraphs without saving, then saves them; a second import updates instead of duplicating", async () => {
    const userId = await staffId();
    const doc = await newDocument("CERD/C/JPN/CO/10-11");
    // An earlier document whose paragraph 7 the fixture's paragraph 5 cites.
    const earlier = await newDocument("CERD/C/JPN/CO/7-9");
    const cited = await createRecommendation({ documentId: earlier.id, paragraph: "7", textEn: "Earlier.", themeIds: [], followUp: false, demandRefs: undefined }, [], userId);
    const params = { unDocumentId: doc.id };
    const post = async (intent: string, body = text) => importAction(args(await makeRequest(`/un/documents/${doc.id}/import`, { role: "staff", method: "POST", form: { intent, text: body } }), params));

    const preview = await post("preview");
    expect(statusOf(preview)).toBe(200);
    expect(payload(preview).plan?.map((p) => p.state)).toEqual(Array(9).fill("new"));
    expect(await db.recommendation.count({ where: { documentId: doc.id } })).toBe(0);

    expect(statusOf(await run(() => post("save")))).toBe(302);
    const saved = await db.recommendation.findMany({ where: { documentId: doc.id }, orderBy: { position: "asc" } });
    expect(saved.map((r) => r.paragraph)).toEqual(["1", "2", "3", "4", "5", "6", "7", "8", "9"]);
    const p5 = saved.find((r) => r.paragraph === "5");
    expect(p5).toMatchObject({ headingEn: "Definition of racial discrimination", followUp: true, reiteratesId: cited.id });

    // Staff grade paragraph 5; the committee's text is then imported again with one paragraph corrected.
    await db.recommendation.update({ where: { id: p5!.id }, data: { grade: "C", governmentClaimEn: "Existing law suffices." } });
    const again = await post("preview", text.replace("consider ratifying the", "ratify the"));
    expect(payload(again).plan?.filter((p) => p.state !== "same").map((p) => [p.paragraph, p.state])).toEqual([["8", "changed"]]);
    expect(statusOf(await run(() => post("save", text.replace("consider ratifying the", "ratify the"))))).toBe(302);
    expect(await db.recommendation.count({ where: { documentId: doc.id } })).toBe(9);
    expect(await db.recommendation.findUniqueOrThrow({ where: { id: p5!.id } })).toMatchObject({ grade: "C", governmentClaimEn: "Existing law suffices." });
    expect((await db.recommendation.findFirstOrThrow({ where: { documentId: doc.id, paragraph: "8" } })).textEn).toContain("recommends that the State party ratify the");
  });

  it("refuses the text of another document and text without numbered paragraphs, keeping what was pasted", async () => {
    const doc = await newDocument("CERD/C/JPN/CO/80-81");
    const params = { unDocumentId: doc.id };
    const other = await importAction(args(await makeRequest(`/un/documents/${doc.id}/import`, { role: "staff", method: "POST", form: { intent: "preview", text } }), params));
    expect(statusOf(other)).toBe(400);
    expect(payload(other).result?.error?.text).toEqual(["un.import.otherSymbol", "CERD/C/JPN/CO/10-11 ≠ CERD/C/JPN/CO/80-81"]);
    expect(payload(other).result?.initialValue?.text).toBe(text);
    const none = await importAction(args(await makeRequest(`/un/documents/${doc.id}/import`, { role: "staff", method: "POST", form: { intent: "save", text: "No numbers here." } }), params));
    expect(payload(none).result?.error?.text).toEqual(["un.import.noParagraphs"]);
    expect(await db.recommendation.count({ where: { documentId: doc.id } })).toBe(0);
  });
});
