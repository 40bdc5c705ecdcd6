import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PlanGoalEditor } from "~/components/plan-goal-editor";
import { useT } from "~/i18n/react";
import { isReportSection, reportYear } from "~/models/activity-report";
import { planGoalSchema } from "~/models/plan-goal";
import { createGoal } from "~/models/plan-goal.server";
import { requireStaff } from "~/utils/auth.server";
import { pageTitle } from "~/utils/meta";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageTitle(matches, (t) => (data ? t("planGoal.newTitle", { year: String(data.year) }) : null));

function yearFrom(params: { year?: string }) {
  const year = reportYear(params.year);
  if (!year) throw new Response("Not found", { status: 404 });
  return year;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireStaff(request);
  const year = yearFrom(params);
  const section = new URL(request.url).searchParams.get("section");
  return { year, section: isReportSection(section) ? section : "advocacy" };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireStaff(request);
  const year = yearFrom(params);
  const submission = parseWithZod(await request.formData(), { schema: planGoalSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const { id } = await createGoal(year, submission.value, user.id);
  return redirectWithToast(`/reports/${year}/plan#goal-${id}`, { message: "planGoal.created" });
}

export default function NewPlanGoal() {
  const { year, section } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  return (
    <section>
      <nav aria-label={t("nav.breadcrumb")} className="breadcrumb">
        <Link to={`/reports/${year}/plan`}>{t("planGoal.title", { year: String(year) })}</Link>
      </nav>
      <h1>{t("planGoal.newTitle", { year: String(year) })}</h1>
      <PlanGoalEditor defaults={{ section }} lastResult={actionData?.result} cancelTo={`/reports/${year}/plan`} />
    </section>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
