import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, data } from "@remix-run/node";
import { Link, useActionData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { MembershipEditor } from "~/components/membership-editor";
import { useT } from "~/i18n/react";
import { membershipFigureSchema } from "~/models/membership";
import { createFigure } from "~/models/membership.server";
import { requireStaff } from "~/utils/auth.server";
import { pageTitle } from "~/utils/meta";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("membership.new"));

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request);
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireStaff(request);
  const submission = parseWithZod(await request.formData(), { schema: membershipFigureSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const created = await createFigure(submission.value, user.id);
  if (!created.ok) return data({ result: submission.reply({ fieldErrors: created.fieldErrors }) }, { status: 400 });
  return redirectWithToast("/membership", { message: "membership.created", vars: { year: submission.value.year } });
}

export default function NewMembershipFigure() {
  const actionData = useActionData<typeof action>();
  const t = useT();
  return (
    <section>
      <nav aria-label={t("nav.breadcrumb")} className="breadcrumb">
        <Link to="/membership">{t("membership.title")}</Link>
      </nav>
      <h1>{t("membership.new")}</h1>
      <MembershipEditor defaults={{}} lastResult={actionData?.result} cancelTo="/membership" />
    </section>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
