import { describe, expect, it } from "vitest";
import {
  agendaCounts,
  agendaItemFormSchema,
  followUpOf,
  hasAnswer,
  isUnanswered,
  itemsToCarryForward,
  moveInOrder,
  previousRoundFor,
  roundFormSchema,
} from "./round";

const errorsOf = (result: { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } }) =>
  Object.fromEntries((result.error?.issues ?? []).map((i) => [String(i.path[0]), i.message]));

describe("the previous round to carry items forward from", () => {
  const current = { id: "now", heldOn: "2012-06-20", bodyIds: ["moj", "mhlw"], createdAt: "2012-06-21T00:00:00Z" };

  it("is the latest earlier round sharing at least one body", () => {
    const rounds = [
      { id: "old", heldOn: "2010-11-05", bodyIds: ["moj"] },
      { id: "recent", heldOn: "2011-11-10", bodyIds: ["mhlw", "mofa"] },
      { id: "other-bodies", heldOn: "2012-01-15", bodyIds: ["mofa"] },
      { id: "later", heldOn: "2012-10-01", bodyIds: ["moj"] },
      { id: "now", heldOn: "2012-06-20", bodyIds: ["moj"] },
    ];
    expect(previousRoundFor(current, rounds)?.id).toBe("recent");
  });

  it("compares partial dates by the first day they cover", () => {
    const rounds = [
      { id: "year", heldOn: "2012", bodyIds: ["moj"] },
      { id: "month", heldOn: "2012-05", bodyIds: ["moj"] },
      { id: "same-month", heldOn: "2012-06", bodyIds: ["moj"] },
    ];
    expect(previousRoundFor(current, rounds)?.id).toBe("same-month");
    expect(previousRoundFor({ ...current, heldOn: "2012-05-31" }, rounds)?.id).toBe("month");
  });

  it("counts a round on the same day as earlier only when it was recorded before", () => {
    const rounds = [
      { id: "morning", heldOn: "2012-06-20", bodyIds: ["moj"], createdAt: "2012-06-20T03:00:00Z" },
      { id: "recorded-later", heldOn: "2012-06-20", bodyIds: ["moj"], createdAt: "2012-06-22T03:00:00Z" },
    ];
    expect(previousRoundFor(current, rounds)?.id).toBe("morning");
  });

  it("is null when no earlier round shares a body", () => {
    expect(previousRoundFor(current, [{ id: "x", heldOn: "2001", bodyIds: ["npa"] }])).toBeNull();
    expect(previousRoundFor({ ...current, bodyIds: [] }, [{ id: "x", heldOn: "2001", bodyIds: ["moj"] }])).toBeNull();
  });
});

describe("answers", () => {
  it("tells answered items from unanswered ones", () => {
    expect(hasAnswer({ answerText: "検討します", assessment: "will_consider" })).toBe(true);
    expect(hasAnswer({ answerText: "  ", answer: null, assessment: null })).toBe(false);
    expect(hasAnswer({ answerText: "…", assessment: "no_answer" })).toBe(false);
    expect(isUnanswered({ answerText: "", assessment: "refusal" })).toBe(true);
    expect(isUnanswered({ answerText: "制度上困難", assessment: "refusal" })).toBe(false);
    expect(isUnanswered({ answerText: "適切に対応している", assessment: "evasive" })).toBe(true);
    expect(isUnanswered({ answer: '{"type":"doc"}', answerText: null, assessment: "commitment" })).toBe(false);
  });

  it("counts items, answers and open commitments", () => {
    const counts = agendaCounts([
      { answerText: "a", assessment: "commitment", followUpStatus: "open" },
      { answerText: "b", assessment: "commitment", followUpStatus: "done" },
      { answerText: null, assessment: null, followUpStatus: null },
      { answerText: "c", assessment: "no_answer", followUpStatus: null },
    ]);
    expect(counts).toEqual({ items: 4, answered: 2, openCommitments: 1 });
  });
});

