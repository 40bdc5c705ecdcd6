import { describe, expect, it } from "vitest";
import {
  cycleFormSchema,
  demandRefsFrom,
  documentFormSchema,
  mechanismFormSchema,
  normalizeParagraph,
  normalizeSymbol,
  recommendationFormSchema,
  reiterationChain,
  stageTimeline,
  stagesFrom,
  wouldLoop,
} from "~/models/un";

describe("reiterationChain", () => {
  // 2001 ¶10 ← 2010 ¶9 ← 2014 ¶8 ← 2018 ¶7, and a special rapporteur's paragraph that also reiterates 2010 ¶9.
  const rows = [
    { id: "r2001", reiteratesId: null },
    { id: "r2010", reiteratesId: "r2001" },
    { id: "r2014", reiteratesId: "r2010" },
    { id: "r2018", reiteratesId: "r2014" },
    { id: "sr2011", reiteratesId: "r2010" },
    { id: "other", reiteratesId: null },
  ];

  it("runs from the oldest to the newest, whichever link one starts from", () => {
    expect(reiterationChain("r2001", rows)).toEqual(["r2001", "r2010", "r2014", "sr2011", "r2018"]);
    expect(reiterationChain("r2014", rows)).toEqual(["r2001", "r2010", "r2014", "r2018"]);
    expect(reiterationChain("r2018", rows)).toEqual(["r2001", "r2010", "r2014", "r2018"]);
  });

  it("is the recommendation alone when nothing links to it", () => {
    expect(reiterationChain("other", rows)).toEqual(["other"]);
  });

  it("stops at a loop in the data instead of walking for ever", () => {
    const loop = [
      { id: "a", reiteratesId: "b" },
      { id: "b", reiteratesId: "a" },
    ];
    expect(reiterationChain("a", loop)).toEqual(["b", "a"]);
  });

  it("stops where an earlier link was not read (in the trash)", () => {
    expect(reiterationChain("r2010", [{ id: "r2010", reiteratesId: "gone" }])).toEqual(["r2010"]);
  });
});

describe("wouldLoop", () => {
  const rows = [
    { id: "a", reiteratesId: null },
    { id: "b", reiteratesId: "a" },
    { id: "c", reiteratesId: "b" },
  ];
  it("refuses a recommendation reiterating itself or one that already reiterates it", () => {
    expect(wouldLoop("a", "a", rows)).toBe(true);
    expect(wouldLoop("a", "c", rows)).toBe(true);
    expect(wouldLoop("a", "b", rows)).toBe(true);
  });
  it("allows an earlier recommendation", () => {
    expect(wouldLoop("c", "a", rows)).toBe(false);
    expect(wouldLoop("x", "c", rows)).toBe(false);
  });
});

describe("paragraphs, symbols and demand references", () => {
  it("reads paragraph numbers as printed", () => {
    expect(normalizeParagraph("12")).toBe("12");
    expect(normalizeParagraph(" 12(a) ")).toBe("12 (a)");
    expect(normalizeParagraph("12 (B)")).toBe("12 (b)");
    expect(normalizeParagraph("para 12")).toBeNull();
    expect(normalizeParagraph("")).toBeNull();
  });

  it("writes UN symbols one way, so that a re-import finds the document", () => {
    expect(normalizeSymbol(" cerd/c/jpn/co/10-11 ")).toBe("CERD/C/JPN/CO/10-11");
    expect(normalizeSymbol("A/HRC/17/33/ADD.3")).toBe("A/HRC/17/33/Add.3");
    expect(normalizeSymbol("E / C.12 / JPN / CO / 3")).toBe("E/C.12/JPN/CO/3");
  });

  it("splits typed demand numbers on commas, spaces and Japanese commas, once each", () => {
    expect(demandRefsFrom("d-022, D-024、D-022 D-023")).toEqual(["D-022", "D-024", "D-023"]);
    expect(demandRefsFrom("")).toEqual([]);
    expect(demandRefsFrom(undefined)).toEqual([]);
  });
});

describe("stages", () => {
  it("keeps the stages that have a date, in the order they happen", () => {
    expect(stagesFrom({ stage_dialogue: "2010-02-24", stage_state_report: "2008-08", stage_written_replies: undefined })).toEqual([
      { kind: "state_report", on: "2008-08" },
      { kind: "dialogue", on: "2010-02-24" },
    ]);
  });

  it("marks a stage due until its period has ended", () => {
    const stages = [
      { kind: "next_report_due", on: "2026-12" },
      { kind: "state_report", on: "2026-11-30" },
      { kind: "dialogue", on: "2026" },
      { kind: "follow_up_due", on: "2027-01-15" },
    ];
    expect(stageTimeline(stages, "2026-12-02").map((s) => [s.kind, s.due])).toEqual([
      ["state_report", false],
      ["dialogue", true],
      ["follow_up_due", true],
      ["next_report_due", true],
    ]);
  });
});

describe("form schemas", () => {
  const errors = (result: { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } }) =>
    Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join("."), i.message]));

  it("asks for a name in one language and refuses a ratification date for a treaty not ratified", () => {
    const result = mechanismFormSchema.safeParse({ kind: "treaty", abbreviation: "ICRMW", japanStatus: "not_ratified", ratifiedOn: "2003" });
    expect(errors(result)).toEqual({ nameJa: "error.titleOneLanguage", ratifiedOn: "un.error.ratifiedOnNotRatified" });
  });

  it("takes a cycle's stage dates as partial dates and refuses what is not one", () => {
    const ok = cycleFormSchema.safeParse({ mechanismId: "m1", titleEn: "Third periodic report", stage_dialogue: "2013/4/30" });
    expect(ok.success && ok.data.stage_dialogue).toBe("2013-04-30");
    expect(errors(cycleFormSchema.safeParse({ mechanismId: "m1", titleEn: "x", stage_dialogue: "spring" }))).toEqual({ stage_dialogue: "error.partialDate" });
  });

  it("normalises a document's symbol and refuses characters a symbol never has", () => {
    const ok = documentFormSchema.safeParse({ mechanismId: "m1", kind: "concluding_observations", symbol: "cerd/c/jpn/co/3-6", titleEn: "CO" });
    expect(ok.success && ok.data.symbol).toBe("CERD/C/JPN/CO/3-6");
    expect(errors(documentFormSchema.safeParse({ mechanismId: "m1", kind: "other", symbol: "CERD<script>", titleEn: "x" }))).toEqual({ symbol: "un.error.symbol" });
  });

  it("requires a recommendation's English text and a paragraph number as printed", () => {
    expect(errors(recommendationFormSchema.safeParse({ documentId: "d1", paragraph: "twelve" }))).toEqual({ paragraph: "un.error.paragraph", textEn: "error.required" });
    const ok = recommendationFormSchema.safeParse({ documentId: "d1", paragraph: "12(a)", textEn: "The Committee recommends…", followUp: "on", grade: "C" });
    expect(ok.success && [ok.data.paragraph, ok.data.followUp, ok.data.grade]).toEqual(["12 (a)", true, "C"]);
    expect(errors(recommendationFormSchema.safeParse({ documentId: "d1", paragraph: "1", textEn: "x", grade: "F" }))).toEqual({ grade: "error.unknownChoice" });
  });
});
