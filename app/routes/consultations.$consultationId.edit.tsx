import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ConsultationEditor } from "~/components/consultation-editor";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { useBilingual, useT } from "~/i18n/react";
import { consultationUpdateSchema } from "~/models/consultation";
import { checkConsultationForm, consultationFormOptions, getConsultation, updateConsultation } from "~/models/consultation.server";
import { formTooLargeResult, readRequestForm } from "~/models/request.server";
import { ATTACHMENT_ACCEPT } from "~/utils/attachments.server";
import { requireStaff } from "~/utils/auth.server";
import { config } from "~/utils/env.server";
import { getLocale } from "~/utils/locale.server";
import { pageTitle } from "~/utils/meta";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, (t, locale) =>
    data ? t("consultations.edit", { title: locale === "ja" ? data.consultation.titleJa || data.consultation.titleEn : data.consultation.titleEn || data.consultation.titleJa }) : null,
  );

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireStaff(request);
  const found = await getConsultation(params.consultationId ?? "");
  if (!found) throw new Response("Not found", { status: 404 });
  return {
    consultation: {
      id: found.id,
      version: found.version,
      titleJa: found.titleJa,
      titleEn: found.titleEn,
      caseNumber: found.caseNumber,
      issuerBodyId: found.issuerBodyId,
      instrumentId: found.instrument?.id ?? null,
      openedOn: found.openedOn,
      closesOn: found.closesOn,
      url: found.url,
      note: found.note,
      resultOn: found.resultOn,
      finalTextChanged: found.finalTextChanged,
      resultNote: found.resultNote,
      internalNote: found.internalNote,
      attachments: found.attachments,
    },
    options: await consultationFormOptions(await getLocale(request, user)),
    upload: { accept: ATTACHMENT_ACCEPT, maxBytes: config.attachmentMaxBytes },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireStaff(request);
  const id = params.consultationId ?? "";
  const formData = await readRequestForm(request);
  if (!formData) return data({ result: formTooLargeResult, conflict: null }, { status: 413 });
  const submission = parseWithZod(formData, { schema: consultationUpdateSchema(config.attachmentMaxBytes) });
  if (submission.status !== "success") return data({ result: submission.reply(), conflict: null }, { status: submission.status === "error" ? 400 : 200 });
  const checked = await checkConsultationForm(submission.value, id);
  if (!checked.ok) return data({ result: submission.reply({ fieldErrors: checked.fieldErrors }), conflict: null }, { status: 400 });
  const saved = await updateConsultation(id, submission.value.version, submission.value, checked.files, user.id, await getLocale(request, user));
  if (!saved.ok && "notFound" in saved) throw new Response("Not found", { status: 404 });
  if (!saved.ok) return data({ result: submission.reply({ formErrors: ["error.conflict"] }), conflict: saved.conflict }, { status: 409 });
  return redirectWithToast(`/consultations/${id}`, { message: "toast.saved" });
}

export default function EditConsultation() {
  const { consultation, options, upload } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const pick = useBilingual();
  const conflict = actionData?.conflict ?? null;
  const { id, version, attachments, ...defaults } = consultation;
  return (
    <section>
      <nav aria-label={t("nav.breadcrumb")} className="breadcrumb">
        <Link to="/consultations">{t("consultations.title")}</Link>
        {" › "}
        <Link to={`/consultations/${id}`}>{pick(consultation.titleJa, consultation.titleEn)}</Link>
      </nav>
      <h1>{t("consultations.edit", { title: pick(consultation.titleJa, consultation.titleEn) })}</h1>
      <ConsultationEditor
        key={conflict?.version ?? version}
        defaults={defaults}
        options={options}
        upload={upload}
        lastResult={actionData?.result}
        version={conflict?.version ?? version}
        conflict={conflict}
        existingAttachments={attachments}
        cancelTo={`/consultations/${id}`}
      />
    </section>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
