// The counter-report's settings: title, outline, word limit; saved over the version it was opened on.
import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ReportForm } from "~/components/counter-report-parts";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { useBilingual, useT } from "~/i18n/react";
import { reportUpdateSchema } from "~/models/counter-report";
import { getReport, reportExists, updateReport } from "~/models/counter-report.server";
import { requireStaff } from "~/utils/auth.server";
import { pageTitle } from "~/utils/meta";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageTitle(matches, (t) => (data ? t("report.editSettings", { title: data.report.titleEn }) : null));

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireStaff(request);
  const report = await getReport(params.reportId ?? "");
  if (!report) throw new Response("Not found", { status: 404 });
  return { report: { id: report.id, version: report.version, titleEn: report.titleEn, titleJa: report.titleJa ?? "", outlineMode: report.outlineMode, wordLimit: report.wordLimit === null ? "" : String(report.wordLimit) } };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireStaff(request);
  const id = params.reportId ?? "";
  if (!(await reportExists(id))) throw new Response("Not found", { status: 404 });
  const submission = parseWithZod(await request.formData(), { schema: reportUpdateSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), conflict: null }, { status: 400 });
  const saved = await updateReport(id, submission.value.version, submission.value, user.id);
  if (!saved.ok && "notFound" in saved) throw new Response("Not found", { status: 404 });
  if (!saved.ok) return data({ result: submission.reply({ formErrors: ["error.conflict"] }), conflict: saved.conflict }, { status: 409 });
  return redirectWithToast(`/un/reports/${id}`, { message: "toast.saved" });
}

export default function EditReport() {
  const { report } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const pick = useBilingual();
  const conflict = actionData?.conflict ?? null;
  return (
    <section>
      <nav aria-label={t("nav.breadcrumb")} className="breadcrumb">
        <Link to={`/un/reports/${report.id}`}>{pick(report.titleJa, report.titleEn)}</Link>
      </nav>
      <h1>{t("report.editSettings", { title: pick(report.titleJa, report.titleEn) })}</h1>
      <ReportForm
        key={conflict?.version ?? report.version}
        defaults={report}
        lastResult={actionData?.result}
        version={conflict?.version ?? report.version}
        conflict={conflict}
        cancelTo={`/un/reports/${report.id}`}
      />
    </section>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
