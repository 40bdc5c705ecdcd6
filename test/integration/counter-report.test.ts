// The counter-report composer on a real database (docs/decisions/014): the outline from the last
// review's recommendations, the evidence chosen by date window and links, a fixed number of SQL
// statements whatever the size, sections saved with version checks, and the exports read back.
import Database from "better-sqlite3";
import JSZip from "jszip";
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { composerData, createReport } from "~/models/counter-report.server";
import { loader as composerLoader } from "~/routes/un.reports.$reportId._index";
import { action as sectionAction, loader as sectionLoader } from "~/routes/un.reports.$reportId.sections.$sectionKey";
import { action as startAction } from "~/routes/un.cycles.$cycleId.report";
import { loader as docxLoader } from "~/routes/un.reports.$reportId.report[.]docx";
import { loader as gradingCsvLoader } from "~/routes/un.reports.$reportId.grading[.]csv";
import { loader as printLoader } from "~/routes/un.reports.$reportId.print";
import { db } from "~/utils/db.server";
import { args, makeRequest, payload, run, statusOf } from "../request";

const doc = (text: string) => JSON.stringify({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });
const staffId = async () => (await db.user.findUniqueOrThrow({ where: { email: "staff@example.org" } })).id;

/** A treaty with three reviews: 2001 and 2010 with recommendations (one reiterating the other), and the coming one. */
async function treaty(tag: string, recommendations = 2) {
  const m = await db.unMechanism.create({ data: { kind: "treaty", abbreviation: `T${tag}`, nameJa: "試験条約", nameEn: `Test treaty ${tag}`, committeeNameEn: "Committee on Tests", japanStatus: "ratified" } });
  const cycle = (title: string, stages: Record<string, string>) =>
    db.reviewCycle.create({ data: { mechanismId: m.id, titleJa: title, titleEn: title, stages: { create: Object.entries(stages).map(([kind, on]) => ({ kind, on })) } } });
  const first = await cycle("First", { concluding_observations: "2001-03" });
  const last = await cycle("Second", { ngo_submission_deadline: "2009-12", concluding_observations: "2010-04-06" });
  const coming = await cycle("Third", { ngo_submission_deadline: "2014-07-15", dialogue: "2014-08" });
  const co = (c: { id: string }, symbol: string, issuedOn: string) => db.unDocument.create({ data: { mechanismId: m.id, cycleId: c.id, kind: "concluding_observations", symbol, titleJa: symbol, titleEn: symbol, issuedOn } });
  const co1 = await co(first, `T${tag}/C/JPN/CO/1`, "2001-03");
  const co2 = await co(last, `T${tag}/C/JPN/CO/2`, "2010-04-06");
  const old = await db.recommendation.create({ data: { documentId: co1.id, paragraph: "12", position: 12, headingEn: "Discrimination law", textEn: "Adopt a law against racial discrimination." } });
  const recs = [];
  for (let i = 0; i < recommendations; i++) {
    recs.push(
      await db.recommendation.create({
        data: {
          documentId: co2.id,
          paragraph: String(10 + i),
          position: 10 + i,
          headingEn: `Heading ${10 + i}`,
          textEn: `The Committee recommends ${10 + i}.`,
          articles: i % 2 ? "5 (e)" : "2, 4",
          reiteratesId: i === 0 ? old.id : null,
          governmentClaimEn: i === 0 ? "The Constitution already prohibits discrimination." : null,
          grade: i === 0 ? "D" : null,
          internalNote: `internal note ${tag} ${i}`,
        },
      }),
    );
  }
  return { m, first, last, coming, old, recs };
}

async function evidenceFor(demandId: string, on: string, tag: string) {
  const body = await db.body.findFirstOrThrow({ where: { deletedAt: null } });
  const round = await db.negotiationRound.create({ data: { kind: "ministry_round", titleJa: `交渉${tag}`, titleEn: `Round ${tag}`, heldOn: on, internalNote: `round note ${tag}` } });
  await db.agendaItem.create({ data: { roundId: round.id, position: 1, demandId, bodyId: body.id, answer: doc(`Answer ${tag}`), answerText: `Answer ${tag}`, assessment: "evasive", internalNote: `item note ${tag}` } });
  return round;
}

