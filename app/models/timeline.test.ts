import { describe, expect, it } from "vitest";
import {
  buildTimeline,
  daysBetween,
  followUpState,
  swimlaneLayout,
  SWIMLANE,
  type BodyRef,
  type TimelineAgendaItemRow,
  type TimelineEvent,
  type TimelineInput,
  type TimelineOutcomeRow,
  type TimelineRequestItemRow,
} from "./timeline";

const body = (id: string): BodyRef => ({ id, nameJa: id, nameEn: id, shortNameJa: null, shortNameEn: null });
const MOJ = body("moj");
const BUREAU = body("immigration-bureau");
const MHLW = body("mhlw");

const request = (id: string, sentOn: string, addressees: BodyRef[], internalNote: string | null = null): TimelineRequestItemRow => ({
  id: `ri-${id}`,
  position: 1,
  wordingJa: "文言",
  wordingEn: null,
  request: { id, kind: "regular", titleJa: `要望書 ${id}`, titleEn: `Request ${id}`, sentOn, internalNote, addressees },
});

const item = (id: string, heldOn: string, answeredBy: BodyRef | null, extra: Partial<TimelineAgendaItemRow> = {}): TimelineAgendaItemRow => ({
  id,
  position: 1,
  questionJa: "質問",
  questionEn: null,
  answerHtml: "<p>回答</p>",
  answerText: "回答",
  assessment: "evasive",
  commitmentJa: null,
  commitmentEn: null,
  followUpOn: null,
  followUpStatus: null,
  followUpNote: null,
  internalNote: null,
  body: answeredBy,
  round: { id: `round-${heldOn}`, kind: "ministry_round", titleJa: `交渉 ${heldOn}`, titleEn: `Round ${heldOn}`, heldOn, internalNote: null },
  ...extra,
});

let n = 0;
const outcome = (id: string, occurredOn: string, degree: string, issuer: BodyRef | null, instrumentId = `inst-${id}`): TimelineOutcomeRow => ({
  id,
  degree,
  occurredOn,
  quoteJa: "引用",
  quoteEn: "Quote",
  sourceUrl: null,
  note: null,
  internalNote: null,
  createdAt: new Date(Date.UTC(2020, 0, 1, 0, 0, ++n)),
  instrument: { id: instrumentId, kind: "basic_policy", titleJa: "基本方針", titleEn: "Basic policy", issuerBody: issuer },
});

function fixture(): TimelineInput {
  return {
    firstRaisedOn: "2007-10",
    today: "2010-01-15",
    requestItems: [request("req-a", "2007-11-20", [MOJ, MHLW]), request("req-b", "2009-10", [MHLW])],
    agendaItems: [
      item("item-2", "2008-02-14", MHLW, {
        position: 2,
        assessment: "commitment",
        commitmentJa: "年内に通知を出す",
        followUpOn: "2008-06",
        followUpStatus: "open",
      }),
      item("item-1", "2008-02-14", BUREAU, { position: 1 }),
      item("item-3", "2009-11-02", MHLW, { commitmentEn: "Will report back", followUpOn: "2010-02-01", followUpStatus: "open" }),
      item("item-4", "2009-11-02", MOJ, { commitmentJa: "済", followUpOn: "2009-12", followUpStatus: "done" }),
    ],
    outcomes: [outcome("o2", "2009-07", "partially_reflected", MHLW), outcome("o1", "2008", "mentioned", MOJ)],
    overrides: [{ id: "ov1", status: "reflected", reason: "Agreed at the steering committee", fromOn: "2009-12-01", clearedAt: null, createdAt: "2020-01-01T00:00:00Z" }],
  };
}

const keys = (events: TimelineEvent[]) => events.map((e) => e.key);

