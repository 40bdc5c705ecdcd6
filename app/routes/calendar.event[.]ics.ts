// One calendar event as an .ics file (/calendar/event.ics?uid=…), to add to a calendar application.
import { type LoaderFunctionArgs } from "@remix-run/node";
import { translator } from "~/i18n";
import { calendarEventByUid } from "~/models/calendar.server";
import { eventsToIcs, ICS_CONTENT_TYPE } from "~/models/ics.server";
import { requireUser } from "~/utils/auth.server";
import { getLocale } from "~/utils/locale.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const locale = await getLocale(request, user);
  const uid = (new URL(request.url).searchParams.get("uid") ?? "").slice(0, 200);
  const event = await calendarEventByUid(uid);
  if (!event) throw new Response("Not found", { status: 404 });
  const body = eventsToIcs([event], { locale, baseUrl: new URL(request.url).origin, name: translator(locale)("app.name") });
  const file = `${event.kind}-${event.date}.ics`;
  return new Response(body, {
    headers: { "Content-Type": ICS_CONTENT_TYPE, "Content-Disposition": `attachment; filename="${file}"`, "Cache-Control": "private, no-store" },
  });
}
