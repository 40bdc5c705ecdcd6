import { type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorList } from "~/components/forms";
import { useLocale, useT } from "~/i18n/react";
import { reportYear } from "~/models/activity-report";
import { listReports } from "~/models/activity-report.server";
import { requireStaff } from "~/utils/auth.server";
import { formatDateTime } from "~/utils/format";
import { pageTitle } from "~/utils/meta";
import { todayInJapan } from "~/utils/partial-date";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("report.title"));

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request);
  const asked = new URL(request.url).searchParams.get("year");
  if (asked !== null) {
    const year = reportYear(asked.trim());
    if (year) throw redirect(`/reports/${year}`);
  }
  const thisYear = Number(todayInJapan().slice(0, 4));
  return { reports: await listReports(), asked, invalid: asked !== null, defaultYear: thisYear - 1 };
}

export default function Reports() {
  const { reports, asked, invalid, defaultYear } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  return (
    <section>
      <div className="page-header">
        <div>
          <h1>{t("report.title")}</h1>
          <p className="muted">{t("report.intro")}</p>
        </div>
      </div>
      <Form method="get" className="filter-form">
        <div className="field">
          <label htmlFor="report-year">{t("report.year")}</label>
          <input
            id="report-year"
            name="year"
            inputMode="numeric"
            maxLength={4}
            defaultValue={asked ?? String(defaultYear)}
            aria-invalid={invalid || undefined}
            aria-describedby={invalid ? "report-year-error" : undefined}
          />
          <ErrorList id="report-year-error" errors={invalid ? ["error.reportYear"] : []} />
        </div>
        <button type="submit" className="primary">
          {t("report.open")}
        </button>
      </Form>
      <h2>{t("report.list")}</h2>
      {reports.length === 0 ? (
        <p className="empty">{t("report.none")}</p>
      ) : (
        <ul>
          {reports.map((r) => (
            <li key={r.id}>
              <Link to={`/reports/${r.year}`}>{t("report.titleOf", { year: String(r.year) })}</Link>{" "}
              <span className="muted">{formatDateTime(r.updatedAt, locale)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