describe("building the timeline", () => {
  it("merges every channel, oldest first: partial dates as text, same-date events in channel order", () => {
    const { events } = buildTimeline(fixture());
    expect(keys(events)).toEqual([
      "raised", // 2007-10
      "request-ri-req-a", // 2007-11-20
      "outcome-o1", // 2008: a year sorts before its months and days
      "status-1", // 2008: mentioned, after the outcome that caused it
      "round-item-1", // 2008-02-14, position 1 ...
      "round-item-2", // ... then position 2, whatever the input order
      "commitment-item-2", // 2008-06 (its follow-up date)
      "outcome-o2", // 2009-07
      "status-2", // 2009-07: partially reflected
      "request-ri-req-b", // 2009-10
      "round-item-3", // 2009-11-02
      "round-item-4",
      "commitment-item-4", // 2009-12 sorts before 2009-12-01
      "status-3", // 2009-12-01: the override
      "commitment-item-3", // 2010-02-01
    ]);
  });

  it("dates a status change by the outcome that caused it, and tells overrides with their reason", () => {
    const { events, history } = buildTimeline(fixture());
    const status = events.filter((e): e is Extract<TimelineEvent, { channel: "status" }> => e.channel === "status");
    expect(status.map((s) => [s.date, s.status, s.previous])).toEqual([
      ["2008", "mentioned", "open"],
      ["2009-07", "partially_reflected", "mentioned"],
      ["2009-12-01", "reflected", "partially_reflected"],
    ]);
    expect(status[2].override?.reason).toBe("Agreed at the steering committee");
    expect(status[2].derived).toBe("partially_reflected");
    // The history keeps the first "open" (the band starts there); the list does not repeat it.
    expect(history[0]).toMatchObject({ on: "2007-10-01", status: "open" });
  });

  it("dates commitments by their follow-up, with their status and whether they are overdue (Japan date)", () => {
    const { events } = buildTimeline(fixture());
    const commitments = events.filter((e): e is Extract<TimelineEvent, { channel: "commitment" }> => e.channel === "commitment");
    expect(commitments.map((c) => [c.itemId, c.date, c.followUpStatus, c.overdue, c.dueSoon])).toEqual([
      ["item-2", "2008-06", "open", true, false],
      ["item-4", "2009-12", "done", false, false],
      ["item-3", "2010-02-01", "open", false, true], // within 30 days of 2010-01-15
    ]);
    const find = (today: string) => buildTimeline({ ...fixture(), today }).events.find((e) => e.key === "commitment-item-3");
    expect(find("2009-12-01")).toMatchObject({ overdue: false, dueSoon: false });
    expect(find("2010-02-01")).toMatchObject({ overdue: false, dueSoon: true });
    expect(find("2010-02-02")).toMatchObject({ overdue: true, dueSoon: false });
  });

  it("reverses the whole list for newest first", () => {
    const asc = keys(buildTimeline(fixture()).events);
    expect(keys(buildTimeline(fixture(), { order: "desc" }).events)).toEqual([...asc].reverse());
  });

  it("filters by channel, several at once, and drops 'raised' under a channel filter", () => {
    const { events, counts } = buildTimeline(fixture(), { channels: ["request", "outcome"] });
    expect(keys(events)).toEqual(["request-ri-req-a", "outcome-o1", "outcome-o2", "request-ri-req-b"]);
    expect(counts).toMatchObject({ raised: 1, request: 2, round: 4, commitment: 3, outcome: 2, status: 3 });
    expect(keys(buildTimeline(fixture(), { channels: ["status"] }).events)).toEqual(["status-1", "status-2", "status-3"]);
  });

  it("filters by body: requests addressed to it, items it answered, outcomes whose document it issued", () => {
    const mojTree = new Set(["moj", "immigration-bureau"]);
    expect(keys(buildTimeline(fixture(), { bodyIds: mojTree }).events)).toEqual([
      "request-ri-req-a",
      "outcome-o1",
      "round-item-1",
      "round-item-4",
      "commitment-item-4",
    ]);
    expect(keys(buildTimeline(fixture(), { bodyIds: new Set(["mhlw"]), channels: ["round", "commitment"] }).events)).toEqual([
      "round-item-2",
      "commitment-item-2",
      "round-item-3",
      "commitment-item-3",
    ]);
  });

  it("tells a round's internal note once, on the first item shown", () => {
    const input = fixture();
    input.agendaItems = input.agendaItems.map((row) => ({ ...row, round: { ...row.round, internalNote: `note of ${row.round.id}` } }));
    const rounds = buildTimeline(input).events.filter((e): e is Extract<TimelineEvent, { channel: "round" }> => e.channel === "round");
    expect(rounds.map((r) => r.roundInternalNote)).toEqual(["note of round-2008-02-14", null, "note of round-2009-11-02", null]);
    const filtered = buildTimeline(input, { bodyIds: new Set(["mhlw"]), channels: ["round"] }).events as Array<Extract<TimelineEvent, { channel: "round" }>>;
    expect(filtered.map((r) => r.roundInternalNote)).toEqual(["note of round-2008-02-14", "note of round-2009-11-02"]);
  });

  it("has only the raised event for a demand with nothing else, and nothing without a date", () => {
    expect(keys(buildTimeline({ firstRaisedOn: "2011", today: "2026-01-01", requestItems: [], agendaItems: [], outcomes: [], overrides: [] }).events)).toEqual(["raised"]);
    expect(buildTimeline({ firstRaisedOn: null, today: "2026-01-01", requestItems: [], agendaItems: [], outcomes: [], overrides: [] }).events).toEqual([]);
  });
});

