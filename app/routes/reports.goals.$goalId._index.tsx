// A plan goal has no page of its own: its link (from its history) leads to its place in the year's plan.
import { type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { getGoal } from "~/models/plan-goal.server";
import { requireUser } from "~/utils/auth.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request);
  const goal = await getGoal(params.goalId ?? "");
  if (!goal) throw new Response("Not found", { status: 404 });
  return redirect(`/reports/${goal.year}/plan#goal-${goal.id}`);
}
