import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { translator } from "~/i18n";
import { useLocale, useT } from "~/i18n/react";
import { REPORT_SECTIONS, reportYear } from "~/models/activity-report";
import { draftReport, getReport, regenerateReport } from "~/models/activity-report.server";
import { historyPath } from "~/models/history";
import { requireStaff } from "~/utils/auth.server";
import { formatDateTime } from "~/utils/format";
import { getLocale } from "~/utils/locale.server";
import { pageTitle } from "~/utils/meta";
import { renderRichText } from "~/utils/rich-text.server";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageTitle(matches, (t) => (data ? t("report.titleOf", { year: String(data.year) }) : t("report.title")));

function yearFrom(params: { year?: string }) {
  const year = reportYear(params.year);
  if (!year) throw new Response("Not found", { status: 404 });
  return year;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireStaff(request);
  const year = yearFrom(params);
  const locale = await getLocale(request, user);
  const report = await getReport(year);
  const sections = report?.sections ?? (await draftReport(year, locale));
  return {
    year,
    stored: report ? { id: report.id, generatedAt: report.generatedAt, updatedAt: report.updatedAt } : null,
    sections: REPORT_SECTIONS.map((s) => ({ key: s, html: renderRichText(sections[s]) })),
  };
}

const regenerateSchema = z.object({ intent: z.literal("regenerate"), replaceEdits: z.literal("on").optional() });

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireStaff(request);
  const year = yearFrom(params);
  const locale = await getLocale(request, user);
  const parsed = regenerateSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) throw new Response("Bad request", { status: 400 });
  const { kept } = await regenerateReport(year, locale, user.id, { replaceEdits: parsed.data.replaceEdits === "on" });
  const t = translator(locale);
  return redirectWithToast(
    `/reports/${year}`,
    kept.length ? { message: "report.regeneratedKept", vars: { sections: kept.map((s) => t(`report.section.${s}`)).join(locale === "ja" ? "、" : ", ") } } : { message: "report.regenerated" },
  );
}

export default function ReportPage() {
  const { year, stored, sections } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const busy = useNavigation().state === "submitting";
  return (
    <section className="activity-report">
      <nav aria-label={t("nav.breadcrumb")} className="breadcrumb">
        <Link to="/reports">{t("report.title")}</Link>
      </nav>
      <div className="page-header">
        <div>
          <h1>{t("report.titleOf", { year: String(year) })}</h1>
          {stored ? (
            <p className="muted">{t("report.generatedAt", { date: formatDateTime(stored.generatedAt, locale), saved: formatDateTime(stored.updatedAt, locale) })}</p>
          ) : (
            <p className="notice">{t("report.unsaved")}</p>
          )}
        </div>
        <div className="page-actions">
          {stored ? (
            <>
              <Link to={`/reports/${year}/edit`} className="button primary">
                {t("report.edit")}
              </Link>
              <Link to={historyPath("ActivityReport", stored.id)}>{t("history.link")}</Link>
            </>
          ) : null}
          <Link to={`/reports/${year}/plan`}>{t("planGoal.link")}</Link>
          <span>
            {t("report.export")}: <a href={`/reports/${year}/export.docx`}>{t("report.exportDocx")}</a> · <a href={`/reports/${year}/export.md`}>{t("report.exportMarkdown")}</a>
          </span>
        </div>
      </div>
      <Form method="post" className="regenerate-form">
        <input type="hidden" name="intent" value="regenerate" />
        {stored ? (
          <>
            <p className="field-help" id="regenerate-help">
              {t("report.regenerateHelp")}
            </p>
            <label className="checkbox">
              <input type="checkbox" name="replaceEdits" aria-describedby="regenerate-help" /> {t("report.replaceEdits")}
            </label>{" "}
          </>
        ) : null}
        <button type="submit" disabled={busy} className={stored ? undefined : "primary"}>
          {stored ? t("report.regenerate") : t("report.store")}
        </button>
      </Form>
      {sections.map((s, i) => (
        <section key={s.key} aria-labelledby={`section-${s.key}`} className="report-section">
          <h2 id={`section-${s.key}`}>
            {i + 1}. {t(`report.section.${s.key}`)}
          </h2>
          <div className="rich-text" dangerouslySetInnerHTML={{ __html: s.html }} />
        </section>
      ))}
    </section>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
