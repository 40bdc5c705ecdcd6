import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { SubmissionEditor } from "~/components/consultation-editor";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { useBilingual, useT } from "~/i18n/react";
import { submissionFormSchema } from "~/models/consultation";
import { checkSubmissionForm, consultationHeading, createSubmission, submissionFormOptions } from "~/models/consultation.server";
import { formTooLargeResult, readRequestForm } from "~/models/request.server";
import { ATTACHMENT_ACCEPT } from "~/utils/attachments.server";
import { requireStaff } from "~/utils/auth.server";
import { config } from "~/utils/env.server";
import { getLocale } from "~/utils/locale.server";
import { pageTitle } from "~/utils/meta";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("submissions.new"));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireStaff(request);
  const consultation = await consultationHeading(params.consultationId ?? "");
  if (!consultation) throw new Response("Not found", { status: 404 });
  return {
    consultation,
    options: await submissionFormOptions(await getLocale(request, user)),
    upload: { accept: ATTACHMENT_ACCEPT, maxBytes: config.attachmentMaxBytes },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireStaff(request);
  const consultation = await consultationHeading(params.consultationId ?? "");
  if (!consultation) throw new Response("Not found", { status: 404 });
  const formData = await readRequestForm(request);
  if (!formData) return data({ result: formTooLargeResult }, { status: 413 });
  const submission = parseWithZod(formData, { schema: submissionFormSchema(config.attachmentMaxBytes) });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: submission.status === "error" ? 400 : 200 });
  const checked = await checkSubmissionForm(submission.value);
  if (!checked.ok) return data({ result: submission.reply({ fieldErrors: checked.fieldErrors }) }, { status: 400 });
  const created = await createSubmission(consultation.id, submission.value, checked.files, user.id);
  return redirectWithToast(`/consultations/${consultation.id}#submission-${created.id}`, { message: "toast.submissionCreated" });
}

export default function NewSubmission() {
  const { consultation, options, upload } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const pick = useBilingual();
  // Most comments go out in the name of our network: preselect it when there is exactly one.
  const sender = options.senderOrganisations.length === 1 ? options.senderOrganisations[0].value : "";
  return (
    <section>
      <nav aria-label={t("nav.breadcrumb")} className="breadcrumb">
        <Link to="/consultations">{t("consultations.title")}</Link>
        {" › "}
        <Link to={`/consultations/${consultation.id}`}>{pick(consultation.titleJa, consultation.titleEn)}</Link>
      </nav>
      <h1>{t("submissions.new")}</h1>
      <SubmissionEditor defaults={{ sender, points: [{ demandId: "", textJa: "", textEn: "" }] }} options={options} upload={upload} lastResult={actionData?.result} cancelTo={`/consultations/${consultation.id}`} />
    </section>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
