// The calendar on a real SQLite file: what it gathers (and leaves out), its filters, the month and list
// views, the single-event .ics and the personal feed (created, parsed back with node-ical, renewed, revoked).
import ical, { type VEvent } from "node-ical";
import { beforeAll, describe, expect, it } from "vitest";
import { uidOf } from "~/models/calendar";
import { calendarEventByUid, calendarEvents } from "~/models/calendar.server";
import { createFeedToken, feedPath, hashToken, revokeFeed } from "~/models/calendar-feed.server";
import { eventsToIcs } from "~/models/ics.server";
import { loader as calendarLoader } from "~/routes/calendar._index";
import { loader as eventIcsLoader } from "~/routes/calendar.event[.]ics";
import { loader as feedLoader } from "~/routes/ics.$token";
import { db } from "~/utils/db.server";
import { args, makeRequest, payload, run, statusOf } from "../request";

// This file's records live in 2031, away from the demo data's years.
const ids = { consultation: "", deletedConsultation: "", round: "", otherRound: "", commitment: "", doneCommitment: "", stage: "", body: "", otherBody: "", network: "", cycle: "" };

function dayOf(date: Date) {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, "0")}-${String(date.getDate()).padStart(2, "0")}`;
}

function vevents(text: string) {
  return Object.values(ical.sync.parseICS(text)).filter((c): c is VEvent => c?.type === "VEVENT");
}

beforeAll(async () => {
  ids.body = (await db.body.findFirstOrThrow({ where: { nameEn: "Immigration Bureau" } })).id;
  ids.otherBody = (await db.body.create({ data: { kind: "ministry", nameJa: "カレンダー省", nameEn: "Ministry of Calendars" } })).id;
  ids.network = (await db.projectNetwork.create({ data: { nameJa: "暦ネット", nameEn: "Calendar Network" } })).id;
  const demand = await db.demand.create({ data: { ref: "T-501", titleJa: "暦の要求", titleEn: "Calendar demand", projectNetworkId: ids.network } });
  const otherDemand = await db.demand.create({ data: { ref: "T-502", titleJa: "別の要求", titleEn: "Other demand" } });
  ids.consultation = (
    await db.consultation.create({
      data: {
        titleJa: "意見募集2031",
        titleEn: "Consultation 2031",
        issuerBodyId: ids.body,
        openedOn: "2031-02-20",
        closesOn: "2031-03-21",
        deadlineOn: "2031-03-21",
        internalNote: "SECRET-CONSULTATION-NOTE",
        submissions: { create: { submittedOn: "2031-03-01", senderNetworkId: ids.network, internalNote: "SECRET-SUBMISSION-NOTE" } },
      },
    })
  ).id;
  ids.deletedConsultation = (
    await db.consultation.create({ data: { titleJa: "削除済み", titleEn: "Deleted one", closesOn: "2031-03-10", deadlineOn: "2031-03-10", deletedAt: new Date() } })
  ).id;
  const round = await db.negotiationRound.create({
    data: { kind: "ministry_round", titleJa: "2031年交渉", titleEn: "Round 2031", heldOn: "2031-03-05", internalNote: "SECRET-ROUND-NOTE", bodies: { create: { bodyId: ids.body } } },
  });
  ids.round = round.id;
  ids.otherRound = (await db.negotiationRound.create({ data: { kind: "ministry_round", titleJa: "月だけの交渉", titleEn: "Month-only round", heldOn: "2031-03", bodies: { create: { bodyId: ids.otherBody } } } })).id;
  ids.commitment = (
    await db.agendaItem.create({
      data: { roundId: round.id, position: 1, demandId: demand.id, bodyId: ids.body, commitmentJa: "検討して回答する", commitmentEn: "Will answer", followUpOn: "2031-03-31", followUpStatus: "open", internalNote: "SECRET-ITEM-NOTE" },
    })
  ).id;
  ids.doneCommitment = (
    await db.agendaItem.create({ data: { roundId: round.id, position: 2, demandId: otherDemand.id, bodyId: ids.otherBody, commitmentJa: "済み", followUpOn: "2031-03-15", followUpStatus: "done" } })
  ).id;
  const mechanism = await db.unMechanism.create({ data: { kind: "treaty", abbreviation: "ICXX", nameJa: "暦条約", nameEn: "Calendar Convention", committeeAbbr: "CXX", japanStatus: "ratified" } });
  const cycle = await db.reviewCycle.create({ data: { mechanismId: mechanism.id, titleJa: "第1回審査", titleEn: "First review", internalNote: "SECRET-CYCLE-NOTE" } });
  ids.cycle = cycle.id;
  ids.stage = (await db.reviewStage.create({ data: { cycleId: cycle.id, kind: "ngo_submission_deadline", on: "2031-03-12" } })).id;
});

const MARCH = { from: "2031-03-01", to: "2031-03-31" };

describe("calendarEvents", () => {
  it("gathers every kind in the range, sorted by day, with stable UIDs and links", async () => {
    const events = await calendarEvents(MARCH);
    expect(events.map((e) => [e.date, e.kind, e.uid])).toEqual([
      ["2031-03-05", "round", uidOf("round", ids.round)],
      ["2031-03-12", "un_stage", uidOf("un_stage", ids.stage)],
      ["2031-03-15", "commitment", uidOf("commitment", ids.doneCommitment)],
      ["2031-03-21", "consultation_deadline", uidOf("consultation_deadline", ids.consultation)],
      ["2031-03-31", "round", uidOf("round", ids.otherRound)],
      ["2031-03-31", "commitment", uidOf("commitment", ids.commitment)],
    ]);
    const monthOnly = events.find((e) => e.uid === uidOf("round", ids.otherRound));
    expect(monthOnly).toMatchObject({ on: "2031-03", precision: "month", date: "2031-03-31" });
    const commitment = events.find((e) => e.kind === "commitment" && e.open);
    expect(commitment).toMatchObject({ href: `/rounds/${ids.round}#item-${ids.commitment}`, titleJa: "検討して回答する", roundId: ids.round });
    expect(commitment?.detailEn).toContain("T-501");
    expect(events.find((e) => e.kind === "un_stage")).toMatchObject({ titleEn: "CXX: NGO submission deadline", href: `/un/cycles/${ids.cycle}` });
    expect(events.find((e) => e.kind === "round" && e.precision === "day")?.detailEn).toContain("Immigration Bureau");
  });

  it("includes the opening date when its day is in range, and never a deleted record", async () => {
    const february = await calendarEvents({ from: "2031-02-01", to: "2031-02-28" });
    expect(february.map((e) => e.uid)).toEqual([uidOf("consultation_opened", ids.consultation)]);
    const all = await calendarEvents({ from: "2031-01-01", to: "2031-12-31" });
    expect(all.some((e) => e.href.includes(ids.deletedConsultation))).toBe(false);
  });

  it("never carries an internal note", async () => {
    const text = JSON.stringify(await calendarEvents({ from: "2031-01-01", to: "2031-12-31" }));
    expect(text).not.toMatch(/SECRET-/);
  });

  it("filters by kind, body and project network", async () => {
    expect((await calendarEvents({ ...MARCH, kinds: ["commitment"] })).map((e) => e.uid)).toEqual([uidOf("commitment", ids.doneCommitment), uidOf("commitment", ids.commitment)]);
    const byBody = await calendarEvents({ ...MARCH, bodyId: ids.otherBody });
    expect(byBody.map((e) => e.uid)).toEqual([uidOf("commitment", ids.doneCommitment), uidOf("round", ids.otherRound)]);
    const byNetwork = await calendarEvents({ ...MARCH, networkId: ids.network });
    // The consultation through its submission, the round through its agenda, the commitment through its demand; UN stages have no network.
    expect(byNetwork.map((e) => e.uid)).toEqual([uidOf("round", ids.round), uidOf("consultation_deadline", ids.consultation), uidOf("commitment", ids.commitment)]);
  });

  it("finds one event by its UID, and nothing for a made-up or malformed one", async () => {
    expect((await calendarEventByUid(uidOf("un_stage", ids.stage)))?.date).toBe("2031-03-12");
    expect(await calendarEventByUid(uidOf("round", "nope"))).toBeNull();
    expect(await calendarEventByUid("'; DROP TABLE")).toBeNull();
    expect(await calendarEventByUid(uidOf("consultation_deadline", ids.deletedConsultation))).toBeNull();
  });
});

