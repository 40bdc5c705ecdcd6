// The user's reminders (docs/decisions/015): new ones first, each linking to its record; mark as seen.
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { useBilingual, useLocale, useT } from "~/i18n/react";
import { isCalendarKind } from "~/models/calendar";
import { listReminders, markRemindersSeen } from "~/models/reminder.server";
import { requireUser } from "~/utils/auth.server";
import { pageTitle } from "~/utils/meta";
import { formatPartialDate, todayInJapan } from "~/utils/partial-date";
import { daysBetween } from "~/models/timeline";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("reminders.title"));

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return { reminders: await listReminders(user.id), today: todayInJapan() };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const formData = await request.formData();
  const id = formData.get("id");
  await markRemindersSeen(user.id, typeof id === "string" && id ? id.slice(0, 64) : undefined);
  return redirect("/reminders");
}

export default function Reminders() {
  const { reminders, today } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const pick = useBilingual();
  const unseen = reminders.filter((r) => !r.seenAt).length;
  return (
    <section>
      <div className="page-header">
        <h1>{t("reminders.title")}</h1>
        <Link to="/settings/calendar" className="button">
          {t("reminders.settings")}
        </Link>
      </div>
      {reminders.length === 0 ? (
        <p className="empty">{t("reminders.empty")}</p>
      ) : (
        <>
          {unseen ? (
            <Form method="post">
              <button type="submit">{t("reminders.markAllSeen")}</button>
            </Form>
          ) : null}
          <ul className="plain-list">
            {reminders.map((r) => {
              const days = daysBetween(today, r.eventDate);
              return (
                <li key={r.id} className={r.seenAt ? "muted" : undefined}>
                  <span className="nowrap strong">{formatPartialDate(r.eventDate, locale)}</span>{" "}
                  <span className="muted">· {days === 0 ? t("calendar.today") : days > 0 ? t("home.inDays", { days }) : t("home.daysAgo", { days: -days })}</span>{" "}
                  {isCalendarKind(r.kind) ? <span className={`badge cal-kind kind-${r.kind}`}>{t(`calendarKind.${r.kind}`)}</span> : null}{" "}
                  {r.seenAt ? <span className="badge">{t("reminders.seen")}</span> : <span className="badge badge-status">{t("reminders.new")}</span>}{" "}
                  <Link to={r.href}>{pick(r.titleJa, r.titleEn)}</Link>{" "}
                  {r.seenAt ? null : (
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="id" value={r.id} />
                      <button type="submit" className="link-button">
                        {t("reminders.markSeen")}
                      </button>
                    </Form>
                  )}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
