import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, data } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { DeleteConfirm } from "~/components/record-trash";
import { getSubmission } from "~/models/consultation.server";
import { liveRecord, moveToTrash } from "~/models/trash.server";
import { requireStaff } from "~/utils/auth.server";
import { getLocale } from "~/utils/locale.server";
import { pageTitle } from "~/utils/meta";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageTitle(matches, (t) => (data ? t("delete.title", { name: data.name }) : null));

async function submissionOf(params: { consultationId?: string; submissionId?: string }) {
  const found = await getSubmission(params.consultationId ?? "", params.submissionId ?? "");
  if (!found) throw new Response("Not found", { status: 404 });
  return found;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireStaff(request);
  const found = await submissionOf(params);
  const record = await liveRecord("CommentSubmission", found.id, await getLocale(request, user));
  if (!record) throw new Response("Not found", { status: 404 });
  return { ...record, consultationId: found.consultationId };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireStaff(request);
  const found = await submissionOf(params);
  const result = await moveToTrash("CommentSubmission", found.id, user.id, await getLocale(request, user));
  if (!result.ok && "notFound" in result) throw new Response("Not found", { status: 404 });
  if (!result.ok) return data({ problem: result.problem }, { status: 409 });
  return redirectWithToast(`/consultations/${found.consultationId}`, { message: "toast.deleted", vars: { name: result.name } });
}

export default function DeleteSubmission() {
  const record = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return <DeleteConfirm name={record.name} cancelTo={`/consultations/${record.consultationId}`} problem={actionData?.problem} />;
}

export const ErrorBoundary = GeneralErrorBoundary;
