import { describe, expect, it } from "vitest";
import { todayInJapan } from "~/utils/partial-date";
import {
  addDays,
  type CalendarEvent,
  compareEvents,
  daysInMonth,
  eventDateOf,
  isMonth,
  monthGrid,
  monthRange,
  parseUid,
  partialDateBounds,
  placeInMonth,
  shiftMonth,
  uidOf,
  weekdayOf,
} from "./calendar";

function event(over: Partial<CalendarEvent>): CalendarEvent {
  return {
    uid: uidOf("round", "r1"),
    kind: "round",
    date: "2026-03-10",
    on: "2026-03-10",
    precision: "day",
    titleJa: "交渉",
    titleEn: "Talks",
    detailJa: null,
    detailEn: null,
    href: "/rounds/r1",
    open: false,
    roundId: "r1",
    ...over,
  };
}

describe("where a partial date falls", () => {
  it.each([
    ["2011-12-06", "2011-12-06", "day"],
    ["2011-12", "2011-12-31", "month"],
    ["2007", "2007-12-31", "year"],
    ["2024-02", "2024-02-29", "month"],
    ["2023-02", "2023-02-28", "month"],
    ["2000-02", "2000-02-29", "month"],
    ["1900-02", "1900-02-28", "month"],
    ["2026-04", "2026-04-30", "month"],
  ])("%s sits on %s (%s)", (on, date, precision) => {
    expect(eventDateOf(on)).toEqual({ date, precision });
  });

  it("refuses what is not a date", () => {
    expect(eventDateOf("2023-02-29")).toBeNull();
    expect(eventDateOf("soon")).toBeNull();
  });
});

describe("months", () => {
  it("knows month lengths, leap years included", () => {
    expect([daysInMonth(2024, 2), daysInMonth(2023, 2), daysInMonth(2100, 2), daysInMonth(2000, 2), daysInMonth(2026, 12)]).toEqual([29, 28, 28, 29, 31]);
  });

  it("steps across year ends both ways", () => {
    expect(shiftMonth("2026-01", -1)).toBe("2025-12");
    expect(shiftMonth("2025-12", 1)).toBe("2026-01");
    expect(shiftMonth("2026-03", -15)).toBe("2024-12");
    expect(shiftMonth("2026-03", 0)).toBe("2026-03");
  });

  it("gives a month's first and last day", () => {
    expect(monthRange("2024-02")).toEqual({ from: "2024-02-01", to: "2024-02-29" });
    expect(monthRange("2026-11")).toEqual({ from: "2026-11-01", to: "2026-11-30" });
  });

  it("accepts only real months", () => {
    expect(isMonth("2026-12")).toBe(true);
    expect(["2026-13", "2026-00", "2026-1", "26-01", "1899-12", "", null].some(isMonth)).toBe(false);
  });

  it("adds days across month and year ends and a leap day", () => {
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2023-02-28", 1)).toBe("2023-03-01");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(addDays("2026-12-02", 30)).toBe("2027-01-01");
  });

  it("lays a month out in whole weeks, Sunday first", () => {
    // 1 February 2026 is a Sunday and the month has exactly four weeks.
    const feb = monthGrid("2026-02");
    expect(feb).toHaveLength(4);
    expect(feb[0][0]).toEqual({ date: "2026-02-01", inMonth: true });
    expect(feb[3][6]).toEqual({ date: "2026-02-28", inMonth: true });
    // December 2026 starts on a Tuesday: the grid starts on Sunday 29 November and ends on Saturday 2 January.
    const dec = monthGrid("2026-12");
    expect(weekdayOf("2026-12-01")).toBe(2);
    expect(dec[0][0]).toEqual({ date: "2026-11-29", inMonth: false });
    expect(dec.at(-1)?.[6]).toEqual({ date: "2027-01-02", inMonth: false });
    expect(dec.flat().filter((d) => d.inMonth)).toHaveLength(31);
    for (const week of [...feb, ...dec, ...monthGrid("2024-02"), ...monthGrid("2027-05")]) expect(week.map((d) => weekdayOf(d.date))).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });
});

describe("Japan time is the reference", () => {
  it("takes a UTC evening as the next day in Tokyo", () => {
    expect(todayInJapan(new Date("2026-12-31T14:59:59Z"))).toBe("2026-12-31");
    expect(todayInJapan(new Date("2026-12-31T15:00:00Z"))).toBe("2027-01-01");
    expect(todayInJapan(new Date("2024-02-28T15:30:00Z"))).toBe("2024-02-29");
    expect(todayInJapan(new Date("2026-02-28T16:00:00Z"))).toBe("2026-03-01");
  });
});

describe("placing events", () => {
  it("puts day events in their cell and month or year ones apart, in the month of their last day", () => {
    const dayEvent = event({});
    const monthEvent = event({ uid: "m", on: "2026-03", date: "2026-03-31", precision: "month" });
    const yearEvent = event({ uid: "y", on: "2026", date: "2026-12-31", precision: "year" });
    const march = placeInMonth([dayEvent, monthEvent, yearEvent], "2026-03");
    expect(march.byDay.get("2026-03-10")).toEqual([dayEvent]);
    expect(march.withoutDay).toEqual([monthEvent]);
    expect(placeInMonth([yearEvent], "2026-12").withoutDay).toEqual([yearEvent]);
    expect(placeInMonth([yearEvent], "2026-06").withoutDay).toEqual([]);
  });

  it("sorts by day, then kind, then title", () => {
    const a = event({ uid: "a", kind: "commitment", date: "2026-03-10" });
    const b = event({ uid: "b", kind: "consultation_deadline", date: "2026-03-10" });
    const c = event({ uid: "c", kind: "round", date: "2026-03-09" });
    expect([a, b, c].sort(compareEvents).map((e) => e.uid)).toEqual(["c", "b", "a"]);
  });

  it("prefilters partial dates so that every one ending in the range passes", () => {
    const { gte, lte } = partialDateBounds("2026-03-01", "2026-03-31");
    const passes = (v: string) => v >= gte && v <= lte;
    expect(["2026", "2026-03", "2026-03-01", "2026-03-31"].every(passes)).toBe(true);
    expect(["2025", "2025-12-31", "2026-04", "2026-04-01", "2027"].some(passes)).toBe(false);
  });

  it("keeps UIDs stable and readable back", () => {
    const uid = uidOf("consultation_deadline", "ck123");
    expect(uid).toBe("consultation_deadline-ck123@advocacy-tracker");
    expect(parseUid(uid)).toEqual({ kind: "consultation_deadline", id: "ck123" });
    expect(parseUid("party-ck123@advocacy-tracker")).toBeNull();
    expect(parseUid("round-ck123@elsewhere")).toBeNull();
  });
});