describe("the composer's evidence and outline", () => {
  let t: Awaited<ReturnType<typeof treaty>>;
  let reportId: string;
  beforeAll(async () => {
    t = await treaty("A");
    const [d1, d2] = await Promise.all([db.demand.findUniqueOrThrow({ where: { ref: "D-022" } }), db.demand.findUniqueOrThrow({ where: { ref: "D-006" } })]);
    // The 2001 paragraph is linked to D-022: the 2010 paragraph reiterating it inherits the evidence.
    await db.recommendationDemand.create({ data: { recommendationId: t.old.id, demandId: d1.id } });
    await db.recommendationDemand.create({ data: { recommendationId: t.recs[1].id, demandId: d2.id } });
    await evidenceFor(d1.id, "2009-11-01", "before-window");
    await evidenceFor(d1.id, "2011-06-02", "in-window");
    await evidenceFor(d1.id, "2014-07-16", "after-deadline");
    await db.outcome.create({ data: { demandId: d2.id, degree: "partially_reflected", occurredOn: "2012-07", quoteEn: "Trainees are protected by labour law from the first year.", internalNote: "outcome note A" } });
    const report = await createReport(t.coming.id, { titleEn: "Counter-report A", outlineMode: "recommendations", wordLimit: 1000 }, await staffId());
    if (!report) throw new Error("no report");
    reportId = report.id;
  });

  it("follows the last review's recommendations with their chain, the evidence of the window on linked demands as numbered footnotes", async () => {
    const c = await composerData(reportId, "2026-12-02");
    expect(c?.previous?.id).toBe(t.last.id);
    expect(c?.window).toEqual({ from: "2010-04-06", to: "2014-07-15" });
    const [s1, s2] = c?.sections ?? [];
    expect(s1.recommendations[0].id).toBe(t.recs[0].id);
    expect(s1.recommendations[0].earlier.map((e) => e.id)).toEqual([t.old.id]);
    expect(s1.demands.map((d) => d.ref)).toEqual(["D-022"]);
    const answers = s1.footnotes.filter((f) => f.kind === "answer").map((f) => (f.kind === "answer" ? f.answer : ""));
    expect(answers).toContain("Answer in-window");
    expect(answers).not.toContain("Answer before-window");
    expect(answers).not.toContain("Answer after-deadline");
    expect(s2.footnotes.some((f) => f.kind === "outcome" && f.quoteEn?.startsWith("Trainees are protected"))).toBe(true);
    // Numbering runs on through the report.
    const numbers = (c?.sections ?? []).flatMap((s) => s.footnotes.map((f) => f.n));
    expect(numbers).toEqual(numbers.map((_, i) => i + 1));
  });

  it("shows members the outline without any internal note", async () => {
    const page = payload(await composerLoader(args(await makeRequest(`/un/reports/${reportId}`, { role: "member" }), { reportId })));
    expect(page.canEdit).toBe(false);
    expect(page.shown.length).toBe(2);
    expect(JSON.stringify(page)).not.toMatch(/internal note|round note|item note|outcome note|internalNote/);
    expect(statusOf(await run(async () => sectionLoader(args(await makeRequest(`/un/reports/${reportId}/sections/${page.shown[0].section.key}`, { role: "member" }), { reportId, sectionKey: page.shown[0].section.key }))))).toBe(403);
  });

  it("reads a fixed number of SQL statements whatever the number of recommendations and evidence", async () => {
    const count = async (id: string) => {
      const prototype = Database.prototype as unknown as { prepare: (sql: string) => unknown };
      const original = prototype.prepare;
      let n = 0;
      prototype.prepare = function (this: unknown, sql: string) {
        n += 1;
        return original.call(this, sql);
      };
      try {
        await composerData(id, "2026-12-02");
      } finally {
        prototype.prepare = original;
      }
      return n;
    };
    const big = await treaty("B", 40);
    const demands = await db.demand.findMany({ where: { deletedAt: null }, take: 10, select: { id: true } });
    for (const [i, r] of big.recs.entries()) await db.recommendationDemand.create({ data: { recommendationId: r.id, demandId: demands[i % demands.length].id } });
    for (const [i, d] of demands.entries()) await evidenceFor(d.id, `2012-0${(i % 9) + 1}-01`, `big-${i}`);
    const bigReport = await createReport(big.coming.id, { titleEn: "Big", outlineMode: "articles" }, await staffId());
    const small = await count(reportId);
    const large = await count(bigReport?.id ?? "");
    expect((await composerData(bigReport?.id ?? "", "2026-12-02"))?.sections.length).toBe(3);
    expect(large).toBe(small);
    expect(small).toBeLessThanOrEqual(24);
  });
});

