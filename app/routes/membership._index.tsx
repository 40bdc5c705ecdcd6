import { type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { CsvLink } from "~/components/csv-link";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { useT } from "~/i18n/react";
import { historyPath } from "~/models/history";
import { MEMBERSHIP_FIELDS, unitsField } from "~/models/membership";
import { listFigures } from "~/models/membership.server";
import { requireStaff } from "~/utils/auth.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("membership.title"));

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request);
  // One row a year: tens of rows, not paged.
  return { figures: await listFigures() };
}

export default function MembershipList() {
  const { figures } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <section>
      <nav aria-label={t("nav.breadcrumb")} className="breadcrumb">
        <Link to="/dashboard">{t("dashboard.title")}</Link>
      </nav>
      <div className="page-header">
        <div>
          <h1>{t("membership.title")}</h1>
          <p className="muted">{t("membership.intro")}</p>
        </div>
        <div className="page-actions">
          <CsvLink path="/membership.csv" />
          <Link to="/membership/new" className="button primary">
            {t("membership.new")}
          </Link>
        </div>
      </div>
      {figures.length === 0 ? (
        <p className="empty">{t("membership.empty")}</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t("dashboard.year")}</th>
              {MEMBERSHIP_FIELDS.map((f) => (
                <th scope="col" key={f} className="num">
                  {t(`membership.${f}`)}
                </th>
              ))}
              <th scope="col">{t("membership.note")}</th>
              <th scope="col">
                <span className="visually-hidden">{t("common.actions")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {figures.map((f) => (
              <tr key={f.id}>
                <th scope="row">
                  <Link to={`/membership/${f.id}/edit`} aria-label={t("membership.editYear", { year: f.year })}>
                    {f.year}
                  </Link>
                </th>
                {MEMBERSHIP_FIELDS.map((field) => {
                  const n = f[field];
                  const units = f[unitsField(field)];
                  return (
                    <td key={field} className="num">
                      {n == null ? "—" : units == null || units === n ? n : t("membership.withUnits", { count: n, units })}
                    </td>
                  );
                })}
                <td className="muted">{f.note}</td>
                <td>
                  <Link to={historyPath("MembershipFigure", f.id)}>{t("history.link")}</Link>
                  {" · "}
                  <Link to={`/membership/${f.id}/delete`}>{t("delete.confirm")}</Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="muted">{t("dashboard.membership.unitsNote")}</p>
    </section>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
