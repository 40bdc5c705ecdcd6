import { describe, expect, it } from "vitest";
import {
  MAX_FOOTNOTES,
  type ChainRow,
  type EarlierRecommendation,
  type Evidence,
  articleNumbers,
  buildOutline,
  countWords,
  docText,
  earlierInChain,
  evidenceWindow,
  inWindow,
  previousCycle,
  sectionLimit,
  sectionWords,
} from "~/models/counter-report";

const rec = (id: string, paragraph: string, extra: Partial<EarlierRecommendation> = {}): EarlierRecommendation => ({
  id,
  paragraph,
  position: parseInt(paragraph, 10),
  headingEn: `Heading ${paragraph}`,
  headingJa: null,
  textEn: `The Committee recommends ${paragraph}.`,
  textJa: null,
  articles: null,
  followUp: false,
  reiteratesId: null,
  governmentClaimEn: null,
  governmentClaimJa: null,
  governmentClaimSource: null,
  grade: null,
  assessmentNote: null,
  document: { symbol: "CERD/C/JPN/CO/3-6", titleEn: "CO", titleJa: "総括所見", issuedOn: "2010-04-06" },
  ...extra,
});

const answer = (id: string, demandId: string, on: string): Evidence => ({
  kind: "answer",
  id,
  demandId,
  on,
  roundId: "round",
  roundTitleEn: "Round",
  roundTitleJa: "交渉",
  bodyEn: "MOJ",
  bodyJa: "法務省",
  questionEn: null,
  questionJa: null,
  answer: `answer ${id}`,
  assessment: "evasive",
});
const outcome = (id: string, demandId: string, on: string): Evidence => ({ kind: "outcome", id, demandId, on, degree: "partially_reflected", instrumentEn: "Law", instrumentJa: "法", quoteEn: "quoted", quoteJa: null, sourceUrl: null });
const point = (id: string, demandId: string, on: string): Evidence => ({
  kind: "comment",
  id,
  demandId,
  on,
  consultationId: "c",
  consultationEn: "Draft guideline",
  consultationJa: "指針案",
  textEn: "our point",
  textJa: null,
  responseAnswer: "their answer",
  responseKind: "not_adopted",
});

const demands = [
  { id: "d1", ref: "D-001", titleEn: "One", titleJa: "一" },
  { id: "d2", ref: "D-002", titleEn: "Two", titleJa: "二" },
  { id: "d3", ref: "D-010", titleEn: "Ten", titleJa: "十" },
];

describe("the reiteration chain", () => {
  const rows: ChainRow[] = [
    { id: "a2001", reiteratesId: null, paragraph: "10", symbol: "CERD/C/304/Add.114", issuedOn: "2001-03" },
    { id: "b2010", reiteratesId: "a2001", paragraph: "12", symbol: "CERD/C/JPN/CO/3-6", issuedOn: "2010-04" },
    { id: "c2014", reiteratesId: "b2010", paragraph: "8", symbol: "CERD/C/JPN/CO/7-9", issuedOn: "2014-09" },
  ];
  it("walks back to the oldest recommendation, oldest first", () => {
    expect(earlierInChain("c2014", rows).map((r) => r.id)).toEqual(["a2001", "b2010"]);
    expect(earlierInChain("a2001", rows)).toEqual([]);
  });
  it("stops at a loop in the data", () => {
    const looped = [...rows.slice(1), { ...rows[0], reiteratesId: "c2014" }];
    expect(earlierInChain("c2014", looped).map((r) => r.id)).toEqual(["a2001", "b2010"]);
  });
});