describe("writing a section", () => {
  let reportId: string;
  let key: string;
  beforeAll(async () => {
    const t = await treaty("S");
    const report = await createReport(t.coming.id, { titleEn: "Counter-report S", outlineMode: "recommendations" }, await staffId());
    reportId = report?.id ?? "";
    key = `rec-${t.recs[0].id}`;
  });
  const post = async (form: Record<string, string>) => run(async () => sectionAction(args(await makeRequest(`/un/reports/${reportId}/sections/${key}`, { role: "staff", method: "POST", form }), { reportId, sectionKey: key })));

  it("saves both languages, the assignee and the done state, then refuses a stale version without overwriting", async () => {
    const staff = await staffId();
    const saved = await post({ version: "0", analysisEn: doc("The government has not legislated."), analysisJa: doc("政府は立法していない。"), assigneeId: staff, done: "on" });
    expect(statusOf(saved)).toBe(302);
    const row = await db.counterReportSection.findUniqueOrThrow({ where: { reportId_key: { reportId, key } } });
    expect(row).toMatchObject({ done: true, assigneeId: staff, version: 1, wordCount: 5 });
    const stale = await post({ version: "0", analysisEn: doc("Someone else's text.") });
    expect(statusOf(stale)).toBe(409);
    expect(payload(stale).conflict?.analysisEn).toContain("has not legislated");
    expect((await db.counterReportSection.findUniqueOrThrow({ where: { id: row.id } })).analysisEn).toContain("has not legislated");
    const page = payload(await composerLoader(args(await makeRequest(`/un/reports/${reportId}`, { role: "staff" }), { reportId })));
    expect(page.progress).toEqual({ done: 1, total: 2 });
    expect(page.totalWords).toBe(5);
    const events = await db.auditEvent.findMany({ where: { entityType: "CounterReportSection", entityId: row.id } });
    expect(events.map((e) => e.action)).toEqual(["create"]);
  });

  it("answers field errors for a broken document or an unknown assignee, keeping the input", async () => {
    const bad = await post({ version: "1", analysisEn: '{"type":"doc","content":[{"type":"script"}]}', analysisJa: doc("残る文") });
    expect(statusOf(bad)).toBe(400);
    expect(payload(bad).result.error?.analysisEn).toBeTruthy();
    expect(JSON.stringify(payload(bad).result.initialValue)).toContain("残る文");
    const nobody = await post({ version: "1", assigneeId: "no-such-user" });
    expect(payload(nobody).result.error?.assigneeId).toEqual(["error.unknownChoice"]);
  });

  it("starts one report per cycle", async () => {
    const cycle = await db.counterReport.findUniqueOrThrow({ where: { id: reportId }, select: { cycleId: true } });
    const again = await run(async () => startAction(args(await makeRequest(`/un/cycles/${cycle.cycleId}/report`, { role: "staff", method: "POST", form: { titleEn: "Again", outlineMode: "articles" } }), { cycleId: cycle.cycleId })));
    expect(statusOf(again)).toBe(409);
    const limit = await run(async () => startAction(args(await makeRequest(`/un/cycles/${cycle.cycleId}/report`, { role: "staff", method: "POST", form: { titleEn: "Again", outlineMode: "articles", wordLimit: "ten" } }), { cycleId: cycle.cycleId })));
    expect(payload(limit).result.error?.wordLimit).toBeTruthy();
  });
});

