// Dates as people in this domain speak of them: a year ("2007"), a month ("January 2008") or a
// day ("2007-06-11"). Stored as partial ISO strings, which sort correctly as text.
// See docs/decisions/003-partial-dates.md.
import { format, isValid } from "date-fns";
import { enUS, ja } from "date-fns/locale";
import type { Locale } from "~/i18n/locales";

export type PartialDate = { year: number; month?: number; day?: number };
export type Precision = "year" | "month" | "day";

const ISO = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/;
const SLASHED = /^(\d{4})[/.](\d{1,2})(?:[/.](\d{1,2}))?$/;
const JAPANESE = /^(\d{4})年(?:\s*(\d{1,2})月(?:\s*(\d{1,2})日)?)?$/;

function toHalfWidth(value: string) {
  return value.replace(/[０-９／．－]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/[ー―]/g, "-");
}

function daysInMonth(year: number, month: number) {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Reads "2008", "2008-01", "2008-1-15", "2008/01/15", "2008年1月15日" (full-width digits too). */
export function parsePartialDate(input: string): PartialDate | null {
  // Zod refinements that run after a failed field pass what they have, which need not be a string.
  if (typeof input !== "string") return null;
  const value = toHalfWidth(input.trim());
  const match = ISO.exec(value) ?? SLASHED.exec(value) ?? JAPANESE.exec(value);
  if (!match) return null;
  const year = Number(match[1]);
  if (year < 1900 || year > 2200) return null;
  if (match[2] === undefined) return { year };
  const month = Number(match[2]);
  if (month < 1 || month > 12) return null;
  if (match[3] === undefined) return { year, month };
  const day = Number(match[3]);
  if (day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

const pad = (n: number) => String(n).padStart(2, "0");

export function toIso(date: PartialDate): string {
  if (date.month === undefined) return String(date.year);
  if (date.day === undefined) return `${date.year}-${pad(date.month)}`;
  return `${date.year}-${pad(date.month)}-${pad(date.day)}`;
}

/** The canonical stored form of what a person typed, or null when it is not a date. */
export function normalizePartialDate(input: string): string | null {
  const parsed = parsePartialDate(input);
  return parsed ? toIso(parsed) : null;
}

export function precisionOf(date: PartialDate): Precision {
  if (date.month === undefined) return "year";
  return date.day === undefined ? "month" : "day";
}

/** The first and the last calendar day the partial date covers, as YYYY-MM-DD. */
export function partialDateRange(iso: string): { start: string; end: string } | null {
  const d = parsePartialDate(iso);
  if (!d) return null;
  if (d.month === undefined) return { start: `${d.year}-01-01`, end: `${d.year}-12-31` };
  if (d.day === undefined) {
    return { start: `${d.year}-${pad(d.month)}-01`, end: `${d.year}-${pad(d.month)}-${pad(daysInMonth(d.year, d.month))}` };
  }
  const day = toIso(d);
  return { start: day, end: day };
}

const patterns: Record<Locale, Record<Precision, string>> = {
  ja: { year: "yyyy年", month: "yyyy年M月", day: "yyyy年M月d日" },
  en: { year: "yyyy", month: "MMMM yyyy", day: "d MMMM yyyy" },
};

/** "2008-01" → "2008年1月" or "January 2008". Anything unreadable is shown as it is. */
export function formatPartialDate(iso: string | null | undefined, locale: Locale): string {
  if (!iso) return "";
  const d = parsePartialDate(iso);
  if (!d) return iso;
  const date = new Date(d.year, (d.month ?? 1) - 1, d.day ?? 1);
  if (!isValid(date)) return iso;
  return format(date, patterns[locale][precisionOf(d)], { locale: locale === "ja" ? ja : enUS });
}

const japanDateFormat = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Tokyo", year: "numeric", month: "2-digit", day: "2-digit" });

/** The calendar day in Japan at a moment, as YYYY-MM-DD (Japan time is the reference for every deadline). */
export function japanDateOf(moment: Date): string {
  return japanDateFormat.format(moment);
}

export function todayInJapan(now: Date = new Date()): string {
  return japanDateOf(now);
}

/** Adds days to a YYYY-MM-DD calendar date (no time zone involved). */
export function addDaysIso(iso: string, days: number): string {
  const [y, m, d] = iso.split("-").map(Number);
  const date = new Date(Date.UTC(y, m - 1, d + days));
  return date.toISOString().slice(0, 10);
}
