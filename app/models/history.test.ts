import { describe, expect, it } from "vitest";
import { translator } from "~/i18n";
import { changedFields, describeChanges, fieldLabelKey, historyTypeOf, parseSnapshot, referencedIds, richTextWords } from "~/models/history";

const ctx = (locale: "ja" | "en", names: Record<string, string> = {}) => ({ t: translator(locale), locale, names: new Map(Object.entries(names)) });

describe("changedFields", () => {
  it("lists what differs, never bookkeeping, and treats null, empty text and [] alike", () => {
    const before = { titleJa: "旧", titleEn: "", notes: null, tags: [], version: 1, updatedAt: "2026-01-01T00:00:00.000Z" };
    const after = { titleJa: "新", titleEn: null, notes: "", tags: [], version: 2, updatedAt: "2026-01-02T00:00:00.000Z" };
    expect(changedFields("Request", before, after)).toEqual(["titleJa"]);
  });

  it("hides copies of other fields and a child's link to its parent", () => {
    expect(changedFields("Instrument", {}, { issuerBodyId: "b1", issuerBody: { nameJa: "法務省" } })).toEqual(["issuerBodyId"]);
    expect(changedFields("AgendaItem", {}, { roundId: "r1", demandId: "d1", answer: "{}", answerText: "回答" })).toEqual(["demandId", "answer"]);
  });
});

describe("labels and values", () => {
  it("labels fields from the catalogs, or leaves the key when there is none", () => {
    expect(fieldLabelKey("Request", "titleEn")).toBe("request.titleEn");
    expect(fieldLabelKey("NegotiationRound", "bodyIds")).toBe("round.bodies");
    expect(fieldLabelKey("Outcome", "internalNote")).toBe("common.internalNote");
    expect(fieldLabelKey("Body", "nameJa")).toBe("common.nameJa");
    expect(fieldLabelKey("Request", "somethingNew")).toBeNull();
  });

  it("reads values as people say them: names, enumerations, partial dates, yes and no", () => {
    const changes = describeChanges(
      "Request",
      { kind: "regular", sentOn: "2011-10", addresseeIds: ["b1"], archived: false },
      { kind: "emergency", sentOn: "2011-10-03", addresseeIds: ["b1", "b2"], archived: true, somethingNew: "x" },
      ctx("en", { b1: "Ministry of Justice", b2: "Immigration Bureau" }),
    );
    expect(Object.fromEntries(changes.map((c) => [c.field, [c.label, c.before, c.after]]))).toEqual({
      kind: ["Kind", { text: "Regular request", long: false }, { text: "Emergency request", long: false }],
      sentOn: ["Date sent", { text: "October 2011", long: false }, { text: "3 October 2011", long: false }],
      addresseeIds: ["Addressed to", { list: ["Ministry of Justice"] }, { list: ["Ministry of Justice", "Immigration Bureau"] }],
      archived: ["archived", { text: "No", long: false }, { text: "Yes", long: false }],
      somethingNew: ["somethingNew", null, { text: "x", long: false }],
    });
  });

  it("collects the ids of changed fields, inside lists of rows too", () => {
    const ids = referencedIds("Request", { items: [{ demandId: "d1" }] }, { items: [{ demandId: "d2" }], titleJa: "同じ" });
    expect([...ids].sort()).toEqual(["d1", "d2"]);
  });
});

describe("richTextWords", () => {
  it("gives the words of an editor document, a line per paragraph, bullets for list items", () => {
    const doc = JSON.stringify({
      type: "doc",
      content: [
        { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "要望" }] },
        { type: "paragraph", content: [{ type: "text", text: "第一に、" }, { type: "text", marks: [{ type: "bold" }], text: "通訳" }] },
        { type: "bulletList", content: [{ type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "項目A" }] }] }] },
      ],
    });
    expect(richTextWords(doc)).toBe("要望\n第一に、通訳\n• 項目A");
  });

  it("leaves text that is not a document alone, markup included", () => {
    expect(richTextWords("ただの文章")).toBeNull();
    expect(richTextWords('{"not":"a doc"}')).toBeNull();
    const changes = describeChanges("Demand", {}, { summaryJa: "<script>alert(1)</script>" }, ctx("ja"));
    expect(changes[0].after).toEqual({ text: "<script>alert(1)</script>", long: false });
  });
});

describe("parsing", () => {
  it("reads a snapshot as an object, anything else as no fields", () => {
    expect(parseSnapshot('{"a":1}')).toEqual({ a: 1 });
    expect(parseSnapshot("[1]")).toEqual({});
    expect(parseSnapshot("not json")).toEqual({});
    expect(parseSnapshot(null)).toEqual({});
  });

  it("knows the types that have a history page", () => {
    expect(historyTypeOf("round")).toBe("NegotiationRound");
    expect(historyTypeOf("constructor")).toBeNull();
    expect(historyTypeOf(undefined)).toBeNull();
  });
});