describe("the exports", () => {
  let reportId: string;
  let recId: string;
  let outcomeQuote: string;
  beforeAll(async () => {
    const t = await treaty("X");
    recId = t.recs[0].id;
    const d = await db.demand.findUniqueOrThrow({ where: { ref: "D-022" } });
    await db.recommendationDemand.create({ data: { recommendationId: t.recs[0].id, demandId: d.id } });
    await evidenceFor(d.id, "2012-03-05", "export");
    outcomeQuote = "A bill against hate speech was submitted.";
    await db.outcome.create({ data: { demandId: d.id, degree: "mentioned", occurredOn: "2013-05", quoteEn: outcomeQuote } });
    const report = await createReport(t.coming.id, { titleEn: "Counter-report X to the Committee", outlineMode: "recommendations" }, await staffId());
    reportId = report?.id ?? "";
    await db.counterReportSection.create({ data: { reportId, key: `rec-${recId}`, analysisEn: JSON.stringify({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "No law has been adopted", marks: [{ type: "bold" }] }] }, { type: "bulletList", content: [{ type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "Ask why." }] }] }] }] }) } });
  });

  it("writes a DOCX with a cover, contents, numbered sections and real footnotes", async () => {
    const response = await docxLoader(args(await makeRequest(`/un/reports/${reportId}/report.docx`, { role: "member" }), { reportId }));
    expect(response.headers.get("Content-Type")).toContain("wordprocessingml");
    expect(response.headers.get("Content-Disposition")).toMatch(/attachment; filename=/);
    const zip = await JSZip.loadAsync(await response.arrayBuffer());
    const documentXml = (await zip.file("word/document.xml")?.async("string")) ?? "";
    const footnotesXml = (await zip.file("word/footnotes.xml")?.async("string")) ?? "";
    expect(documentXml).toContain("Counter-report X to the Committee");
    expect(documentXml).toContain("Contents");
    expect(documentXml).toContain("1. Heading 10 (TX/C/JPN/CO/2, para. 10)");
    expect(documentXml).toContain("2. Heading 11 (TX/C/JPN/CO/2, para. 11)");
    expect(documentXml).toContain("No law has been adopted");
    expect(documentXml).toContain("Ask why.");
    // One real footnote per evidence (D-022 has evidence from the first tests too), numbered as on the page.
    const footnotes = (await composerData(reportId, "2026-12-02"))?.sections.flatMap((s) => s.footnotes) ?? [];
    expect(footnotes.length).toBeGreaterThanOrEqual(2);
    expect(documentXml.match(/<w:footnoteReference w:id="\d+"\/>/g)?.length).toBe(footnotes.length);
    for (const f of footnotes) expect(footnotesXml).toContain(`w:id="${f.n}"`);
    expect(footnotesXml).toContain("Answer export");
    expect(footnotesXml).toContain(outcomeQuote);
    expect(documentXml + footnotesXml).not.toContain("internal note");
  });

  it("prints as HTML with the footnotes", async () => {
    const page = payload(await printLoader(args(await makeRequest(`/un/reports/${reportId}/print`, { role: "member" }), { reportId })));
    expect(page.sections.length).toBe(2);
    expect(page.sections[0].analysisEn).toContain("<strong>No law has been adopted</strong>");
  });

  it("writes the grading table as CSV: recommendation, claim, grade, evidence", async () => {
    const response = await gradingCsvLoader(args(await makeRequest(`/un/reports/${reportId}/grading.csv`, { role: "member" }), { reportId }));
    const rows: string[][] = parse((await response.text()).replace(/^\uFEFF/, ""));
    expect(rows.length).toBe(3);
    const first = rows[1];
    expect(first.join(" ")).toContain("TX/C/JPN/CO/2, para. 10");
    expect(first.join(" ")).toContain("The Constitution already prohibits discrimination.");
    expect(first).toContain("D");
    expect(first.join(" ")).toContain(outcomeQuote);
  });
});
