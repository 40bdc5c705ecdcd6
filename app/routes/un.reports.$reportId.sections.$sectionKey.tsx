// Writing one section of the counter-report: its pre-filled context beside an editor with the English
// text and the Japanese working text side by side, the word count against the section's share of the
// limit, who writes it and whether it is done. Saved over the version it was opened on (005).
import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { SectionContext, SectionEditor } from "~/components/counter-report-parts";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { useBilingual, useLocale, useT } from "~/i18n/react";
import { sectionFormSchema, sectionHeading, sectionLimit } from "~/models/counter-report";
import { assigneeOptions, checkSection, composerData, saveSection } from "~/models/counter-report.server";
import { requireStaff } from "~/utils/auth.server";
import { pageTitle } from "~/utils/meta";
import { todayInJapan } from "~/utils/partial-date";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, (t, locale) => (data ? t("report.sectionTitle", { n: data.section.number, heading: sectionHeading(data.section, t, locale) }) : null));

async function sectionOf(reportId: string | undefined, key: string | undefined) {
  const composer = await composerData(reportId ?? "", todayInJapan());
  const section = composer?.sections.find((s) => s.key === key);
  if (!composer || !section) throw new Response("Not found", { status: 404 });
  return { composer, section };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireStaff(request);
  const { composer, section } = await sectionOf(params.reportId, params.sectionKey);
  const saved = composer.stored.get(section.key);
  return {
    report: { id: composer.report.id, titleEn: composer.report.titleEn, titleJa: composer.report.titleJa },
    section,
    saved: {
      analysisEn: saved?.analysisEn ?? null,
      analysisJa: saved?.analysisJa ?? null,
      proposalsEn: saved?.proposalsEn ?? null,
      proposalsJa: saved?.proposalsJa ?? null,
      assigneeId: saved?.assigneeId ?? null,
      done: saved?.done ?? false,
    },
    version: saved?.version ?? 0,
    limit: sectionLimit(composer.report.wordLimit, composer.sections.length),
    assignees: await assigneeOptions(),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireStaff(request);
  const { composer, section } = await sectionOf(params.reportId, params.sectionKey);
  const submission = parseWithZod(await request.formData(), { schema: sectionFormSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), conflict: null }, { status: 400 });
  const { errors, checked } = await checkSection(submission.value);
  if (Object.keys(errors).length) return data({ result: submission.reply({ fieldErrors: errors }), conflict: null }, { status: 400 });
  const saved = await saveSection(composer.report.id, section.key, submission.value.version, checked, user.id);
  if (!saved.ok) return data({ result: submission.reply({ formErrors: ["error.conflict"] }), conflict: saved.conflict }, { status: 409 });
  return redirectWithToast(`/un/reports/${composer.report.id}#h-${section.key}`, { message: "toast.saved" });
}

export default function WriteSection() {
  const { report, section, saved, version, limit, assignees } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  const pick = useBilingual();
  const conflict = actionData?.conflict ?? null;
  return (
    <article className="record">
      <nav aria-label={t("nav.breadcrumb")} className="breadcrumb">
        <Link to={`/un/reports/${report.id}`}>{pick(report.titleJa, report.titleEn)}</Link>
      </nav>
      <h1>{t("report.sectionTitle", { n: section.number, heading: sectionHeading(section, t, locale) })}</h1>
      <details className="section-context-box" open>
        <summary>{t("report.recommendation")}</summary>
        <SectionContext section={section} />
      </details>
      <SectionEditor
        key={conflict?.version ?? version}
        defaults={saved}
        version={conflict?.version ?? version}
        assignees={assignees}
        limit={limit}
        lastResult={actionData?.result}
        conflict={conflict}
        cancelTo={`/un/reports/${report.id}`}
      />
    </article>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