describe("the last review and the evidence window", () => {
  const cycles = [
    { id: "cerd-2001", mechanismId: "cerd", stages: [{ kind: "concluding_observations", on: "2001-03" }] },
    { id: "cerd-2010", mechanismId: "cerd", stages: [{ kind: "concluding_observations", on: "2010-04-06" }, { kind: "ngo_submission_deadline", on: "2010-01" }] },
    { id: "cerd-2014", mechanismId: "cerd", stages: [{ kind: "ngo_submission_deadline", on: "2014-07-15" }, { kind: "dialogue", on: "2014-08" }] },
    { id: "cescr", mechanismId: "cescr", stages: [{ kind: "concluding_observations", on: "2013-05" }] },
  ];
  it("is the same mechanism's cycle before, by its concluding observations or dialogue", () => {
    expect(previousCycle(cycles[2], cycles)?.id).toBe("cerd-2010");
    expect(previousCycle(cycles[1], cycles)?.id).toBe("cerd-2001");
    expect(previousCycle(cycles[0], cycles)).toBeNull();
    expect(previousCycle(cycles[3], cycles)).toBeNull();
  });
  it("runs from the last concluding observations to the NGO deadline, or today when the deadline is ahead", () => {
    expect(evidenceWindow(cycles[2], cycles[1], "2026-12-02")).toEqual({ from: "2010-04-06", to: "2014-07-15" });
    expect(evidenceWindow(cycles[2], cycles[1], "2012-01-01")).toEqual({ from: "2010-04-06", to: "2012-01-01" });
    expect(evidenceWindow(cycles[0], null, "2026-12-02")).toEqual({ from: null, to: "2026-12-02" });
  });
  it("compares partial dates on the precision they share", () => {
    const w = { from: "2010-04", to: "2014-07-15" };
    expect(inWindow("2010-04-01", w)).toBe(true);
    expect(inWindow("2010", w)).toBe(true);
    expect(inWindow("2010-03-31", w)).toBe(false);
    expect(inWindow("2014-07-15", w)).toBe(true);
    expect(inWindow("2014-07-16", w)).toBe(false);
  });
});

describe("the outline", () => {
  const chainRows: ChainRow[] = [
    { id: "old12", reiteratesId: null, paragraph: "12", symbol: "CERD/C/304/Add.114", issuedOn: "2001-03" },
    { id: "r13", reiteratesId: "old12", paragraph: "13", symbol: "CERD/C/JPN/CO/3-6", issuedOn: "2010-04-06" },
    { id: "r9", reiteratesId: null, paragraph: "9", symbol: "CERD/C/JPN/CO/3-6", issuedOn: "2010-04-06" },
    { id: "r20", reiteratesId: null, paragraph: "20", symbol: "CERD/C/JPN/CO/3-6", issuedOn: "2010-04-06" },
  ];
  const recommendations = [rec("r13", "13", { reiteratesId: "old12", articles: "2, 5 (e)" }), rec("r9", "9", { articles: "4" }), rec("r20", "20")];
  // d1 is linked to the 2001 paragraph that r13 reiterates; d2 to r9; d3 to nothing in the outline.
  const links = [
    { recommendationId: "old12", demandId: "d1" },
    { recommendationId: "r9", demandId: "d2" },
    { recommendationId: "r9", demandId: "d1" },
  ];
  const evidence = [
    answer("before", "d1", "2010-03-30"),
    answer("a1", "d1", "2011-06-01"),
    outcome("o1", "d1", "2012-04"),
    point("p1", "d2", "2011-12-20"),
    answer("a-other", "d3", "2012-01-01"),
    answer("after", "d2", "2014-08-01"),
  ];
  const window = { from: "2010-04-06", to: "2014-07-15" };

  it("follows the earlier recommendations in paragraph order, each with its chain, and numbers the evidence through the report", () => {
    const outline = buildOutline({ mode: "recommendations", recommendations, chainRows, links, demands, evidence, window });
    expect(outline.map((s) => [s.number, s.key])).toEqual([
      [1, "rec-r9"],
      [2, "rec-r13"],
      [3, "rec-r20"],
    ]);
    const [s9, s13, s20] = outline;
    expect(s13.recommendations[0].earlier.map((e) => e.id)).toEqual(["old12"]);
    // Linked through the chain: r13's own links are none, the 2001 paragraph's are d1.
    expect(s13.demands.map((d) => d.ref)).toEqual(["D-001"]);
    expect(s9.demands.map((d) => d.ref)).toEqual(["D-001", "D-002"]);
    // Only evidence in the window, by date; numbering runs on across sections; evidence on other demands never shows.
    expect(s9.footnotes.map((f) => [f.n, f.id])).toEqual([
      [1, "a1"],
      [2, "p1"],
      [3, "o1"],
    ]);
    expect(s13.footnotes.map((f) => [f.n, f.id])).toEqual([
      [4, "a1"],
      [5, "o1"],
    ]);
    expect(s20.footnotes).toEqual([]);
    expect(s20.demands).toEqual([]);
    const all = outline.flatMap((s) => s.footnotes.map((f) => f.id));
    expect(all).not.toContain("before");
    expect(all).not.toContain("after");
    expect(all).not.toContain("a-other");
  });

  it("groups by treaty article, a recommendation under each article it names, those without one last", () => {
    const outline = buildOutline({ mode: "articles", recommendations, chainRows, links, demands, evidence, window });
    expect(outline.map((s) => s.key)).toEqual(["article-2", "article-4", "article-5", "article-other"]);
    expect(outline[0].recommendations.map((r) => r.id)).toEqual(["r13"]);
    expect(outline[2].recommendations.map((r) => r.id)).toEqual(["r13"]);
    expect(outline[3].recommendations.map((r) => r.id)).toEqual(["r20"]);
    expect(outline[1].footnotes.map((f) => f.id)).toEqual(["a1", "p1", "o1"]);
  });

  it("reads article numbers as written", () => {
    expect(articleNumbers("2, 5 (e)")).toEqual(["2", "5"]);
    expect(articleNumbers("art. 2, 2")).toEqual(["2"]);
    expect(articleNumbers(null)).toEqual([]);
  });
});

