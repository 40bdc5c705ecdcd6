import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, data } from "@remix-run/node";
import { Link, useActionData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { MechanismEditor } from "~/components/un-editors";
import { useT } from "~/i18n/react";
import { mechanismFormSchema } from "~/models/un";
import { createMechanism } from "~/models/un.server";
import { requireStaff } from "~/utils/auth.server";
import { pageTitle } from "~/utils/meta";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("un.newMechanism"));

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request);
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireStaff(request);
  const submission = parseWithZod(await request.formData(), { schema: mechanismFormSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const mechanism = await createMechanism(submission.value, user.id);
  return redirectWithToast(`/un/mechanisms/${mechanism.id}`, { message: "toast.unCreated", vars: { name: mechanism.abbreviation } });
}

export default function NewMechanism() {
  const actionData = useActionData<typeof action>();
  const t = useT();
  return (
    <section>
      <nav aria-label={t("nav.breadcrumb")} className="breadcrumb">
        <Link to="/un">{t("un.title")}</Link>
      </nav>
      <h1>{t("un.newMechanism")}</h1>
      <MechanismEditor defaults={{}} lastResult={actionData?.result} cancelTo="/un" />
    </section>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
