import { type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { CalendarPanel } from "~/components/calendar-panel";
import { CommitmentsPanel } from "~/components/commitments-panel";
import { ConsultationStateBadge } from "~/components/consultation-parts";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { useBilingual, useLocale, useT } from "~/i18n/react";
import { addDays, UPCOMING_DAYS } from "~/models/calendar";
import { calendarEvents } from "~/models/calendar.server";
import { consultationsClosingSoon } from "~/models/consultation.server";
import { overview } from "~/models/overview.server";
import { hasRole } from "~/models/roles";
import { requireUser } from "~/utils/auth.server";
import { formatDate } from "~/utils/format";
import calendarStyles from "~/styles/calendar.css";
import { pageTitle } from "~/utils/meta";
import { formatPartialDate, todayInJapan } from "~/utils/partial-date";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: calendarStyles }];

/** How many of the next 30 days' events the home screen lists (the calendar has them all). */
const UPCOMING_SHOWN = 8;

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("nav.home"));

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const today = todayInJapan();
  const [data, closing, upcoming] = await Promise.all([
    overview(today),
    consultationsClosingSoon(today),
    calendarEvents({ from: today, to: addDays(today, UPCOMING_DAYS), brief: true }),
  ]);
  return {
    user: { name: user.name, canEdit: hasRole(user.role, "staff") },
    ...data,
    closing: { ...closing, today },
    upcoming: { today, items: upcoming.slice(0, UPCOMING_SHOWN), total: upcoming.length, overdue: data.commitments.overdueTotal ?? data.commitments.overdue.length },
  };
}

export default function Home() {
  const { user, stats, networks, unassigned, recent, commitments, closing, upcoming } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const pick = useBilingual();
  return (
    <section>
      <div className="page-header">
        <h1>{t("home.welcome", { name: user.name })}</h1>
        {user.canEdit ? (
          <Link to="/demands/new" className="button primary">
            {t("demands.new")}
          </Link>
        ) : null}
      </div>
      <ul className="stat-cards">
        <li>
          <Link to="/demands">
            <span className="stat-number">{stats.activeDemands}</span>
            <span className="stat-label">{t("home.activeDemands")}</span>
          </Link>
        </li>
        <li>
          <Link to="/demands?state=archived">
            <span className="stat-number">{stats.archivedDemands}</span>
            <span className="stat-label">{t("home.archivedDemands")}</span>
          </Link>
        </li>
        <li>
          <Link to="/bodies">
            <span className="stat-number">{stats.bodies}</span>
            <span className="stat-label">{t("home.bodies")}</span>
          </Link>
        </li>
      </ul>
      <CalendarPanel {...upcoming} />
      <CommitmentsPanel {...commitments} />
      {closing.items.length ? (
        <section aria-labelledby="closing-heading" className="panel">
          <h2 id="closing-heading">
            {t("home.consultationsClosing")} <span className="badge">{closing.total}</span>
          </h2>
          <ul className="plain-list">
            {closing.items.map((c) => (
              <li key={c.id}>
                <span className="nowrap strong">{formatPartialDate(c.closesOn, locale)}</span>{" "}
                <ConsultationStateBadge state="closingSoon" deadlineOn={c.deadlineOn} today={closing.today} />{" "}
                <Link to={`/consultations/${c.id}`}>{pick(c.titleJa, c.titleEn)}</Link>
                {c.issuerBody ? <span className="muted"> · {pick(c.issuerBody.shortNameJa || c.issuerBody.nameJa, c.issuerBody.shortNameEn || c.issuerBody.nameEn)}</span> : null}
              </li>
            ))}
          </ul>
          {closing.total > closing.items.length ? <Link to="/consultations?state=closingSoon">{t("home.consultationsClosingAll")}</Link> : null}
        </section>
      ) : null}
      <div className="columns">
        <section aria-labelledby="recent-heading" className="panel">
          <h2 id="recent-heading">{t("home.recent")}</h2>
          {recent.length ? (
            <ul className="plain-list">
              {recent.map((d) => (
                <li key={d.id}>
                  <Link to={`/demands/${d.id}`}>
                    <span className="record-ref">{d.ref}</span> {pick(d.titleJa, d.titleEn)}
                  </Link>
                  <span className="muted"> · {formatDate(d.updatedAt, locale)}</span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="empty">{t("demands.empty")}</p>
          )}
        </section>
        <section aria-labelledby="networks-heading" className="panel">
          <h2 id="networks-heading">{t("home.byNetwork")}</h2>
          <table className="data-table compact">
            <thead>
              <tr>
                <th scope="col">{t("demand.projectNetwork")}</th>
                <th scope="col" className="numeric">
                  {t("home.activeDemands")}
                </th>
              </tr>
            </thead>
            <tbody>
              {networks.map((n) => (
                <tr key={n.id}>
                  <td>
                    <Link to={`/demands?network=${n.id}`}>{pick(n.nameJa, n.nameEn)}</Link>
                  </td>
                  <td className="numeric">{n.demands}</td>
                </tr>
              ))}
              <tr>
                <td>{t("home.networkNone")}</td>
                <td className="numeric">{unassigned}</td>
              </tr>
            </tbody>
          </table>
        </section>
      </div>
    </section>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
