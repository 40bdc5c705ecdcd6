// Search through the route's loader on the demo data: Japanese and English, partial words, ranking,
// filters, what members may see, and an index kept right by every write path (docs/decisions/012).
import { beforeAll, describe, expect, it } from "vitest";
import { type SearchHit } from "~/models/search.server";
import { moveToTrash, restoreFromTrash } from "~/models/trash.server";
import { loader } from "~/routes/search";
import { db } from "~/utils/db.server";
import { args, type DemoRole, makeRequest, payload } from "../request";

async function search(params: Record<string, string>, role: DemoRole = "staff") {
  const query = new URLSearchParams(params).toString();
  return payload(await loader(args(await makeRequest(`/search?${query}`, { role }))));
}
const labels = (items: SearchHit[]) => items.map((i) => i.label);
const text = (segments: SearchHit["snippet"]) => segments.map((s) => s.text).join("");
const marked = (segments: SearchHit["snippet"]) => segments.filter((s) => s.hit).map((s) => s.text);

let staffId: string;
beforeAll(async () => {
  staffId = (await db.user.findUniqueOrThrow({ where: { email: "staff@example.org" } })).id;
});

describe("finding records", () => {
  it("finds the trainee demands by 研修生, titles first, with the word marked", async () => {
    const result = await search({ q: "研修生", kind: "demand" });
    expect(labels(result.items)).toEqual(expect.arrayContaining(["D-007 研修生への労働関係法令の適用", expect.stringMatching(/^D-008 /)]));
    // Demands with the word in their title rank above those that only mention it in their text.
    const titled = result.items.map((i) => /研修生/.test(i.label));
    expect(titled.indexOf(false) === -1 || titled.lastIndexOf(true) < titled.indexOf(false)).toBe(true);
    for (const hit of result.items) expect(marked(hit.snippet).join("")).toContain("研修生");
  });

  it("matches parts of words in English, ignoring case", async () => {
    const result = await search({ q: "TRAINE", kind: "demand" }, "member");
    expect(labels(result.items)).toContain("D-007 Apply labour law to trainees");
    expect(result.items.find((i) => i.label.startsWith("D-007"))?.snippet.some((s) => s.hit && s.text.toLowerCase() === "traine")).toBe(true);
  });

  it("answers in the reader's language", async () => {
    const ja = await search({ q: "trainees", kind: "demand" });
    const en = payload(await loader(args(await makeRequest(`/search?q=trainees&kind=demand`, { role: "staff", headers: { "Accept-Language": "en" } }))));
    expect(ja.items.length).toBeGreaterThan(0);
    expect(en.items.map((i) => i.recordId).sort()).toEqual(ja.items.map((i) => i.recordId).sort());
  });

  it("finds two-character Japanese words, which the trigram index cannot, by substring", async () => {
    const result = await search({ q: "研修", kind: "demand" });
    expect(result.shortTermsOnly).toBe(true);
    expect(labels(result.items)).toContain("D-007 研修生への労働関係法令の適用");
    for (const hit of result.items) expect(marked(hit.snippet)).toContain("研修");
  });

  it("needs every term, mixing indexed and short ones", async () => {
    const both = await search({ q: "研修生 労働" });
    const one = await search({ q: "研修生" });
    expect(both.total).toBeGreaterThan(0);
    expect(both.total).toBeLessThan(one.total);
  });

  it("finds answers, requests by their items' wording, outcomes, bodies and organisations", async () => {
    const kinds = new Set((await search({ q: "研修生" })).items.map((i) => i.kind));
    expect([...kinds]).toEqual(expect.arrayContaining(["demand", "request", "outcome", "instrument", "organisation", "network"]));
    const body = await search({ q: "JITCO", kind: "body" });
    expect(body.items[0]?.link).toMatch(/^\/bodies\//);
  });

  it("filters by kind and by years, leaving undated records out of a year filter", async () => {
    const all = await search({ q: "研修生" });
    const from2011 = await search({ q: "研修生", from: "2011" });
    expect(from2011.total).toBeLessThan(all.total);
    for (const hit of from2011.items) expect((hit.date ?? "").slice(0, 4) >= "2011").toBe(true);
    const until2007 = await search({ q: "研修生", to: "2007" });
    for (const hit of until2007.items) expect((hit.date ?? "9999").slice(0, 4) <= "2007").toBe(true);
  });

  it("keeps a year that is not a year as typed, with a message, and does not filter by it", async () => {
    const result = await search({ q: "研修生", from: "20x7" });
    expect(result.invalid.from).toBe(true);
    expect(result.query.from).toBe("20x7");
    expect(result.total).toBe((await search({ q: "研修生" })).total);
  });

  it("takes FTS5 syntax as plain text", async () => {
    for (const q of ['"', 'NEAR("研修生"', "研修生 OR", "title:研修生", "*", "研修生)"]) {
      await expect(search({ q })).resolves.toBeTruthy();
    }
  });

  it("pages the results", async () => {
    const first = await search({ q: "研修" });
    if (first.total <= 25) return;
    const second = await search({ q: "研修", page: "2" });
    expect(second.items.map((i) => i.recordId)).not.toEqual(first.items.map((i) => i.recordId));
  });
});

describe("what members may see", () => {
  const NOTE_WORD = "突き合わせ"; // only in an agenda item's internal note

  it("finds a record by its internal note for staff, with the note's snippet marked", async () => {
    const result = await search({ q: NOTE_WORD }, "staff");
    expect(result.items.length).toBe(1);
    expect(result.items[0].kind).toBe("answer");
    expect(marked(result.items[0].noteSnippet)).toEqual([NOTE_WORD]);
  });

  it("never finds a record by its internal note for members, nor sends them a note's text", async () => {
    for (const q of [NOTE_WORD, "突き", "食い違い 回答"]) {
      const result = await search({ q }, "member");
      expect(result.items, q).toEqual([]);
    }
    // A record members may find, that has an internal note: no snippet of the note comes with it.
    const notes = await db.outcome.findMany({ where: { internalNote: { not: null } }, select: { internalNote: true } });
    const result = await search({ q: "研修生" }, "member");
    expect(result.items.length).toBeGreaterThan(0);
    const sent = JSON.stringify(result);
    for (const hit of result.items) expect(hit.noteSnippet).toEqual([]);
    for (const n of notes) expect(sent).not.toContain(n.internalNote?.slice(0, 12));
  });

  it("requires signing in", async () => {
    await expect(loader(args(await makeRequest("/search?q=研修生")))).rejects.toMatchObject({ status: 302 });
  });
});

describe("the index follows every write", () => {
  it("follows an edit, a move to the trash and a restore", async () => {
    const demand = await db.demand.create({ data: { ref: "S-901", titleJa: "検索用の要求ほげふが", titleEn: "Searchable demand quxwibble" } });
    expect(labels((await search({ q: "quxwibble" })).items)).toEqual(["S-901 検索用の要求ほげふが"]);

    await db.demand.update({ where: { id: demand.id }, data: { titleEn: "Renamed demand zorblax" } });
    expect((await search({ q: "quxwibble" })).total).toBe(0);
    expect((await search({ q: "zorblax" })).total).toBe(1);

    expect((await moveToTrash("Demand", demand.id, staffId, "ja")).ok).toBe(true);
    expect((await search({ q: "zorblax" })).total).toBe(0);
    expect((await restoreFromTrash("Demand", demand.id, staffId, "ja")).ok).toBe(true);
    expect((await search({ q: "zorblax" })).total).toBe(1);

    await db.demand.delete({ where: { id: demand.id } });
    expect((await search({ q: "zorblax" })).total).toBe(0);
  });

  it("re-indexes a request when an item's wording changes", async () => {
    const item = await db.requestItem.findFirstOrThrow({ where: { request: { deletedAt: null } } });
    await db.requestItem.update({ where: { id: item.id }, data: { wordingEn: "a plinthwort clause" } });
    const result = await search({ q: "plinthwort" });
    expect(result.items.map((i) => [i.kind, i.recordId])).toEqual([["request", item.requestId]]);
  });

  it("hides a round's answers while the round is in the trash, and drops them when it is deleted", async () => {
    const item = await db.agendaItem.findFirstOrThrow({ where: { round: { deletedAt: null } } });
    await db.agendaItem.update({ where: { id: item.id }, data: { answerText: "回答にだけある語ぴよぴよ" } });
    expect((await search({ q: "ぴよぴよ" })).items.map((i) => i.link)).toEqual([`/rounds/${item.roundId}#item-${item.id}`]);
    expect((await moveToTrash("NegotiationRound", item.roundId, staffId, "ja")).ok).toBe(true);
    expect((await search({ q: "ぴよぴよ" })).total).toBe(0);
    expect((await restoreFromTrash("NegotiationRound", item.roundId, staffId, "ja")).ok).toBe(true);
    expect((await search({ q: "ぴよぴよ" })).total).toBe(1);
    await db.$executeRaw`DELETE FROM "OutcomeChannel" WHERE "roundId" = ${item.roundId} OR "agendaItemId" IN (SELECT "id" FROM "AgendaItem" WHERE "roundId" = ${item.roundId})`;
    await db.negotiationRound.delete({ where: { id: item.roundId } });
    expect((await search({ q: "ぴよぴよ" })).total).toBe(0);
    const [{ n }] = await db.$queryRaw<Array<{ n: number | bigint }>>`SELECT count(*) AS n FROM "search_doc" WHERE "kind" = 'answer' AND "record_id" = ${item.id}`;
    expect(Number(n)).toBe(0);
  });

  it("re-labels outcomes when their government document is renamed", async () => {
    const outcome = await db.outcome.findFirstOrThrow({ where: { deletedAt: null, instrumentId: { not: null } } });
    await db.instrument.update({ where: { id: outcome.instrumentId ?? "" }, data: { titleJa: "改名した文書めもめも" } });
    const result = await search({ q: "めもめも", kind: "outcome" });
    expect(result.items.map((i) => i.recordId)).toContain(outcome.id);
  });

  it("leaves markup in the records as text in the snippets", async () => {
    await db.demand.create({ data: { ref: "S-902", titleJa: "<img src=x onerror=alert(1)>タグ入り", titleEn: "x", summaryJa: "<script>alert(1)</script>に注入ぺけぺけ" } });
    const hit = (await search({ q: "ぺけぺけ" })).items[0];
    expect(text(hit.snippet)).toContain("<script>alert(1)</script>");
    expect(hit.label).toContain("<img src=x onerror=alert(1)>");
  });
});

describe("public comments and UN reporting (decisions 010, 011)", () => {
  const kindsOf = (items: SearchHit[]) => [...new Set(items.map((i) => i.kind))];

  it("finds the CERD recommendation on technical interns in English and Japanese, linked to its page", async () => {
    const rec = await db.recommendation.findFirstOrThrow({ where: { paragraph: "24", document: { symbol: "CERD/C/JPN/CO/3-6" } } });
    for (const q of ["technical intern", "研修生"]) {
      const result = await search({ q, kind: "recommendation" }, "member");
      expect(result.items.map((i) => i.recordId), q).toContain(rec.id);
      expect(kindsOf(result.items)).toEqual(["recommendation"]);
    }
    const hit = (await search({ q: "technical intern", kind: "recommendation" })).items.find((i) => i.recordId === rec.id);
    expect(hit?.link).toBe(`/un/recommendations/${rec.id}`);
    expect(hit?.label).toBe("CERD/C/JPN/CO/3-6 パラ24 · 研修生・技能実習生");
    expect(marked(hit?.snippet ?? []).join(" ").toLowerCase()).toContain("technical");
    const en = payload(await loader(args(await makeRequest(`/search?q=trainees&kind=recommendation`, { role: "member", headers: { "Accept-Language": "en" } }))));
    expect(labels(en.items)).toContain("CERD/C/JPN/CO/3-6 para. 24 · Trainees and technical interns");
  });

  it("finds a recommendation by the government's claim, and UN documents by symbol", async () => {
    const claim = await search({ q: "憲法第14条", kind: "recommendation" }, "member");
    expect(labels(claim.items)).toEqual(["CERD/C/JPN/CO/3-6 para. 9 · Comprehensive legislation prohibiting racial discrimination"]);
    const docs = await search({ q: "CERD", kind: "un-document" }, "member");
    expect(labels(docs.items)).toEqual(expect.arrayContaining([expect.stringMatching(/^CERD\/C\/JPN\/CO\/3-6 /), expect.stringMatching(/^CERD\/C\/304\/Add\.114 /)]));
    expect(kindsOf(docs.items)).toEqual(["un-document"]);
    for (const hit of docs.items) expect(hit.link).toMatch(/^\/un\/documents\/[^/#]+$/);
  });

  it("finds consultations by title and case number, and our comments by a point's wording, linked to the submission", async () => {
    const consultation = await search({ q: "DV Prevention", kind: "consultation" }, "member");
    // The demo member reads English, staff Japanese.
    expect(labels(consultation.items)).toEqual(["Public comments on the draft Basic Policy for DV Prevention"]);
    const c = await db.consultation.findFirstOrThrow({ where: { titleEn: { contains: "DV Prevention" } } });
    expect(consultation.items[0].link).toBe(`/consultations/${c.id}`);

    const comment = await search({ q: "在留資格の有無" }, "member");
    expect(kindsOf(comment.items)).toContain("comment");
    const submission = await db.commentSubmission.findFirstOrThrow({ where: { consultationId: c.id } });
    const hit = comment.items.find((i) => i.kind === "comment");
    expect(hit?.link).toBe(`/consultations/${c.id}#submission-${submission.id}`);
    expect(marked(hit?.snippet ?? [])).toContain("在留資格の有無");

    await db.consultation.update({ where: { id: c.id }, data: { caseNumber: "495070123" } });
    expect((await search({ q: "495070123", kind: "consultation" })).items.map((i) => i.recordId)).toEqual([c.id]);
  });

  it("filters by the new kinds", async () => {
    const all = await search({ q: "研修生" });
    expect(kindsOf(all.items)).toEqual(expect.arrayContaining(["recommendation"]));
    const queries = { consultation: "在留資格", comment: "在留資格", recommendation: "CERD", "un-document": "CERD" };
    for (const [kind, q] of Object.entries(queries)) {
      const result = await search({ q, kind });
      expect(result.total, kind).toBeGreaterThan(0);
      expect(kindsOf(result.items), kind).toEqual([kind]);
    }
  });

  it("re-indexes a submission when the government's answer to a point is recorded", async () => {
    const point = await db.commentPoint.findFirstOrThrow({ where: { submission: { deletedAt: null, consultation: { deletedAt: null } } } });
    await db.commentPoint.update({ where: { id: point.id }, data: { responseSummary: "概要にだけある語もぐもぐ", responseAnswer: "An answer only here: grumbleflux" } });
    for (const q of ["もぐもぐ", "grumbleflux"]) expect((await search({ q }, "member")).items.map((i) => [i.kind, i.recordId]), q).toEqual([["comment", point.submissionId]]);
    await db.commentPoint.delete({ where: { id: point.id } });
    expect((await search({ q: "grumbleflux" })).total).toBe(0);
  });

  it("hides consultations, comments, recommendations and documents in the trash, or whose parent is", async () => {
    const c = await db.consultation.findFirstOrThrow({ where: { deletedAt: null, titleEn: { contains: "residency management" } } });
    const submission = await db.commentSubmission.findFirstOrThrow({ where: { consultationId: c.id } });
    await db.consultation.update({ where: { id: c.id }, data: { titleEn: "Consultation blorptitude" } });
    await db.commentSubmission.update({ where: { id: submission.id }, data: { body: JSON.stringify({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "full text wizzlefrump" }] }] }) } });
    expect((await search({ q: "blorptitude" })).items.map((i) => i.kind)).toEqual(["consultation"]);
    expect((await search({ q: "wizzlefrump" })).items.map((i) => i.kind)).toEqual(["comment"]);
    // The comment's label follows its consultation's title.
    expect(labels((await search({ q: "wizzlefrump" }, "member")).items)).toEqual(["Consultation blorptitude"]);

    expect((await moveToTrash("CommentSubmission", submission.id, staffId, "ja")).ok).toBe(true);
    expect((await search({ q: "wizzlefrump" })).total).toBe(0);
    expect((await restoreFromTrash("CommentSubmission", submission.id, staffId, "ja")).ok).toBe(true);
    expect((await search({ q: "wizzlefrump" })).total).toBe(1);

    expect((await moveToTrash("Consultation", c.id, staffId, "ja")).ok).toBe(true);
    expect((await search({ q: "blorptitude" })).total).toBe(0);
    expect((await search({ q: "wizzlefrump" })).total).toBe(0);
    expect((await restoreFromTrash("Consultation", c.id, staffId, "ja")).ok).toBe(true);
    expect((await search({ q: "wizzlefrump" })).total).toBe(1);

    const rec = await db.recommendation.findFirstOrThrow({ where: { paragraph: "24", document: { symbol: "CERD/C/JPN/CO/3-6" } } });
    const recommendationFound = async () => (await search({ q: "technical intern", kind: "recommendation" })).items.some((i) => i.recordId === rec.id);
    expect(await recommendationFound()).toBe(true);
    expect((await moveToTrash("Recommendation", rec.id, staffId, "ja")).ok).toBe(true);
    expect(await recommendationFound()).toBe(false);
    expect((await restoreFromTrash("Recommendation", rec.id, staffId, "ja")).ok).toBe(true);
    expect(await recommendationFound()).toBe(true);

    // A document or mechanism in the trash takes its recommendations (and the documents) out of the results.
    const doc = await db.unDocument.findUniqueOrThrow({ where: { id: rec.documentId } });
    const documentFound = async () => (await search({ q: "CERD/C/JPN/CO/3-6", kind: "un-document" })).items.some((i) => i.recordId === doc.id);
    expect(await documentFound()).toBe(true);
    await db.unDocument.update({ where: { id: doc.id }, data: { deletedAt: new Date() } });
    expect(await recommendationFound()).toBe(false);
    expect(await documentFound()).toBe(false);
    await db.unDocument.update({ where: { id: doc.id }, data: { deletedAt: null } });
    expect(await recommendationFound()).toBe(true);
    await db.unMechanism.update({ where: { id: doc.mechanismId }, data: { deletedAt: new Date() } });
    expect(await recommendationFound()).toBe(false);
    expect(await documentFound()).toBe(false);
    await db.unMechanism.update({ where: { id: doc.mechanismId }, data: { deletedAt: null } });
    expect(await recommendationFound()).toBe(true);
    expect(await documentFound()).toBe(true);
  });

  it("finds consultations, comments and recommendations by their internal notes for staff only", async () => {
    const cases = [
      { q: "結果公示", kind: "consultation" },
      { q: "提出文の原本", kind: "comment" },
      { q: "連名で再質問", kind: "recommendation" },
    ];
    for (const { q, kind } of cases) {
      const staff = await search({ q }, "staff");
      expect(staff.items.map((i) => i.kind), q).toEqual([kind]);
      expect(marked(staff.items[0].noteSnippet).join(""), q).toContain(q);
      const member = await search({ q }, "member");
      expect(member.items, q).toEqual([]);
    }
    // Members find these records by their public text, without a word of the notes.
    const notes = [
      ...(await db.consultation.findMany({ where: { internalNote: { not: null } }, select: { internalNote: true } })),
      ...(await db.commentSubmission.findMany({ where: { internalNote: { not: null } }, select: { internalNote: true } })),
      ...(await db.recommendation.findMany({ where: { internalNote: { not: null } }, select: { internalNote: true } })),
    ];
    expect(notes.length).toBeGreaterThan(2);
    for (const q of ["DV", "人種差別", "在留資格"]) {
      const result = await search({ q }, "member");
      expect(result.items.length, q).toBeGreaterThan(0);
      const sent = JSON.stringify(result);
      for (const hit of result.items) expect(hit.noteSnippet).toEqual([]);
      for (const n of notes) expect(sent, q).not.toContain(n.internalNote?.slice(0, 8));
    }
  });
});
