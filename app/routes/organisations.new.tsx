import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, type LoaderFunctionArgs, data } from "@remix-run/node";
import { Link, useActionData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { OrganisationEditor } from "~/components/organisation-editor";
import { useT } from "~/i18n/react";
import { organisationFormSchema } from "~/models/organisation";
import { createOrganisation } from "~/models/organisation.server";
import { requireStaff } from "~/utils/auth.server";
import { redirectWithToast } from "~/utils/toast.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request);
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireStaff(request);
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: organisationFormSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const organisation = await createOrganisation(submission.value, user.id);
  return redirectWithToast(`/organisations/${organisation.id}`, { message: "toast.organisationCreated" });
}

export default function NewOrganisation() {
  const actionData = useActionData<typeof action>();
  const t = useT();
  return (
    <section>
      <nav aria-label={t("nav.breadcrumb")} className="breadcrumb">
        <Link to="/organisations">{t("organisations.title")}</Link>
      </nav>
      <h1>{t("organisations.new")}</h1>
      <OrganisationEditor defaults={{}} lastResult={actionData?.result} cancelTo="/organisations" />
    </section>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
