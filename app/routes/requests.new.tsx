import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { RequestEditor } from "~/components/request-editor";
import { useT } from "~/i18n/react";
import { requestFormSchema } from "~/models/request";
import { checkRequestSubmission, formTooLargeResult, createRequest, readRequestForm, requestFormOptions } from "~/models/request.server";
import { ATTACHMENT_ACCEPT } from "~/utils/attachments.server";
import { requireStaff } from "~/utils/auth.server";
import { config } from "~/utils/env.server";
import { getLocale } from "~/utils/locale.server";
import { pageTitle } from "~/utils/meta";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("requests.new"));

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaff(request);
  return {
    options: await requestFormOptions(await getLocale(request, user)),
    upload: { accept: ATTACHMENT_ACCEPT, maxBytes: config.attachmentMaxBytes },
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireStaff(request);
  const formData = await readRequestForm(request);
  if (!formData) return data({ result: formTooLargeResult }, { status: 413 });
  const submission = parseWithZod(formData, { schema: requestFormSchema(config.attachmentMaxBytes) });
  // A list intent (add, move, remove a row) sent without JavaScript comes back with the row changed.
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: submission.status === "error" ? 400 : 200 });
  const checked = await checkRequestSubmission(submission.value);
  if (!checked.ok) return data({ result: submission.reply({ fieldErrors: checked.fieldErrors }) }, { status: 400 });
  const created = await createRequest(submission.value, checked.files, user.id);
  return redirectWithToast(`/requests/${created.id}`, { message: "toast.requestCreated" });
}

export default function NewRequest() {
  const { options, upload } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  // Most requests go out in the name of our network: preselect it when there is exactly one.
  const sender = options.senderOrganisations.length === 1 ? options.senderOrganisations[0].value : "";
  return (
    <section>
      <nav aria-label={t("nav.breadcrumb")} className="breadcrumb">
        <Link to="/requests">{t("requests.title")}</Link>
      </nav>
      <h1>{t("requests.new")}</h1>
      <RequestEditor defaults={{ sender }} options={options} upload={upload} lastResult={actionData?.result} cancelTo="/requests" />
    </section>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
