import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ConsultationEditor } from "~/components/consultation-editor";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { useT } from "~/i18n/react";
import { consultationFormSchema } from "~/models/consultation";
import { checkConsultationForm, consultationFormOptions, createConsultation } from "~/models/consultation.server";
import { formTooLargeResult, readRequestForm } from "~/models/request.server";
import { ATTACHMENT_ACCEPT } from "~/utils/attachments.server";
import { requireStaff } from "~/utils/auth.server";
import { config } from "~/utils/env.server";
import { getLocale } from "~/utils/locale.server";
import { pageTitle } from "~/utils/meta";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("consultations.new"));

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaff(request);
  return {
    options: await consultationFormOptions(await getLocale(request, user)),
    upload: { accept: ATTACHMENT_ACCEPT, maxBytes: config.attachmentMaxBytes },
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireStaff(request);
  const formData = await readRequestForm(request);
  if (!formData) return data({ result: formTooLargeResult }, { status: 413 });
  const submission = parseWithZod(formData, { schema: consultationFormSchema(config.attachmentMaxBytes) });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: submission.status === "error" ? 400 : 200 });
  const checked = await checkConsultationForm(submission.value);
  if (!checked.ok) return data({ result: submission.reply({ fieldErrors: checked.fieldErrors }) }, { status: 400 });
  const created = await createConsultation(submission.value, checked.files, user.id);
  return redirectWithToast(`/consultations/${created.id}`, { message: "toast.consultationCreated" });
}

export default function NewConsultation() {
  const { options, upload } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  return (
    <section>
      <nav aria-label={t("nav.breadcrumb")} className="breadcrumb">
        <Link to="/consultations">{t("consultations.title")}</Link>
      </nav>
      <h1>{t("consultations.new")}</h1>
      <ConsultationEditor defaults={{}} options={options} upload={upload} lastResult={actionData?.result} cancelTo="/consultations" />
    </section>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
