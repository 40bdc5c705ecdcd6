import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, data } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { DeleteConfirm } from "~/components/record-trash";
import { liveRecord, moveToTrash } from "~/models/trash.server";
import { requireStaff } from "~/utils/auth.server";
import { getLocale } from "~/utils/locale.server";
import { pageTitle } from "~/utils/meta";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageTitle(matches, (t) => (data ? t("delete.title", { name: data.name }) : null));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireStaff(request);
  const record = await liveRecord("MembershipFigure", params.figureId ?? "", await getLocale(request, user));
  if (!record) throw new Response("Not found", { status: 404 });
  return record;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireStaff(request);
  const result = await moveToTrash("MembershipFigure", params.figureId ?? "", user.id, await getLocale(request, user));
  if (!result.ok && "notFound" in result) throw new Response("Not found", { status: 404 });
  if (!result.ok) return data({ problem: result.problem }, { status: 409 });
  return redirectWithToast("/membership", { message: "toast.deleted", vars: { name: result.name } });
}

export default function DeleteMembershipFigure() {
  const record = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return <DeleteConfirm name={record.name} cancelTo="/membership" problem={actionData?.problem} />;
}

export const ErrorBoundary = GeneralErrorBoundary;
