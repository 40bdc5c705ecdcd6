// A cycle's counter-report: opens it, or (staff) starts it with its title, outline and word limit.
import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ReportForm } from "~/components/counter-report-parts";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { useBilingual, useT } from "~/i18n/react";
import { reportFormSchema } from "~/models/counter-report";
import { createReport, cycleForReport } from "~/models/counter-report.server";
import { hasRole } from "~/models/roles";
import { requireStaff, requireUser } from "~/utils/auth.server";
import { pageTitle } from "~/utils/meta";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("report.start"));

async function liveCycle(cycleId: string | undefined) {
  const cycle = await cycleForReport(cycleId ?? "");
  if (!cycle) throw new Response("Not found", { status: 404 });
  return cycle;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const cycle = await liveCycle(params.cycleId);
  if (cycle.counterReport && !cycle.counterReport.deletedAt) throw redirect(`/un/reports/${cycle.counterReport.id}`);
  const committee = cycle.mechanism.committeeAbbr ?? cycle.mechanism.abbreviation;
  return {
    cycle: { id: cycle.id, titleJa: cycle.titleJa, titleEn: cycle.titleEn, mechanism: cycle.mechanism },
    canEdit: hasRole(user.role, "staff"),
    defaults: { titleEn: `Counter-report to ${committee}: ${cycle.titleEn || cycle.titleJa}`, titleJa: `${committee}へのカウンターレポート：${cycle.titleJa || cycle.titleEn}`, outlineMode: "recommendations", wordLimit: "" },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireStaff(request);
  const cycle = await liveCycle(params.cycleId);
  const submission = parseWithZod(await request.formData(), { schema: reportFormSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const report = await createReport(cycle.id, submission.value, user.id);
  if (!report) return data({ result: submission.reply({ formErrors: ["report.error.exists"] }) }, { status: 409 });
  return redirectWithToast(`/un/reports/${report.id}`, { message: "toast.reportCreated" });
}

export default function StartReport() {
  const { cycle, canEdit, defaults } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const pick = useBilingual();
  return (
    <section>
      <nav aria-label={t("nav.breadcrumb")} className="breadcrumb">
        <Link to="/un">{t("un.title")}</Link>
        {" › "}
        <Link to={`/un/mechanisms/${cycle.mechanism.id}`}>{cycle.mechanism.abbreviation}</Link>
        {" › "}
        <Link to={`/un/cycles/${cycle.id}`}>{pick(cycle.titleJa, cycle.titleEn)}</Link>
      </nav>
      <h1>{canEdit ? t("report.start") : t("report.counter.title")}</h1>
      {canEdit ? (
        <>
          <p className="intro">{t("report.startIntro")}</p>
          <ReportForm defaults={defaults} lastResult={actionData?.result} cancelTo={`/un/cycles/${cycle.id}`} saveLabel={t("report.start")} />
        </>
      ) : (
        <p className="empty">{t("report.counter.none")}</p>
      )}
    </section>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