describe("a section's footnotes", () => {
  it("cite at most MAX_FOOTNOTES: outcomes, then comments, then the latest answers, in date order, and count the rest", () => {
    const many: Evidence[] = [
      ...Array.from({ length: 30 }, (_, i) => answer(`a${i}`, "d1", `2011-${String(1 + (i % 12)).padStart(2, "0")}-${String(1 + i).padStart(2, "0")}`)),
      outcome("o1", "d1", "2012-04"),
      point("p1", "d1", "2011-12-20"),
    ];
    const [section] = buildOutline({
      mode: "recommendations",
      recommendations: [rec("r1", "1")],
      chainRows: [],
      links: [{ recommendationId: "r1", demandId: "d1" }],
      demands,
      evidence: many,
      window: { from: "2010-01-01", to: "2014-12-31" },
    });
    expect(section.footnotes).toHaveLength(MAX_FOOTNOTES);
    expect(section.omitted).toBe(32 - MAX_FOOTNOTES);
    const ids = section.footnotes.map((f) => f.id);
    expect(ids).toContain("o1");
    expect(ids).toContain("p1");
    // The answers kept are the latest ones.
    const keptAnswers = section.footnotes.filter((f) => f.kind === "answer").map((f) => f.on);
    const latest = many.filter((e) => e.kind === "answer").map((e) => e.on).sort().reverse().slice(0, MAX_FOOTNOTES - 2);
    expect([...keptAnswers].sort()).toEqual([...latest].sort());
    // Numbered in date order.
    expect(section.footnotes.map((f) => f.on)).toEqual([...section.footnotes.map((f) => f.on)].sort());
    expect(section.footnotes.map((f) => f.n)).toEqual(Array.from({ length: MAX_FOOTNOTES }, (_, i) => i + 1));
  });
});

describe("word counts", () => {
  const doc = (...paragraphs: string[]) => JSON.stringify({ type: "doc", content: paragraphs.map((p) => ({ type: "paragraph", content: [{ type: "text", text: p }] })) });
  it("count the English words of the analysis and proposals, not the Japanese working text", () => {
    expect(docText(doc("The government", "claims progress."))).toBe("The government claims progress.");
    expect(countWords("The State party — has not, in 2011, acted.")).toBe(8);
    expect(sectionWords({ analysisEn: doc("One two three."), proposalsEn: doc("Four five") })).toBe(5);
    expect(sectionWords({ analysisEn: null, proposalsEn: "not json" })).toBe(0);
  });
  it("share the committee's limit between the sections", () => {
    expect(sectionLimit(10700, 4)).toBe(2675);
    expect(sectionLimit(null, 4)).toBeNull();
  });
});
