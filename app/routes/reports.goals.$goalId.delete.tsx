import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, data } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { DeleteConfirm } from "~/components/record-trash";
import { getGoal } from "~/models/plan-goal.server";
import { liveRecord, moveToTrash } from "~/models/trash.server";
import { requireStaff } from "~/utils/auth.server";
import { getLocale } from "~/utils/locale.server";
import { pageTitle } from "~/utils/meta";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageTitle(matches, (t) => (data ? t("delete.title", { name: data.name }) : null));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireStaff(request);
  const id = params.goalId ?? "";
  const [record, goal] = await Promise.all([liveRecord("ActivityPlanGoal", id, await getLocale(request, user)), getGoal(id)]);
  if (!record || !goal) throw new Response("Not found", { status: 404 });
  return { ...record, year: goal.year };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireStaff(request);
  const id = params.goalId ?? "";
  const goal = await getGoal(id);
  if (!goal) throw new Response("Not found", { status: 404 });
  const result = await moveToTrash("ActivityPlanGoal", id, user.id, await getLocale(request, user));
  if (!result.ok && "notFound" in result) throw new Response("Not found", { status: 404 });
  if (!result.ok) return data({ problem: result.problem }, { status: 409 });
  return redirectWithToast(`/reports/${goal.year}/plan`, { message: "toast.deleted", vars: { name: result.name } });
}

export default function DeletePlanGoal() {
  const record = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return <DeleteConfirm name={record.name} cancelTo={`/reports/${record.year}/plan`} problem={actionData?.problem} />;
}

export const ErrorBoundary = GeneralErrorBoundary;
