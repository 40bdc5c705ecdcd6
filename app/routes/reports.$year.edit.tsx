import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ConflictPanel, EditorActions } from "~/components/conflict-panel";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormErrors } from "~/components/forms";
import { RichTextEditor } from "~/components/rich-text-editor";
import { useT } from "~/i18n/react";
import { REPORT_SECTIONS, type ReportSection, type SectionDocs, reportYear } from "~/models/activity-report";
import { getReport, updateReport } from "~/models/activity-report.server";
import { requireStaff } from "~/utils/auth.server";
import { pageTitle } from "~/utils/meta";
import { EMPTY_DOC } from "~/utils/rich-text";
import { MAX_RICH_TEXT_LENGTH, checkRichText, renderRichText } from "~/utils/rich-text.server";
import { redirectWithToast } from "~/utils/toast.server";
import { versionField } from "~/utils/validation";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageTitle(matches, (t) => (data ? t("report.editTitle", { year: String(data.year) }) : null));

const section = z.string().max(MAX_RICH_TEXT_LENGTH, "error.richTextTooLong").optional();
const reportSchema = z.object({
  version: versionField,
  advocacy: section,
  networking: section,
  international: section,
  publicity: section,
  organisation: section,
  membership: section,
});

async function storedReport(params: { year?: string }) {
  const year = reportYear(params.year);
  if (!year) throw new Response("Not found", { status: 404 });
  const report = await getReport(year);
  // Nothing to edit before the draft is stored: its page offers to store it.
  if (!report) throw redirect(`/reports/${year}`);
  return report;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireStaff(request);
  const report = await storedReport(params);
  return { year: report.year, version: report.version, sections: report.sections };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireStaff(request);
  const report = await storedReport(params);
  const submission = parseWithZod(await request.formData(), { schema: reportSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), conflict: null }, { status: 400 });
  const fieldErrors: Record<string, string[]> = {};
  const sections = {} as SectionDocs;
  for (const s of REPORT_SECTIONS) {
    const checked = checkRichText(submission.value[s]);
    if (!checked.ok) fieldErrors[s] = [checked.error];
    else sections[s] = checked.json ?? JSON.stringify(EMPTY_DOC);
  }
  if (Object.keys(fieldErrors).length) return data({ result: submission.reply({ fieldErrors }), conflict: null }, { status: 400 });
  const saved = await updateReport(report.year, submission.value.version, sections, user.id);
  if (!saved.ok && "notFound" in saved) throw new Response("Not found", { status: 404 });
  if (!saved.ok) {
    const conflict = { version: saved.conflict.version, updatedByName: saved.conflict.updatedByName, html: Object.fromEntries(REPORT_SECTIONS.map((s) => [s, renderRichText(saved.conflict.sections[s])])) as Record<ReportSection, string> };
    return data({ result: submission.reply({ formErrors: ["error.conflict"] }), conflict }, { status: 409 });
  }
  return redirectWithToast(`/reports/${report.year}`, { message: "report.saved" });
}

export default function EditReport() {
  const { year, version, sections } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const conflict = actionData?.conflict ?? null;
  const currentVersion = conflict?.version ?? version;
  const [form, fields] = useForm({ id: "report-form", lastResult: actionData?.result, defaultValue: sections });
  return (
    <section>
      <nav aria-label={t("nav.breadcrumb")} className="breadcrumb">
        <Link to="/reports">{t("report.title")}</Link>
        {" › "}
        <Link to={`/reports/${year}`}>{t("report.titleOf", { year: String(year) })}</Link>
      </nav>
      <h1>{t("report.editTitle", { year: String(year) })}</h1>
      <Form method="post" {...getFormProps(form)} className="editor-form" key={currentVersion}>
        <input type="hidden" name="version" value={currentVersion} />
        <FormErrors errors={form.errors} />
        {conflict ? (
          <ConflictPanel
            savedBy={conflict.updatedByName}
            rows={REPORT_SECTIONS.map((s) => ({
              label: t(`report.section.${s}`),
              value: conflict.html[s] ? <div className="rich-text" dangerouslySetInnerHTML={{ __html: conflict.html[s] }} /> : null,
            }))}
          />
        ) : null}
        {REPORT_SECTIONS.map((s, i) => {
          const value = fields[s].initialValue;
          return (
            <RichTextEditor
              key={s}
              name={s}
              label={`${i + 1}. ${t(`report.section.${s}`)}`}
              defaultValue={typeof value === "string" ? value : sections[s]}
              errors={fields[s].errors}
            />
          );
        })}
        <EditorActions cancelTo={`/reports/${year}`} />
      </Form>
    </section>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
