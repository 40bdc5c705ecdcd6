// A user's personal calendar feed, at the secret URL /ics/<token>.ics that calendar applications
// subscribe to (no session: the token is the credential). Unknown or revoked tokens answer 404.
import { type LoaderFunctionArgs } from "@remix-run/node";
import { isLocale } from "~/i18n/locales";
import { translator } from "~/i18n";
import { addDays } from "~/models/calendar";
import { calendarEvents } from "~/models/calendar.server";
import { feedUser } from "~/models/calendar-feed.server";
import { eventsToIcs, ICS_CONTENT_TYPE } from "~/models/ics.server";
import { todayInJapan } from "~/utils/partial-date";

/** The feed's window: the past year and the next two. */
const FEED_PAST_DAYS = 365;
const FEED_FUTURE_DAYS = 730;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const token = (params.token ?? "").replace(/\.ics$/, "");
  const user = await feedUser(token);
  if (!user) throw new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const locale = isLocale(user.locale) ? user.locale : "ja";
  const today = todayInJapan();
  // The calendar never carries internal notes, so every role gets the same events (decision 015).
  const events = await calendarEvents({ from: addDays(today, -FEED_PAST_DAYS), to: addDays(today, FEED_FUTURE_DAYS) });
  const body = eventsToIcs(events, { locale, baseUrl: new URL(request.url).origin, name: `${translator(locale)("app.name")} — ${user.name}` });
  return new Response(body, {
    headers: {
      "Content-Type": ICS_CONTENT_TYPE,
      "Content-Disposition": 'inline; filename="advocacy-tracker.ics"',
      "Cache-Control": "private, no-store",
      "X-Robots-Tag": "noindex",
      "Referrer-Policy": "no-referrer",
    },
  });
}
