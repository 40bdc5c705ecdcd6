// The home screen's calendar panel: the next 30 days of every dated kind, and how many commitments are
// overdue (their list is the commitments panel below it), both linking to the calendar's list view.
import { Link } from "@remix-run/react";
import { useBilingual, useLocale, useT } from "~/i18n/react";
import { addDays, type CalendarEvent, UPCOMING_DAYS } from "~/models/calendar";
import { daysBetween } from "~/models/timeline";
import { formatPartialDate } from "~/utils/partial-date";

export function CalendarPanel({ today, items, total, overdue }: { today: string; items: CalendarEvent[]; total: number; overdue: number }) {
  const t = useT();
  const locale = useLocale();
  const pick = useBilingual();
  const overdueLink = `/calendar?view=list&kind=commitment&overdue=1&from=${addDays(today, -365 * 5)}&to=${addDays(today, -1)}`;
  return (
    <section aria-labelledby="next30-heading" className="panel">
      <h2 id="next30-heading">
        {t("home.next30")} <span className="badge">{total}</span>
      </h2>
      {items.length ? (
        <ul className="plain-list">
          {items.map((e) => {
            const days = daysBetween(today, e.date);
            return (
              <li key={e.uid}>
                <span className="nowrap strong">{formatPartialDate(e.on, locale)}</span>{" "}
                <span className="muted">· {days === 0 ? t("calendar.today") : t("home.inDays", { days })}</span>{" "}
                <span className={`badge cal-kind kind-${e.kind}`}>{t(`calendarKind.${e.kind}`)}</span> <Link to={e.href}>{pick(e.titleJa, e.titleEn)}</Link>
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="muted">{t("home.next30Empty")}</p>
      )}
      <p className="tight">
        <Link to={`/calendar?view=list&to=${addDays(today, UPCOMING_DAYS)}`}>{t("home.next30All")}</Link>
        {overdue ? (
          <>
            {" · "}
            <Link to={overdueLink}>
              {t("home.overdue")} <span className="badge status-regressed">{overdue}</span>
            </Link>
          </>
        ) : null}
      </p>
    </section>
  );
}
