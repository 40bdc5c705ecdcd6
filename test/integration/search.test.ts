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
