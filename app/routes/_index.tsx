import { type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { CommitmentsPanel } from "~/components/commitments-panel";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { useBilingual, useLocale, useT } from "~/i18n/react";
import { overview } from "~/models/overview.server";
import { hasRole } from "~/models/roles";
import { requireUser } from "~/utils/auth.server";
import { formatDate } from "~/utils/format";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("nav.home"));

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return { user: { name: user.name, canEdit: hasRole(user.role, "staff") }, ...(await overview()) };
}

export default function Home() {
  const { user, stats, networks, unassigned, recent, commitments } = useLoaderData<typeof loader>();
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
      <CommitmentsPanel {...commitments} />
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
