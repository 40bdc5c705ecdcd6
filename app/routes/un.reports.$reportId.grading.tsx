// The government-response grading table (recommendation, the government's claim, our grade, the
// evidence) that NGO networks publish; as CSV at ./grading.csv (docs/decisions/014).
import { type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { useBilingual, useLocale, useT } from "~/i18n/react";
import { footnoteText, gradingRows, recommendationRef } from "~/models/counter-report";
import { composerData } from "~/models/counter-report.server";
import { requireUser } from "~/utils/auth.server";
import { pageTitle } from "~/utils/meta";
import { todayInJapan } from "~/utils/partial-date";

export const meta: MetaFunction<typeof loader> = ({ matches }) => pageTitle(matches, (t) => t("report.grading.title"));

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request);
  const composer = await composerData(params.reportId ?? "", todayInJapan());
  if (!composer) throw new Response("Not found", { status: 404 });
  return {
    report: { id: composer.report.id, titleEn: composer.report.titleEn, titleJa: composer.report.titleJa },
    rows: gradingRows(composer.sections),
  };
}

export default function GradingTable() {
  const { report, rows } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const pick = useBilingual();
  return (
    <section>
      <nav aria-label={t("nav.breadcrumb")} className="breadcrumb">
        <Link to={`/un/reports/${report.id}`}>{pick(report.titleJa, report.titleEn)}</Link>
      </nav>
      <div className="page-header">
        <h1>{t("report.grading.title")}</h1>
        <a className="button" href={`/un/reports/${report.id}/grading.csv`} download>
          {t("report.exportGradingCsv")}
        </a>
      </div>
      <p className="intro">{t("report.grading.intro")}</p>
      {rows.length ? (
        <table className="data-table grading-table">
          <thead>
            <tr>
              <th scope="col">{t("report.grading.recommendation")}</th>
              <th scope="col">{t("report.grading.claim")}</th>
              <th scope="col">{t("report.grading.grade")}</th>
              <th scope="col">{t("report.grading.evidence")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ recommendation: r, evidence }) => (
              <tr key={r.id}>
                <td>
                  <Link to={`/un/recommendations/${r.id}`}>{recommendationRef(r, t, locale)}</Link>
                  {r.headingEn || r.headingJa ? <div className="strong">{pick(r.headingJa, r.headingEn)}</div> : null}
                  <div lang="en" className="muted">
                    {r.textEn}
                  </div>
                </td>
                <td className="multiline">
                  {pick(r.governmentClaimJa, r.governmentClaimEn) || "—"}
                  {r.governmentClaimSource ? <div className="muted">{r.governmentClaimSource}</div> : null}
                </td>
                <td>
                  {r.grade ? <span className={`badge grade grade-${r.grade}`}>{r.grade}</span> : t("report.ungraded")}
                  {r.assessmentNote ? <div className="multiline">{r.assessmentNote}</div> : null}
                </td>
                <td>
                  {evidence.length ? (
                    <ol className="footnotes">
                      {evidence.map((f) => (
                        <li key={`${f.kind}-${f.id}`} value={f.n}>
                          {footnoteText(f, t, locale)}
                        </li>
                      ))}
                    </ol>
                  ) : (
                    "—"
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="empty">{t("report.sectionsEmpty")}</p>
      )}
    </section>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
