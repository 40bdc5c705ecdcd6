import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PlanGoalEditor } from "~/components/plan-goal-editor";
import { useT } from "~/i18n/react";
import { historyPath } from "~/models/history";
import { planGoalUpdateSchema } from "~/models/plan-goal";
import { getGoal, updateGoal } from "~/models/plan-goal.server";
import { requireStaff } from "~/utils/auth.server";
import { pageTitle } from "~/utils/meta";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction<typeof loader> = ({ matches }) => pageTitle(matches, (t) => t("planGoal.edit"));

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireStaff(request);
  const goal = await getGoal(params.goalId ?? "");
  if (!goal) throw new Response("Not found", { status: 404 });
  return { goal };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireStaff(request);
  const id = params.goalId ?? "";
  if (!(await getGoal(id))) throw new Response("Not found", { status: 404 });
  const submission = parseWithZod(await request.formData(), { schema: planGoalUpdateSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), conflict: null }, { status: 400 });
  const saved = await updateGoal(id, submission.value.version, submission.value, user.id);
  if (!saved.ok && "notFound" in saved) throw new Response("Not found", { status: 404 });
  if (!saved.ok) return data({ result: submission.reply({ formErrors: ["error.conflict"] }), conflict: saved.conflict }, { status: 409 });
  return redirectWithToast(`/reports/${saved.year}/plan#goal-${id}`, { message: "toast.saved" });
}

export default function EditPlanGoal() {
  const { goal } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const conflict = actionData?.conflict ?? null;
  const planPath = `/reports/${goal.year}/plan`;
  return (
    <section>
      <nav aria-label={t("nav.breadcrumb")} className="breadcrumb">
        <Link to={planPath}>{t("planGoal.title", { year: String(goal.year) })}</Link>
      </nav>
      <div className="page-header">
        <h1>{t("planGoal.edit")}</h1>
        <div className="page-actions">
          <Link to={historyPath("ActivityPlanGoal", goal.id)}>{t("history.link")}</Link>
        </div>
      </div>
      <PlanGoalEditor
        key={conflict?.version ?? goal.version}
        defaults={goal}
        lastResult={actionData?.result}
        version={conflict?.version ?? goal.version}
        conflict={conflict}
        cancelTo={planPath}
      />
    </section>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
