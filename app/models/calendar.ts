// The calendar (docs/decisions/015): every dated item of the product as an all-day event on a Japan
// date. Kinds, the event shape, where a partial date falls, month grids and ranges. Pure: the database
// side is calendar.server.ts.
import { partialDateRange, parsePartialDate, precisionOf, type Precision } from "~/utils/partial-date";

export const CALENDAR_KINDS = ["consultation_deadline", "consultation_opened", "round", "commitment", "un_stage"] as const;
export type CalendarKind = (typeof CALENDAR_KINDS)[number];
export const isCalendarKind = (value: unknown): value is CalendarKind =>
  typeof value === "string" && (CALENDAR_KINDS as readonly string[]).includes(value);

export const CALENDAR_VIEWS = ["month", "list"] as const;
export type CalendarView = (typeof CALENDAR_VIEWS)[number];

/** "Next 30 days" on the home screen and the default span of the list view. */
export const UPCOMING_DAYS = 30;
/** How many events a list page shows. */
export const CALENDAR_PAGE_SIZE = 50;

export type CalendarEvent = {
  /** Stable across edits and renames: the kind and the record's id (ICS UID, reminder log key). */
  uid: string;
  kind: CalendarKind;
  /** The day the event sits on (YYYY-MM-DD, a Japan date): the last day of `on`. */
  date: string;
  /** The date as recorded (YYYY, YYYY-MM or YYYY-MM-DD). */
  on: string;
  precision: Precision;
  titleJa: string;
  titleEn: string;
  /** A second line: the body, the demand, the commitment's text. Never an internal note. */
  detailJa: string | null;
  detailEn: string | null;
  /** The record's page in the app. */
  href: string;
  /** An open commitment (the only kind that can be overdue once its day is past). */
  open: boolean;
  /** The round of a round or a commitment (whose attendees "own" its commitments, for reminders). */
  roundId: string | null;
};

/** Where a partial date falls: on its last day ("2011-12" → 2011-12-31, "2007" → 2007-12-31), as deadlines do (decision 011). */
export function eventDateOf(on: string): { date: string; precision: Precision } | null {
  const parsed = parsePartialDate(on);
  const range = partialDateRange(on);
  if (!parsed || !range) return null;
  return { date: range.end, precision: precisionOf(parsed) };
}

export function uidOf(kind: CalendarKind, id: string) {
  return `${kind}-${id}@advocacy-tracker`;
}

export function parseUid(uid: string): { kind: CalendarKind; id: string } | null {
  const match = /^([a-z_]+)-([A-Za-z0-9_-]{1,64})@advocacy-tracker$/.exec(uid);
  if (!match || !isCalendarKind(match[1])) return null;
  return { kind: match[1], id: match[2] };
}

/** Events sorted by day, then kind order, then title: the order of every list. */
export function compareEvents(a: CalendarEvent, b: CalendarEvent) {
  return (
    a.date.localeCompare(b.date) ||
    CALENDAR_KINDS.indexOf(a.kind) - CALENDAR_KINDS.indexOf(b.kind) ||
    a.titleJa.localeCompare(b.titleJa) ||
    a.uid.localeCompare(b.uid)
  );
}

// ───────────── Months (YYYY-MM) ─────────────

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isMonth(value: unknown): value is string {
  return typeof value === "string" && MONTH.test(value) && value >= "1900-01" && value <= "2199-12";
}

export function daysInMonth(year: number, month: number) {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The month `delta` months from `month` ("2026-01", -1 → "2025-12"). */
export function shiftMonth(month: string, delta: number) {
  const [y, m] = month.split("-").map(Number);
  const index = y * 12 + (m - 1) + delta;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
}

/** The first and last day of a month. */
export function monthRange(month: string): { from: string; to: string } {
  const [y, m] = month.split("-").map(Number);
  return { from: `${month}-01`, to: `${month}-${String(daysInMonth(y, m)).padStart(2, "0")}` };
}

/** 0 = Sunday … 6 = Saturday, of a YYYY-MM-DD calendar date. */
export function weekdayOf(day: string) {
  const [y, m, d] = day.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

export type GridDay = { date: string; inMonth: boolean };

/** The weeks shown for a month, Sunday first as on Japanese wall calendars: whole weeks, 4 to 6 of them. */
export function monthGrid(month: string): GridDay[][] {
  const { from, to } = monthRange(month);
  const start = addDays(from, -weekdayOf(from));
  const end = addDays(to, 6 - weekdayOf(to));
  const weeks: GridDay[][] = [];
  for (let day = start; day <= end; day = addDays(day, 7)) {
    weeks.push(Array.from({ length: 7 }, (_, i) => addDays(day, i)).map((date) => ({ date, inMonth: date.startsWith(month) })));
  }
  return weeks;
}

export function addDays(day: string, days: number) {
  const [y, m, d] = day.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Month view: day events by day (the grid's days of the months around included), and the events recorded without a
 * day whose last day is in the month, shown apart rather than pretending to a day. */
export function placeInMonth(events: CalendarEvent[], month: string) {
  const byDay = new Map<string, CalendarEvent[]>();
  const withoutDay: CalendarEvent[] = [];
  for (const event of events) {
    if (event.precision !== "day") {
      if (event.date.startsWith(month)) withoutDay.push(event);
      continue;
    }
    const list = byDay.get(event.date) ?? [];
    list.push(event);
    byDay.set(event.date, list);
  }
  return { byDay, withoutDay };
}

/** The SQL prefilter of a partial-date column for events whose last day is in [from, to]: partial dates sort as text
 * like their first day, so any value whose last day is ≥ from is ≥ the year of from, and any whose last day is ≤ to
 * starts ≤ to. The exact test is `inRange(eventDateOf(value).date)` afterwards. */
export function partialDateBounds(from: string, to: string) {
  return { gte: from.slice(0, 4), lte: to };
}

export function inRange(day: string, from: string, to: string) {
  return day >= from && day <= to;
}