describe("follow-up of commitments", () => {
  it.each([
    ["2025-01-15", "overdue"], // before today
    ["2025-01-16", "dueSoon"], // today
    ["2025-02-15", "dueSoon"], // today + 30
    ["2025-02-16", null], // today + 31
    ["2025-01", "overdue"], // a month compares by its first day
    ["2025-02", "dueSoon"],
    ["2025", "overdue"],
  ] as const)("on 2025-01-16, %s is %s", (followUpOn, expected) => {
    expect(followUpState(followUpOn, "open", "2025-01-16")).toBe(expected);
  });

  it("leaves done and dropped commitments alone, and counts a missing status as open", () => {
    expect(followUpState("2020-01-01", "done", "2025-01-16")).toBeNull();
    expect(followUpState("2020-01-01", "dropped", "2025-01-16")).toBeNull();
    expect(followUpState("2020-01-01", null, "2025-01-16")).toBe("overdue");
    expect(followUpState(null, "open", "2025-01-16")).toBeNull();
    expect(followUpState("someday", "open", "2025-01-16")).toBeNull();
  });

  it("counts days across month ends and leap days", () => {
    expect(daysBetween("2024-02-28", "2024-03-01")).toBe(2);
    expect(daysBetween("2025-01-31", "2025-03-02")).toBe(30);
  });
});

