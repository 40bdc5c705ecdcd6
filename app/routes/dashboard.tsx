import { type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { type ReactNode } from "react";
import { ChartSection, type Series } from "~/components/dashboard-chart";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { useLocale, useT } from "~/i18n/react";
import { COMMITMENT_BUCKETS } from "~/models/dashboard";
import { dashboard } from "~/models/dashboard.server";
import { MEMBERSHIP_FIELDS, unitsField } from "~/models/membership";
import { hasRole } from "~/models/roles";
import { ASSESSMENTS } from "~/models/round";
import { DEGREES } from "~/models/status";
import { requireUser } from "~/utils/auth.server";
import { getLocale } from "~/utils/locale.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("dashboard.title"));

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const locale = await getLocale(request, user);
  return { ...(await dashboard(locale)), canEdit: hasRole(user.role, "staff") };
}

// The outcome colours of the status badges and the timeline (app.css), darkened enough to read as bars.
const DEGREE_COLORS: Record<(typeof DEGREES)[number], string> = {
  not_reflected: "#8a909c",
  mentioned: "#d4a800",
  partially_reflected: "#7fbf5f",
  reflected: "#2e8b57",
  regressed: "#d0473d",
};
const ASSESSMENT_COLORS: Record<(typeof ASSESSMENTS)[number], string> = {
  commitment: "#2e8b57",
  will_consider: "#7fbf5f",
  evasive: "#d4a800",
  refusal: "#d0473d",
  no_answer: "#8a909c",
};
const BUCKET_COLORS: Record<(typeof COMMITMENT_BUCKETS)[number], string> = { kept: "#2e8b57", overdue: "#d0473d", pending: "#4a78c2", dropped: "#8a909c" };
const MEMBERSHIP_COLORS = ["#4a78c2", "#2e8b57", "#d4a800", "#a05fc0"];