describe("carrying unanswered items forward", () => {
  const item = (id: string, position: number, demandId: string, bodyId: string | null, answerText: string | null, assessment: string | null) => ({
    id,
    position,
    demandId,
    bodyId,
    answer: null,
    answerText,
    assessment,
  });
  const source = [
    item("a", 3, "d1", "moj", null, null),
    item("b", 1, "d2", "moj", "回答", "commitment"),
    item("c", 2, "d3", "mhlw", "一般論", "evasive"),
    item("d", 4, "d4", "mhlw", "", "no_answer"),
    item("e", 5, "d1", "mhlw", "回答", "refusal"),
    item("f", 6, "d5", null, null, null),
    item("g", 7, "d5", null, null, null),
  ];

  it("copies only the unanswered items, in agenda order", () => {
    const { copy, skipped } = itemsToCarryForward(source, []);
    expect(copy.map((i) => i.id)).toEqual(["c", "a", "d", "f"]);
    // The second d5 without a body is the same pair as the first.
    expect(skipped).toBe(1);
  });

  it("skips demand × body pairs the agenda already holds", () => {
    const { copy, skipped } = itemsToCarryForward(source, [
      { demandId: "d1", bodyId: "moj" },
      { demandId: "d3", bodyId: "moj" },
      { demandId: "d5", bodyId: null },
    ]);
    expect(copy.map((i) => i.id)).toEqual(["c", "d"]);
    expect(skipped).toBe(3);
  });
});

describe("the agenda item form", () => {
  it("requires a demand, and a follow-up date with a commitment, reporting both at once", () => {
    const result = agendaItemFormSchema.safeParse({ commitmentJa: "来年度中に通知を見直す", questionJa: "質問" });
    expect(result.success).toBe(false);
    expect(errorsOf(result)).toEqual({ demandId: "error.required", followUpOn: "error.followUpOnRequired" });
  });

  it("accepts a commitment with a partial follow-up date, which then starts as open", () => {
    const result = agendaItemFormSchema.safeParse({ demandId: "d1", commitmentEn: "Review the notice", followUpOn: "2012年3月" });
    expect(result.success).toBe(true);
    expect(result.data?.followUpOn).toBe("2012-03");
    expect(followUpOf(result.data!)).toEqual({ followUpOn: "2012-03", followUpStatus: "open", followUpNote: null });
    expect(followUpOf({ followUpStatus: "done", followUpOn: "2012" })).toEqual({ followUpOn: "2012", followUpStatus: null, followUpNote: null });
  });

  it("refuses an unreadable follow-up date as such", () => {
    const result = agendaItemFormSchema.safeParse({ demandId: "d1", commitmentJa: "x", followUpOn: "someday" });
    expect(errorsOf(result)).toEqual({ followUpOn: "error.partialDate" });
  });
});

describe("the round form", () => {
  it("requires a date and a title in one language", () => {
    const result = roundFormSchema.safeParse({ kind: "ministry_round", place: "参議院議員会館" });
    expect(errorsOf(result)).toEqual({ heldOn: "error.required", titleJa: "error.titleOneLanguage" });
    expect(errorsOf(roundFormSchema.safeParse({ kind: "ministry_round", titleJa: "x", heldOn: "2011-13" }))).toEqual({ heldOn: "error.partialDate" });
  });

  it("needs a request to put its demands on the agenda", () => {
    const result = roundFormSchema.safeParse({ kind: "ministry_round", titleEn: "x", heldOn: "2011-05-18", agendaFromRequest: true });
    expect(errorsOf(result)).toEqual({ requestId: "error.roundAgendaNeedsRequest" });
  });
});

describe("moving an item", () => {
  it("swaps with its neighbour and stays put at either end", () => {
    expect(moveInOrder(["a", "b", "c"], "b", "up")).toEqual(["b", "a", "c"]);
    expect(moveInOrder(["a", "b", "c"], "b", "down")).toEqual(["a", "c", "b"]);
    expect(moveInOrder(["a", "b", "c"], "a", "up")).toEqual(["a", "b", "c"]);
    expect(moveInOrder(["a", "b", "c"], "c", "down")).toEqual(["a", "b", "c"]);
    expect(moveInOrder(["a"], "x", "down")).toEqual(["a"]);
  });
});
