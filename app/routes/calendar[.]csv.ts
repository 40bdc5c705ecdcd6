// The calendar's list view as filtered, every page, as CSV: /calendar.csv?<the list view's parameters>
// (kind, body, network, overdue, from, to; the same default period and limits as the page). Calendar
// events never carry an internal note (app/models/calendar.server.ts).
import { type LoaderFunctionArgs } from "@remix-run/node";
import { filteredEvents } from "~/models/calendar.server";
import { calendarListQuery } from "~/routes/calendar._index";
import { csvContext, csvResponse } from "~/utils/csv.server";
import { todayInJapan } from "~/utils/partial-date";

export async function loader({ request }: LoaderFunctionArgs) {
  const { locale, t, url } = await csvContext(request);
  const today = todayInJapan();
  const { filters, from, to } = calendarListQuery(url.searchParams, today);
  const events = await filteredEvents(filters, { from, to }, today);
  const header = [
    t("csv.eventDate"),
    t("calendar.date"),
    t("csv.eventKind"),
    t("csv.eventTitleJa"),
    t("csv.eventTitleEn"),
    t("csv.eventDetail"),
    t("csv.open"),
    t("export.link"),
    t("csv.id"),
  ];
  const rows = events.map((e) => [
    e.on,
    e.date,
    t(`calendarKind.${e.kind}`),
    e.titleJa,
    e.titleEn,
    locale === "ja" ? e.detailJa || e.detailEn : e.detailEn || e.detailJa,
    e.open ? (e.date < today ? t("calendar.overdue") : t("common.yes")) : "",
    new URL(e.href, url).href,
    e.uid,
  ]);
  return csvResponse(t("csv.file.calendar"), header, rows, today);
}