describe("ICS output", () => {
  it("parses back: all-day DATE values, UIDs, summaries with escaped characters, DTSTAMP", async () => {
    const events = await calendarEvents(MARCH);
    const tricky = { ...events[0], titleJa: "締切, 重要; 「改正」\\ と\n改行", uid: "tricky@advocacy-tracker" };
    const stamp = new Date("2031-01-02T03:04:05Z");
    const text = eventsToIcs([...events, tricky], { locale: "ja", baseUrl: "https://tracker.example", name: "テスト", stamp });
    expect(text.split("\r\n").every((line) => Buffer.byteLength(line, "utf8") <= 75)).toBe(true);
    expect(text).toContain("DTSTART;VALUE=DATE:20310305");
    const parsed = vevents(text);
    expect(parsed.map((e) => e.uid).sort()).toEqual([...events.map((e) => e.uid), "tricky@advocacy-tracker"].sort());
    for (const event of events) {
      const back = parsed.find((p) => p.uid === event.uid);
      expect(back?.start.dateOnly).toBe(true);
      expect(dayOf(back!.start)).toBe(event.date);
      expect(back?.dtstamp.toISOString()).toBe(stamp.toISOString());
      expect(JSON.stringify(back?.url)).toContain(`https://tracker.example${event.href}`);
    }
    expect(parsed.find((p) => p.uid === "tricky@advocacy-tracker")?.summary).toBe("省庁交渉: 締切, 重要; 「改正」\\ と\n改行");
    expect(parsed.find((p) => p.uid === uidOf("consultation_deadline", ids.consultation))?.summary).toBe("意見募集の締切: 意見募集2031");
    expect(vevents(eventsToIcs(events, { locale: "en", baseUrl: "https://tracker.example", name: "x" })).find((p) => p.uid === uidOf("round", ids.otherRound))?.description).toContain("2031-03 (month)");
  });

  it("serves a single event as an .ics download to a signed-in user, and 404 for an unknown one", async () => {
    const uid = uidOf("consultation_deadline", ids.consultation);
    const response = await eventIcsLoader(args(await makeRequest(`/calendar/event.ics?uid=${encodeURIComponent(uid)}`, { role: "member" })));
    expect(response.headers.get("Content-Type")).toBe("text/calendar; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toContain("attachment");
    const parsed = vevents(await response.text());
    expect(parsed).toHaveLength(1);
    expect(parsed[0].uid).toBe(uid);
    expect(dayOf(parsed[0].start)).toBe("2031-03-21");
    const missing = await run(async () => eventIcsLoader(args(await makeRequest(`/calendar/event.ics?uid=${encodeURIComponent(uidOf("round", "missing"))}`, { role: "member" }))));
    expect(statusOf(missing)).toBe(404);
  });
});

describe("personal feed", () => {
  it("answers a created token with the user's events, 404 once renewed or revoked, and stores only a hash", async () => {
    const staff = await db.user.findUniqueOrThrow({ where: { email: "staff@example.org" } });
    const token = await createFeedToken(staff.id);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const stored = await db.calendarFeed.findUniqueOrThrow({ where: { userId: staff.id } });
    expect(stored.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(stored)).not.toContain(token);

    const fetchFeed = (t: string) => run(async () => feedLoader(args(new Request(`http://localhost${feedPath(t)}`), { token: `${t}.ics` })));
    const ok = await fetchFeed(token);
    if (!(ok instanceof Response)) throw new Error("expected a response");
    expect(ok.status).toBe(200);
    expect(ok.headers.get("Content-Type")).toBe("text/calendar; charset=utf-8");
    const body = await ok.text();
    expect(body).not.toMatch(/SECRET-/);
    expect(body.startsWith("BEGIN:VCALENDAR")).toBe(true);
    expect((await db.calendarFeed.findUniqueOrThrow({ where: { userId: staff.id } })).usedAt).not.toBeNull();

    const renewed = await createFeedToken(staff.id);
    expect(renewed).not.toBe(token);
    expect(statusOf(await fetchFeed(token))).toBe(404);
    expect(statusOf(await fetchFeed(renewed))).toBe(200);
    await revokeFeed(staff.id);
    expect(statusOf(await fetchFeed(renewed))).toBe(404);
    expect(statusOf(await fetchFeed("short"))).toBe(404);
  });

  it("stops answering when the account is deactivated", async () => {
    const member = await db.user.findUniqueOrThrow({ where: { email: "member@example.org" } });
    const token = await createFeedToken(member.id);
    await db.user.update({ where: { id: member.id }, data: { active: false } });
    try {
      expect(statusOf(await run(async () => feedLoader(args(new Request(`http://localhost${feedPath(token)}`), { token: `${token}.ics` }))))).toBe(404);
    } finally {
      await db.user.update({ where: { id: member.id }, data: { active: true } });
      await revokeFeed(member.id);
    }
  });
});

describe("calendar page", () => {
  it("lays out the month with its events and the month-only ones apart", async () => {
    const data = payload(await calendarLoader(args(await makeRequest("/calendar?month=2031-03", { role: "member" }))));
    expect(data.view).toBe("month");
    expect(data.grid[0][0].date).toBe("2031-02-23");
    expect(data.events.map((e) => e.uid)).toContain(uidOf("round", ids.otherRound));
  });

  it("lists a period with paging and filters, and resets a reversed period", async () => {
    const list = payload(await calendarLoader(args(await makeRequest("/calendar?view=list&from=2031-03-01&to=2031-03-31&kind=commitment", { role: "member" }))));
    expect(list.events.map((e) => e.uid)).toEqual([uidOf("commitment", ids.doneCommitment), uidOf("commitment", ids.commitment)]);
    expect(list.total).toBe(2);
    const overdue = payload(await calendarLoader(args(await makeRequest("/calendar?view=list&from=2031-03-01&to=2031-03-31&overdue=1", { role: "member" }))));
    // 2031 is in the future: nothing there is overdue yet.
    expect(overdue.events).toEqual([]);
    const reversed = payload(await calendarLoader(args(await makeRequest("/calendar?view=list&from=2031-03-31&to=2031-03-01", { role: "member" }))));
    expect(reversed.rangeReset).toBe(true);
    expect(reversed.from < reversed.to).toBe(true);
    const bad = payload(await calendarLoader(args(await makeRequest("/calendar?month=2031-13&view=nonsense&kind=party&from=2031-02-30", { role: "member" }))));
    expect(bad.view).toBe("month");
    expect(bad.filters.kind).toBeUndefined();
  });
});