describe("the swimlane picture", () => {
  const { events, history } = buildTimeline(fixture());
  const layout = swimlaneLayout(events, history, "2010-01-15");

  it("spans whole years from the first event to today, with the years labelled", () => {
    expect(layout.domain).toEqual({ start: "2007-01-01", end: "2011-01-01" });
    expect(layout.years.filter((y) => y.label).map((y) => y.year)).toEqual([2007, 2008, 2009, 2010]);
    expect(layout.years[0].x).toBe(SWIMLANE.left);
    expect(layout.years[layout.years.length - 1].x).toBe(SWIMLANE.width - SWIMLANE.right);
  });

  it("places partial dates at the start of their span, and a mark per event on its track", () => {
    const o1 = layout.marks.find((m) => m.key === "outcome-o1");
    const y2008 = layout.years.find((y) => y.year === 2008)?.x;
    expect(o1?.x).toBe(y2008);
    expect(o1?.track).toBe("outcome");
    expect(layout.marks.map((m) => m.key).sort()).toEqual(
      events.filter((e) => ["request", "round", "commitment", "outcome"].includes(e.channel)).map((e) => e.key).sort(),
    );
  });

  it("spreads marks of the same day so that none hides another", () => {
    const sameDay = layout.marks.filter((m) => m.key === "round-item-1" || m.key === "round-item-2");
    expect(sameDay).toHaveLength(2);
    expect(sameDay[0].x).toBe(sameDay[1].x);
    expect(sameDay[0].y).not.toBe(sameDay[1].y);
  });

  it("colours the band by status from the day it was raised until today", () => {
    expect(layout.band.map((b) => [b.status, b.from, b.until])).toEqual([
      ["open", "2007-10-01", "2008-01-01"],
      ["mentioned", "2008-01-01", "2009-07-01"],
      ["partially_reflected", "2009-07-01", "2009-12-01"],
      ["reflected", "2009-12-01", "2010-01-15"],
    ]);
    expect(layout.band[layout.band.length - 1].x2).toBe(layout.today.x);
  });

  it("labels fewer years when there are many", () => {
    const outcome = events.find((e) => e.channel === "outcome");
    if (!outcome) throw new Error("the fixture has an outcome");
    const late = { ...outcome, key: "late", date: "2039-05", start: "2039-05-01" };
    const long = swimlaneLayout([...events, late], history, "2040-06-01");
    expect(long.axisBreak).toBeNull();
    const labelled = long.years.filter((y) => y.label).map((y) => y.year);
    expect(labelled[0]).toBe(2007);
    expect(labelled[1] - labelled[0]).toBeGreaterThan(1);
  });

  it("cuts the axis when nothing happened for years before today, keeping the band up to today", () => {
    const quiet = swimlaneLayout(events, history, "2026-11-22");
    // The fixture's last event falls in 2010: the axis runs to the end of 2011, then the cut.
    expect(quiet.domain).toEqual({ start: "2007-01-01", end: "2012-01-01" });
    expect(quiet.axisBreak).toEqual({ x1: SWIMLANE.width - SWIMLANE.right - SWIMLANE.breakWidth, x2: SWIMLANE.width - SWIMLANE.right });
    expect(quiet.today.x).toBe(SWIMLANE.width - SWIMLANE.right);
    expect(quiet.years[quiet.years.length - 1]).toMatchObject({ year: 2012, x: SWIMLANE.width - SWIMLANE.right - SWIMLANE.breakWidth });
    const last = quiet.band[quiet.band.length - 1];
    expect([last.status, last.until, last.x2]).toEqual(["reflected", "2026-11-22", quiet.today.x]);
    // Three quiet years are not cut.
    expect(swimlaneLayout(events, history, "2013-12-31").axisBreak).toBeNull();
  });
});

describe("public comments on the timeline", () => {
  const point = (id: string, submittedOn: string, issuer: BodyRef | null, responseKind: string | null = null) => ({
    id,
    textJa: "在留資格の有無にかかわらず保護すること",
    textEn: null,
    responseSummary: null,
    responseAnswer: responseKind ? "参考とします" : null,
    responseKind,
    submission: { id: `s-${id}`, submittedOn },
    consultation: { id: `c-${id}`, titleJa: "基本方針（案）", titleEn: "Draft basic policy", caseNumber: null, finalTextChanged: "changed", issuerBody: issuer },
  });
  const base: TimelineInput = { firstRaisedOn: "2007", requestItems: [], agendaItems: [], outcomes: [], overrides: [], today: "2026-12-02" };

  it("places each point at its submission's date, after an outcome of the same date, and filters by the issuing body", () => {
    const input: TimelineInput = {
      ...base,
      outcomes: [outcome("o1", "2007-11", "partially_reflected", MOJ)],
      comments: [point("p1", "2007-11", BUREAU, "for_reference"), point("p2", "2007-06", MHLW)],
    };
    const { events, counts } = buildTimeline(input);
    expect(events.map((e) => e.key)).toEqual(["raised", "comment-p2", "outcome-o1", "comment-p1", "status-1"]);
    expect(counts.comment).toBe(2);
    const onlyComments = buildTimeline(input, { channels: ["comment"] }).events;
    expect(onlyComments.map((e) => e.key)).toEqual(["comment-p2", "comment-p1"]);
    const bureau = buildTimeline(input, { bodyIds: new Set(["immigration-bureau"]) }).events;
    expect(bureau.map((e) => e.key)).toEqual(["comment-p1"]);
  });

  it("draws a point on its own track of the picture", () => {
    const { events, history } = buildTimeline({ ...base, comments: [point("p1", "2011-06-30", null)] });
    const layout = swimlaneLayout(events, history, "2012-01-01");
    const mark = layout.marks.find((m) => m.event.key === "comment-p1");
    const track = layout.tracks.find((t) => t.track === "comment");
    expect(mark?.y).toBe(track?.y);
  });
});