function NumberTable({ caption, head, rows }: { caption: string; head: string[]; rows: Array<{ key: string; cells: Array<ReactNode> }> }) {
  const locale = useLocale();
  const fmt = (v: ReactNode) => (typeof v === "number" ? v.toLocaleString(locale === "ja" ? "ja-JP" : "en-GB") : v === null || v === undefined ? "—" : v);
  return (
    <table className="data-table compact">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          {head.map((h, i) => (
            <th key={h} scope="col" className={i ? "num" : undefined}>
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            {row.cells.map((cell, i) =>
              i === 0 ? (
                <th key={i} scope="row">
                  {fmt(cell)}
                </th>
              ) : (
                <td key={i} className="num">
                  {fmt(cell)}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export default function DashboardPage() {
  const { outcomes, raised, answers, commitments, membership, canEdit, today } = useLoaderData<typeof loader>();
  const t = useT();
  const degreeSeries: Series[] = DEGREES.map((d) => ({ key: d, label: t(`degree.${d}`), color: DEGREE_COLORS[d] }));
  const assessmentSeries: Series[] = ASSESSMENTS.map((a) => ({ key: a, label: t(`assessment.${a}`), color: ASSESSMENT_COLORS[a] }));
  const bucketSeries: Series[] = COMMITMENT_BUCKETS.map((b) => ({ key: b, label: t(`dashboard.commitments.${b}`), color: BUCKET_COLORS[b] }));
  const raisedSeries: Series[] = [
    { key: "raised", label: t("dashboard.raised.raised"), color: "#4a78c2" },
    { key: "partly", label: t("dashboard.raised.partly"), color: "#7fbf5f" },
    { key: "fully", label: t("dashboard.raised.fully"), color: "#2e8b57" },
  ];
  const membershipSeries: Series[] = MEMBERSHIP_FIELDS.map((f, i) => ({ key: f, label: t(`membership.${f}`), color: MEMBERSHIP_COLORS[i] }));
  const sections = [
    ["outcomes", t("dashboard.outcomes.title")],
    ["raised", t("dashboard.raised.title")],
    ["answers", t("dashboard.answers.title")],
    ["commitments", t("dashboard.commitments.title")],
    ["membership", t("dashboard.membership.title")],
  ];

  return (
    <section>
      <div className="page-header">
        <div>
          <h1>{t("dashboard.title")}</h1>
          <p className="muted">{t("dashboard.intro", { today })}</p>
        </div>
        <div className="page-actions">
          {/* The year's activity plan and how far it was reached: every signed-in user reads it. */}
          <Link to={`/reports/${today.slice(0, 4)}/plan`}>{t("planGoal.title", { year: today.slice(0, 4) })}</Link>
          {canEdit ? <Link to="/reports">{t("report.title")}</Link> : null}
        </div>
      </div>
      <nav aria-label={t("dashboard.contents")}>
        <ul className="dashboard-toc">
          {sections.map(([id, label]) => (
            <li key={id}>
              <a href={`#${id}`}>{label}</a>
            </li>
          ))}
        </ul>
      </nav>

      <ChartSection
        id="outcomes"
        title={t("dashboard.outcomes.title")}
        intro={t("dashboard.outcomes.intro")}
        empty={outcomes.length === 0}
        chart={{ kind: "stackedBar", data: outcomes, categoryKey: "year", series: degreeSeries }}
        table={
          <NumberTable
            caption={t("dashboard.outcomes.title")}
            head={[t("dashboard.year"), ...degreeSeries.map((s) => s.label), t("dashboard.total")]}
            rows={outcomes.map((r) => ({ key: r.year, cells: [r.year, ...DEGREES.map((d) => r[d]), r.total] }))}
          />
        }
      />

      <ChartSection
        id="raised"
        title={t("dashboard.raised.title")}
        intro={t("dashboard.raised.intro")}
        empty={raised.rows.length === 0}
        chart={{ kind: "line", data: raised.rows, categoryKey: "year", series: raisedSeries }}
        table={
          <NumberTable
            caption={t("dashboard.raised.title")}
            head={[t("dashboard.year"), ...raisedSeries.map((s) => s.label)]}
            rows={raised.rows.map((r) => ({ key: r.year, cells: [r.year, r.raised, r.partly, r.fully] }))}
          />
        }
        footer={raised.undated ? <p className="muted">{t("dashboard.raised.undated", { count: raised.undated })}</p> : null}
      />

      <ChartSection
        id="answers"
        title={t("dashboard.answers.title")}
        intro={t("dashboard.answers.intro", { count: answers.rows.length })}
        empty={answers.rows.length === 0}
        chart={{ kind: "stackedBar", data: answers.rows, categoryKey: "name", series: assessmentSeries, horizontal: true }}
        table={
          <NumberTable
            caption={t("dashboard.answers.title")}
            head={[t("dashboard.body"), ...assessmentSeries.map((s) => s.label), t("dashboard.total")]}
            rows={answers.rows.map((r) => ({
              key: r.bodyId,
              cells: [<Link key="b" to={`/bodies/${r.bodyId}/answers`}>{r.name}</Link>, ...ASSESSMENTS.map((a) => r[a]), r.total],
            }))}
          />
        }
        footer={answers.otherBodies ? <p className="muted">{t("dashboard.answers.others", { count: answers.otherBodies })}</p> : null}
      />

      <ChartSection
        id="commitments"
        title={t("dashboard.commitments.title")}
        intro={t("dashboard.commitments.intro")}
        empty={commitments.length === 0}
        chart={{ kind: "stackedBar", data: commitments, categoryKey: "year", series: bucketSeries }}
        table={
          <NumberTable
            caption={t("dashboard.commitments.title")}
            head={[t("dashboard.roundYear"), ...bucketSeries.map((s) => s.label), t("dashboard.total")]}
            rows={commitments.map((r) => ({ key: r.year, cells: [r.year, ...COMMITMENT_BUCKETS.map((b) => r[b]), r.total] }))}
          />
        }
      />

      <ChartSection
        id="membership"
        title={t("dashboard.membership.title")}
        intro={t("dashboard.membership.intro")}
        empty={membership.length === 0}
        chart={{ kind: "groupedBar", data: membership, categoryKey: "year", series: membershipSeries }}
        table={
          <NumberTable
            caption={t("dashboard.membership.title")}
            head={[t("dashboard.year"), ...membershipSeries.map((s) => s.label)]}
            rows={membership.map((f) => ({
              key: String(f.year),
              cells: [
                canEdit ? <Link key="y" to={`/membership/${f.id}/edit`} aria-label={t("membership.editYear", { year: f.year })}>{f.year}</Link> : String(f.year),
                ...MEMBERSHIP_FIELDS.map((field) => {
                  const n = f[field];
                  const units = f[unitsField(field)];
                  return n == null ? null : units == null || units === n ? n : t("membership.withUnits", { count: n.toLocaleString(), units: units.toLocaleString() });
                }),
              ],
            }))}
          />
        }
        footer={
          <p className="muted">
            {t("dashboard.membership.unitsNote")}{" "}
            {canEdit ? <Link to="/membership">{t("membership.manage")}</Link> : null}
          </p>
        }
      />
    </section>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
