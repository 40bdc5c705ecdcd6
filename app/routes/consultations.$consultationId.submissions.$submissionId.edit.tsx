import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { SubmissionEditor } from "~/components/consultation-editor";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { useBilingual, useLocale, useT } from "~/i18n/react";
import { submissionUpdateSchema } from "~/models/consultation";
import { checkSubmissionForm, consultationHeading, getSubmission, submissionFormOptions, updateSubmission } from "~/models/consultation.server";
import { senderValue } from "~/models/request";
import { formTooLargeResult, readRequestForm } from "~/models/request.server";
import { ATTACHMENT_ACCEPT } from "~/utils/attachments.server";
import { requireStaff } from "~/utils/auth.server";
import { config } from "~/utils/env.server";
import { getLocale } from "~/utils/locale.server";
import { pageTitle } from "~/utils/meta";
import { formatPartialDate } from "~/utils/partial-date";
import { renderRichText } from "~/utils/rich-text.server";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, (t, locale) => (data ? t("submissions.edit", { date: formatPartialDate(data.submission.submittedOn, locale) }) : null));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireStaff(request);
  const consultation = await consultationHeading(params.consultationId ?? "");
  const found = consultation ? await getSubmission(consultation.id, params.submissionId ?? "") : null;
  if (!consultation || !found) throw new Response("Not found", { status: 404 });
  return {
    consultation,
    submission: {
      id: found.id,
      version: found.version,
      submittedOn: found.submittedOn,
      sender: senderValue(found),
      cosignerIds: found.cosigners.map((c) => c.organisationId),
      points: found.points.map((p) => ({
        id: p.id,
        demandId: p.demandId ?? "",
        textJa: p.textJa ?? "",
        textEn: p.textEn ?? "",
        responseSummary: p.responseSummary ?? "",
        responseAnswer: p.responseAnswer ?? "",
        responseKind: p.responseKind ?? "",
      })),
      body: found.body,
      internalNote: found.internalNote,
      attachments: found.attachments,
    },
    options: await submissionFormOptions(await getLocale(request, user)),
    upload: { accept: ATTACHMENT_ACCEPT, maxBytes: config.attachmentMaxBytes },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireStaff(request);
  const consultationId = params.consultationId ?? "";
  const id = params.submissionId ?? "";
  if (!(await getSubmission(consultationId, id))) throw new Response("Not found", { status: 404 });
  const formData = await readRequestForm(request);
  if (!formData) return data({ result: formTooLargeResult, conflict: null }, { status: 413 });
  const submission = parseWithZod(formData, { schema: submissionUpdateSchema(config.attachmentMaxBytes) });
  if (submission.status !== "success") return data({ result: submission.reply(), conflict: null }, { status: submission.status === "error" ? 400 : 200 });
  const checked = await checkSubmissionForm(submission.value, id);
  if (!checked.ok) return data({ result: submission.reply({ fieldErrors: checked.fieldErrors }), conflict: null }, { status: 400 });
  const saved = await updateSubmission(consultationId, id, submission.value.version, submission.value, checked.files, user.id, await getLocale(request, user));
  if (!saved.ok && "notFound" in saved) throw new Response("Not found", { status: 404 });
  if (!saved.ok) {
    const { body, ...rest } = saved.conflict;
    return data({ result: submission.reply({ formErrors: ["error.conflict"] }), conflict: { ...rest, bodyHtml: renderRichText(body) } }, { status: 409 });
  }
  return redirectWithToast(`/consultations/${consultationId}#submission-${id}`, { message: "toast.saved" });
}

export default function EditSubmission() {
  const { consultation, submission, options, upload } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  const pick = useBilingual();
  const conflict = actionData?.conflict ?? null;
  const title = t("submissions.edit", { date: formatPartialDate(submission.submittedOn, locale) });
  return (
    <section>
      <nav aria-label={t("nav.breadcrumb")} className="breadcrumb">
        <Link to="/consultations">{t("consultations.title")}</Link>
        {" › "}
        <Link to={`/consultations/${consultation.id}`}>{pick(consultation.titleJa, consultation.titleEn)}</Link>
      </nav>
      <h1>{title}</h1>
      <SubmissionEditor
        key={conflict?.version ?? submission.version}
        defaults={submission}
        options={options}
        upload={upload}
        lastResult={actionData?.result}
        version={conflict?.version ?? submission.version}
        conflict={conflict}
        existingAttachments={submission.attachments}
        cancelTo={`/consultations/${consultation.id}`}
      />
    </section>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
