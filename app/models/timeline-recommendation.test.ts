// The UN recommendation channel of a demand's timeline (docs/decisions/010).
import { describe, expect, it } from "vitest";
import { buildTimeline, swimlaneLayout, type TimelineInput, type TimelineRecommendationRow } from "./timeline";
import { describeEvent, lookOf } from "./timeline-picture";

const rec = (id: string, paragraph: string, issuedOn: string | null, symbol = "CERD/C/JPN/CO/3-6"): TimelineRecommendationRow => ({
  id,
  paragraph,
  headingJa: "国内人権機関",
  headingEn: "National human rights institution",
  textEn: "The Committee recommends…",
  grade: "C",
  followUp: false,
  document: { id: `doc-${symbol}`, kind: "concluding_observations", symbol, titleJa: "総括所見", titleEn: "Concluding observations", issuedOn, mechanism: "ICERD" },
});

const input = (recommendations: TimelineRecommendationRow[]): TimelineInput => ({
  firstRaisedOn: "2007",
  requestItems: [],
  agendaItems: [],
  outcomes: [
    {
      id: "o1",
      degree: "partially_reflected",
      occurredOn: "2010-04-06",
      quoteJa: null,
      quoteEn: null,
      sourceUrl: null,
      note: null,
      internalNote: null,
      createdAt: new Date(0),
      instrument: null,
    },
  ],
  overrides: [],
  recommendations,
  today: "2026-12-02",
});

describe("the recommendation channel", () => {
  it("dates each linked recommendation by its document, after outcomes of the same day, in paragraph order", () => {
    const { events, counts } = buildTimeline(input([rec("r12", "12", "2010-04-06"), rec("r9", "9", "2010-04-06"), rec("r-sr", "81", "2011-03-21", "A/HRC/17/33/Add.3")]));
    expect(events.filter((e) => e.channel !== "status").map((e) => e.key)).toEqual(["raised", "outcome-o1", "recommendation-r9", "recommendation-r12", "recommendation-r-sr"]);
    const sameDay = events.filter((e) => e.date === "2010-04-06").map((e) => e.channel);
    expect(sameDay.indexOf("outcome")).toBeLessThan(sameDay.indexOf("recommendation"));
    expect(counts.recommendation).toBe(3);
  });

  it("leaves out a recommendation whose document has no date, and filters to the channel alone", () => {
    const { events } = buildTimeline(input([rec("dated", "1", "2010-04"), rec("undated", "2", null)]), { channels: ["recommendation"] });
    expect(events.map((e) => e.key)).toEqual(["recommendation-dated"]);
  });

  it("is not shown under a body filter (a committee is no government body)", () => {
    const { events } = buildTimeline(input([rec("r1", "1", "2010-04")]), { bodyIds: new Set(["moj"]) });
    expect(events.some((e) => e.channel === "recommendation")).toBe(false);
  });

  it("has a track of its own in the picture, and a tooltip naming the symbol and paragraph", () => {
    const { events, history } = buildTimeline(input([rec("r1", "12", "2010-04-06")]));
    const layout = swimlaneLayout(events, history, "2026-12-02");
    expect(layout.tracks.map((t) => t.track)).toContain("recommendation");
    const mark = layout.marks.find((m) => m.key === "recommendation-r1");
    expect(mark?.track).toBe("recommendation");
    expect(lookOf(mark!.event)).toBe("recommendation");
    expect(describeEvent(mark!.event, "en")).toBe("6 April 2010 · UN recommendation: CERD/C/JPN/CO/3-6 para. 12 National human rights institution");
  });
});
