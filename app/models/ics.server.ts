// Calendar events as iCalendar (RFC 5545) through ical-generator: all-day VEVENTs with DATE values on
// the Japan day, stable UIDs (the kind and the record's id), DTSTAMP, escaping and line folding done by
// the library. Used by the personal feeds (routes/ics.$token.ts) and the single-event downloads.
import ical from "ical-generator";
import { translator } from "~/i18n";
import { type Locale } from "~/i18n/locales";
import { addDays, type CalendarEvent } from "~/models/calendar";

export const ICS_CONTENT_TYPE = "text/calendar; charset=utf-8";

export function eventsToIcs(
  events: CalendarEvent[],
  { locale, baseUrl, name, stamp = new Date() }: { locale: Locale; baseUrl: string; name: string; stamp?: Date },
): string {
  const t = translator(locale);
  const calendar = ical({
    name,
    prodId: { company: "advocacy-tracker", product: "calendar", language: locale.toUpperCase() },
    // Calendar applications poll a subscribed feed; this asks for at most every few hours.
    ttl: 60 * 60 * 3,
  });
  for (const event of events) {
    const title = locale === "ja" ? event.titleJa || event.titleEn : event.titleEn || event.titleJa;
    const detail = locale === "ja" ? event.detailJa || event.detailEn : event.detailEn || event.detailJa;
    const url = new URL(event.href, baseUrl).toString();
    const precision = event.precision === "day" ? null : t(`calendar.precision.${event.precision}`);
    calendar.createEvent({
      id: event.uid,
      // Strings: the DATE written is this calendar day whatever the server's time zone.
      start: event.date,
      end: addDays(event.date, 1),
      allDay: true,
      stamp,
      summary: `${t(`calendarKind.${event.kind}`)}: ${title}`,
      description: [detail, precision ? `${event.on} (${precision})` : null, url].filter(Boolean).join("\n"),
      url,
    });
  }
  return calendar.toString();
}
