import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { RequestEditor } from "~/components/request-editor";
import { useBilingual, useT } from "~/i18n/react";
import { requestUpdateSchema, senderValue } from "~/models/request";
import { checkRequestSubmission, formTooLargeResult, getRequest, readRequestForm, requestFormOptions, updateRequest } from "~/models/request.server";
import { ATTACHMENT_ACCEPT } from "~/utils/attachments.server";
import { requireStaff } from "~/utils/auth.server";
import { config } from "~/utils/env.server";
import { getLocale } from "~/utils/locale.server";
import { pageTitle } from "~/utils/meta";
import { renderRichText } from "~/utils/rich-text.server";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, (t, locale) =>
    data ? t("requests.edit", { title: locale === "ja" ? data.request.titleJa || data.request.titleEn : data.request.titleEn || data.request.titleJa }) : null,
  );

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireStaff(request);
  const found = await getRequest(params.requestId ?? "");
  if (!found) throw new Response("Not found", { status: 404 });
  return {
    request: {
      id: found.id,
      version: found.version,
      kind: found.kind,
      titleJa: found.titleJa,
      titleEn: found.titleEn,
      sentOn: found.sentOn,
      sender: senderValue({ senderOrganisationId: found.senderOrganisationId, senderNetworkId: found.senderNetworkId }),
      cosignerIds: found.cosigners.map((o) => o.id),
      addresseeIds: found.addressees.map((b) => b.id),
      items: found.items.map((i) => ({ demandId: i.demand.id, wordingJa: i.wordingJa ?? "", wordingEn: i.wordingEn ?? "" })),
      body: found.body,
      internalNote: found.internalNote,
      attachments: found.attachments,
    },
    options: await requestFormOptions(await getLocale(request, user)),
    upload: { accept: ATTACHMENT_ACCEPT, maxBytes: config.attachmentMaxBytes },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireStaff(request);
  const id = params.requestId ?? "";
  const formData = await readRequestForm(request);
  if (!formData) return data({ result: formTooLargeResult, conflict: null }, { status: 413 });
  const submission = parseWithZod(formData, { schema: requestUpdateSchema(config.attachmentMaxBytes) });
  if (submission.status !== "success") return data({ result: submission.reply(), conflict: null }, { status: submission.status === "error" ? 400 : 200 });
  const checked = await checkRequestSubmission(submission.value, id);
  if (!checked.ok) return data({ result: submission.reply({ fieldErrors: checked.fieldErrors }), conflict: null }, { status: 400 });
  const saved = await updateRequest(id, submission.value.version, submission.value, checked.files, user.id, await getLocale(request, user));
  if (!saved.ok && "notFound" in saved) throw new Response("Not found", { status: 404 });
  if (!saved.ok) {
    const { body, ...rest } = saved.conflict;
    return data({ result: submission.reply({ formErrors: ["error.conflict"] }), conflict: { ...rest, bodyHtml: renderRichText(body) } }, { status: 409 });
  }
  return redirectWithToast(`/requests/${id}`, { message: "toast.saved" });
}

export default function EditRequest() {
  const { request, options, upload } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const pick = useBilingual();
  const conflict = actionData?.conflict ?? null;
  return (
    <section>
      <nav aria-label={t("nav.breadcrumb")} className="breadcrumb">
        <Link to="/requests">{t("requests.title")}</Link>
        {" › "}
        <Link to={`/requests/${request.id}`}>{pick(request.titleJa, request.titleEn)}</Link>
      </nav>
      <h1>{t("requests.edit", { title: pick(request.titleJa, request.titleEn) })}</h1>
      <RequestEditor
        key={conflict?.version ?? request.version}
        defaults={request}
        options={options}
        upload={upload}
        lastResult={actionData?.result}
        version={conflict?.version ?? request.version}
        conflict={conflict}
        existingAttachments={conflict?.attachments ?? request.attachments}
        cancelTo={`/requests/${request.id}`}
      />
    </section>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
